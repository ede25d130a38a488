// The minutes' downloads read back: the CSV parsed, the XLSX unzipped and its cells read, the PDF loaded
// with pdf-lib (pages, the embedded Vietnamese font, the strings the renderer drew, page numbers).
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { packagedFont } from '../../src/entry/packaged-font.ts';
import { minutesCsv } from '../../src/minutes/csv.ts';
import { minutesPdf } from '../../src/minutes/pdf.ts';
import { minutesXlsx } from '../../src/minutes/xlsx.ts';
import { type Minutes, minutesOf } from '../../src/shared/minutes/minutes.ts';
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
});

describe('XLSX', () => {
  const files = unzipSync(minutesXlsx(minutes));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const cells = new Map(
    [
      ...sheet.matchAll(
        /<c r="([A-Z]+\d+)"(?: t="inlineStr")?>(?:<v>(\d+)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g,
      ),
    ].map((m) => [
      m[1]!,
      m[2] !== undefined ? Number(m[2]) : m[3]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
    ]),
  );

  it('has one sheet named "Biên bản"', () => {
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="Biên bản"');
    expect(Object.keys(files).filter((f) => f.startsWith('xl/worksheets/'))).toEqual([
      'xl/worksheets/sheet1.xml',
    ]);
  });

  it('holds the header block and the same table as the CSV, counts as numbers', () => {
    expect(cells.get('A1')).toBe('BIÊN BẢN KIỂM PHIẾU');
    expect(cells.get('B2')).toBe(minutes.meeting.title);
    const labels = [...cells.entries()].filter(([ref]) => ref.startsWith('A')).map(([, v]) => v);
    expect(labels).toContain('Có mặt');
    const headerRow = [...cells.entries()].find(([, v]) => v === 'Mã đối tượng')![0].slice(1);
    const first = Number(headerRow) + 1;
    optionRows.forEach(({ s, o }, i) => {
      const r = first + i;
      expect([cells.get(`A${r}`), cells.get(`C${r}`), cells.get(`D${r}`), cells.get(`G${r}`)]).toEqual([
        s.id,
        o.label.vi,
        o.votes,
        s.blank,
      ]);
    });
    const present = [...cells.entries()].find(([, v]) => v === 'Có mặt')![0].slice(1);
    expect(cells.get(`B${present}`)).toBe(minutes.attendance.present);
  });
});

describe('PDF', () => {
  async function render(m: Minutes) {
    const drawn: string[] = [];
    const bytes = await minutesPdf(m, await packagedFont(), {
      verifyUrl: `https://phieu.example${m.verifyPath}`,
      onText: (s) => drawn.push(s),
    });
    return { bytes, drawn, pdf: await PDFDocument.load(bytes) };
  }

  it('is an A4 document in the embedded DejaVu font with the title, the subjects and the counts', async () => {
    const { bytes, drawn, pdf } = await render(minutes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontName \/DejaVuSans/);
    expect(drawn).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(drawn).toContain('4.1. Đảng viên 1');
    const s = minutes.subjects[0]!;
    expect(drawn).toContain(s.options[0]!.label.vi);
    expect(drawn).toContain(String(s.options[0]!.votes));
    expect(drawn).toContain(`${s.options[0]!.percent.replace('.', ',')}%`);
    expect(drawn.join(' ')).toContain('Đề xuất: Hoàn thành xuất sắc nhiệm vụ');
    expect(drawn.join(' ')).toContain('làm tròn đến một chữ số thập phân');
    expect(drawn).toContain('https://phieu.example/verify?meeting=bb-366');
    expect(drawn.at(-1)).toBe(`Trang ${pdf.getPageCount()}/${pdf.getPageCount()}`);
  });

  it('runs over many numbered pages for 100 subjects', async () => {
    const many: Minutes = structuredClone(minutes);
    many.subjects = Array.from({ length: 100 }, (_, i) => ({
      ...structuredClone(minutes.subjects[i % minutes.subjects.length]!),
      name: `Đảng viên số ${i + 1}`,
    }));
    const { drawn, pdf } = await render(many);
    const pages = pdf.getPageCount();
    expect(pages).toBeGreaterThan(10);
    for (let p = 1; p <= pages; p++) expect(drawn).toContain(`Trang ${p}/${pages}`);
    expect(drawn).toContain('4.100. Đảng viên số 100');
  });
});
