// The minutes' downloads read back: the CSV parsed (formula-looking names neutralised), the XLSX unzipped
// and its typed cells, styles, frozen head and print setup read, the PDF of a meeting without names entered.
// The biên bản's layout itself is test/minutes/bien-ban.test.ts.
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { packagedDocumentFonts } from '../../src/entry/packaged-font.ts';
import { minutesCsv } from '../../src/minutes/csv.ts';
import { minutesPdf } from '../../src/minutes/pdf.ts';
import { minutesXlsx } from '../../src/minutes/xlsx.ts';
import { type Minutes, minutesOf } from '../../src/shared/minutes/minutes.ts';
import { summaryTable } from '../../src/shared/minutes/summary.ts';
import { readXlsxRows } from '../../src/shared/xlsx/read.ts';
import { columnName, escapeXml } from '../../src/xlsx/write.ts';
import { csvRows } from '../../web/organiser/roster-csv.ts';
import { classificationRecord } from './fixtures.ts';

const minutes = minutesOf(classificationRecord(), { createdAt: Date.UTC(2026, 10, 23, 8, 0), issued: 10 });
const optionRows = minutes.subjects.flatMap((s) => s.options.map((o) => ({ s, o })));

describe('CSV', () => {
  const csv = minutesCsv(minutes);

  it('starts with a UTF-8 byte-order mark and has a row per subject and option', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csvRows(csv.slice(1));
    expect(rows[0]).toEqual([
      'Mã đối tượng',
      'Họ và tên / nội dung',
      'Phương án',
      'Số phiếu',
      'Tỷ lệ (%)',
      'Mẫu số',
      'Phiếu không đánh dấu',
      'Đề xuất',
    ]);
    expect(rows.length).toBe(1 + optionRows.length);
    rows.slice(1).forEach((row, i) => {
      const { s, o } = optionRows[i]!;
      expect(row).toEqual([
        s.id,
        s.name,
        o.label.vi,
        String(o.votes),
        `${o.percent.replace('.', ',')}%`,
        String(s.base.value),
        String(s.blank),
        s.proposalLabel!.vi,
      ]);
    });
  });

  it('quotes fields that hold quotes and commas', () => {
    const odd: Minutes = structuredClone(minutes);
    odd.subjects[0]!.name = 'Nguyễn "Út", Văn A';
    const rows = csvRows(minutesCsv(odd).slice(1));
    expect(rows[1]![1]).toBe('Nguyễn "Út", Văn A');
  });

  it('writes a name that a spreadsheet would run as a formula as plain text, behind an apostrophe', () => {
    const odd: Minutes = structuredClone(minutes);
    const names = ['=HYPERLINK("http://x.example","Bấm")', '+1+2', '-2+3', '@SUM(A1)', '\tTab', 'Lê Văn An'];
    odd.subjects = names.map((name, i) => ({ ...structuredClone(minutes.subjects[0]!), name, id: `m${i}` }));
    const rows = csvRows(minutesCsv(odd).slice(1)).slice(1);
    const shown = [...new Set(rows.map((r) => r[1]))];
    expect(shown).toEqual([
      `'=HYPERLINK("http://x.example","Bấm")`,
      "'+1+2",
      "'-2+3",
      "'@SUM(A1)",
      "'\tTab",
      'Lê Văn An',
    ]);
    for (const row of rows) expect(row.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });
});

describe('XLSX', () => {
  const bytes = minutesXlsx(minutes);
  const files = unzipSync(bytes);
  const xml = (path: string) => strFromU8(files[path]!);
  /** A sheet's cells by reference: type (n: number, s: inline string), style and value. */
  const cellsOf = (n: number) =>
    new Map(
      [
        ...xml(`xl/worksheets/sheet${n}.xml`).matchAll(
          /<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(inlineStr)")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g,
        ),
      ].map((m) => [m[1]!, { type: m[3] ? 's' : 'n', style: m[2] ?? '0', value: m[4] ?? m[5]! }]),
    );
  const table = summaryTable(minutes);

  it('has the summary, the facts and the traces as three sheets', () => {
    const names = [...xml('xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Tổng hợp', 'Biên bản', 'Diễn giải']);
  });

  it('holds the summary table with typed numbers: votes as integers, percentages as one-decimal numbers', () => {
    const cells = cellsOf(1);
    const heads = table.columns.map((_, i) => cells.get(`${columnName(i)}2`)!);
    expect(heads.every((h) => h.type === 's' && h.style === '2')).toBe(true);
    minutes.subjects.forEach((s, i) => {
      const r = i + 3;
      expect(cells.get(`A${r}`)).toEqual({ type: 'n', style: '0', value: String(i + 1) });
      expect(cells.get(`B${r}`)!.value).toBe(s.name);
      s.options.forEach((o, j) => {
        expect(cells.get(`${columnName(3 + 2 * j)}${r}`)).toEqual({
          type: 'n',
          style: '0',
          value: String(o.votes),
        });
        expect(cells.get(`${columnName(4 + 2 * j)}${r}`)).toEqual({
          type: 'n',
          style: '3',
          value: o.percent,
        });
      });
    });
    const styles = xml('xl/styles.xml');
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="0.0"/>');
  });

  it('freezes the head, sets column widths and prints on A4 with the head on every page', () => {
    const sheet = xml('xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"\/>/);
    expect(sheet).toMatch(/<col min="2" max="2" width="28" customWidth="1"\/>/);
    expect(sheet).toMatch(
      /<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/,
    );
    expect(xml('xl/workbook.xml')).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tổng hợp'!$1:$2</definedName>`,
    );
  });

  it('opens with the project reader: the first sheet reads back as the summary rows', () => {
    const rows = readXlsxRows(bytes);
    expect(rows[1]).toEqual(table.columns.map((c) => (c.group ? `${c.group}: ${c.head}` : c.head)));
    // a percentage comes back as the number it is ("0.0" is the number 0), a vote count as its digits
    const expected = table.rows[0]!.map((cell, i) =>
      table.columns[i]!.type === 'percent' ? String(Number(cell)) : String(cell),
    );
    expect(rows[2]).toEqual(expected);
  });

  it('lists the facts (counts as numbers) and every trace line with its basis', () => {
    const facts = cellsOf(2);
    const label = (text: string) => [...facts.entries()].find(([, c]) => c.value === text)![0].slice(1);
    expect(facts.get(`B${label('Có mặt')}`)).toEqual({
      type: 'n',
      style: '0',
      value: String(minutes.attendance.present),
    });
    expect(facts.get(`B${label('Phiếu thu về')}`)!.value).toBe(String(minutes.ballots.cast));
    const traces = [...cellsOf(3).values()].map((c) => c.value);
    for (const t of minutes.subjects[0]!.trace) expect(traces).toContain(escapeXml(t.text.vi));
  });
});

describe('PDF of a meeting whose organiser entered no names', () => {
  it('leaves the names and the place to be written by hand, and still numbers and counts everything', async () => {
    const drawn: string[] = [];
    const bytes = await minutesPdf(minutes, await packagedDocumentFonts(), {
      verifyUrl: `https://phieu.example${minutes.verifyPath}`,
      onText: (s) => drawn.push(s),
    });
    const pdf = await PDFDocument.load(bytes);
    const text = drawn.join(' ');
    expect(text).toContain('…, ngày 23 tháng 11 năm 2026');
    expect(drawn.filter((s) => s === '(chưa ghi tên)')).toHaveLength(minutes.board.n);
    expect(text).toContain('Chủ tọa: …. Thư ký: ….');
    expect(text).toContain(`Số phiếu thu về: ${minutes.ballots.cast}`);
    expect(drawn).toContain(minutes.subjects[0]!.name);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
  });
});
