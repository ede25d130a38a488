// The XLSX writer and reader: a round trip, a workbook in the shape Excel and LibreOffice write (shared
// strings with rich-text runs, skipped empty cells, inline strings), and the errors for files that are not
// workbooks.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  columnIndex,
  decodeOoxmlEscapes,
  readXlsxRows,
  serialDate,
  XlsxError,
} from '../../src/shared/xlsx/read.ts';
import { columnName, xlsxWorkbook } from '../../src/xlsx/write.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook as Excel writes it: the sheet named in workbook.xml sits at a path its relationships give. */
function excelLikeWorkbook(
  sheetXml: string,
  sharedStrings: string,
  { firstSheetName = 'Danh sách', workbookPr = '', styles = null as string | null } = {},
): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${workbookPr}<bookViews><workbookView/></bookViews><sheets><sheet name="${firstSheetName}" sheetId="7" r:id="rId3"/><sheet name="Khác" sheetId="8" r:id="rId1"/></sheets></workbook>`,
    ),
    ...(styles ? { 'xl/styles.xml': strToU8(styles) } : {}),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>`,
    ),
    'xl/worksheets/sheet2.xml': strToU8(sheetXml),
    'xl/sharedStrings.xml': strToU8(sharedStrings),
  });
}

describe('xlsx', () => {
  it('reads back what the writer wrote: text, integers, Vietnamese, XML specials and long rows', () => {
    const wide = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const bytes = xlsxWorkbook([
      {
        name: 'Đảng viên',
        rows: [
          ['Mã', 'Họ và tên', 'Tình trạng'],
          ['a1', 'Nguyễn Văn Ánh <"&">', 'chính thức'],
          [42, ' cách ', -7],
          wide,
        ],
      },
      { name: 'Second', rows: [['not read']] },
    ]);
    expect(readXlsxRows(bytes)).toEqual([
      ['Mã', 'Họ và tên', 'Tình trạng'],
      ['a1', 'Nguyễn Văn Ánh <"&">', 'chính thức'],
      ['42', ' cách ', '-7'],
      wide,
    ]);
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A3"><v>42</v></c>');
    expect(sheet).toContain('<c r="AD4" t="inlineStr">');
  });

  it('writes deterministic bytes and refuses what it cannot write', () => {
    const sheets = [{ name: 'A', rows: [['x', 1]] }];
    expect(xlsxWorkbook(sheets)).toEqual(xlsxWorkbook(sheets));
    expect(readXlsxRows(xlsxWorkbook([{ name: 'A', rows: [['a\u0001b\u001f', 'tab\tline\n']] }]))).toEqual([
      ['ab', 'tab\tline\n'],
    ]);
    expect(() => xlsxWorkbook([])).toThrow(/at least one sheet/);
    expect(() => xlsxWorkbook([{ name: 'A', rows: [[1.5]] }])).toThrow(/only integers/);
  });

  it('names and finds columns past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(['A1', 'Z9', 'AA10', 'aab3', 'AAA1'].map(columnIndex)).toEqual([0, 25, 26, 703, 702]);
    expect(columnIndex(undefined)).toBeNull();
    expect(decodeOoxmlEscapes('a_x000D_b _x005F_x000D_ _x00e1_ _xZZ_')).toBe('a\rb _x000D_ á _xZZ_');
  });

  it('reads a workbook in the shape Excel and LibreOffice write', () => {
    const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${MAIN}" count="6" uniqueCount="5">
  <si><t>Mã</t></si>
  <si><t xml:space="preserve">Họ và tên</t></si>
  <si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>Trần </t></r><r><rPr><i/></rPr><t xml:space="preserve">Thị Bình</t></r></si>
  <si><t>dự bị</t><rPh sb="0" eb="1"><t>phonetic, not text</t></rPh></si>
  <si><t>Lê &amp; Phạm &lt;con&gt;</t></si>
</sst>`;
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:D5"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="1" width="10"/></cols>
<sheetData>
<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="2"><v>1</v></c></row>
<row r="2" spans="1:4"><c r="A2"><v>1001</v></c><c r="B2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c></row>
<row r="4"><c r="A4" s="1"/><c r="B4" t="inlineStr"><is><t>Vũ Văn Cường</t></is></c><c r="C4" t="b"><v>1</v></c></row>
<row r="5"><c r="B5" t="s"><v>4</v></c><c r="C5" t="str"><f>A2&amp;"x"</f><v>1001x</v></c><c r="E5"><v>0.10000000000000001</v></c><c r="AA5" t="inlineStr"><is><r><t>al</t></r><r><t>so</t></r></is></c></row>
</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const rows = readXlsxRows(excelLikeWorkbook(sheet, shared));
    expect(rows.slice(0, 4)).toEqual([
      ['Mã', 'Họ và tên'],
      ['1001', 'Trần Thị Bình', '', 'dự bị'],
      [],
      ['', 'Vũ Văn Cường', 'TRUE'],
    ]);
    expect(rows[4]!.slice(0, 5)).toEqual(['', 'Lê & Phạm <con>', '1001x', '', '0.1']);
    expect(rows[4]).toHaveLength(27);
    expect(rows[4]![26]).toBe('also');
  });

  it('reads cells without references, with namespace prefixes, from the first worksheet file', () => {
    const bytes = zipSync({
      'xl/worksheets/sheet2.xml': strToU8(`<x:worksheet xmlns:x="${MAIN}"><x:sheetData/></x:worksheet>`),
      'xl/worksheets/sheet1.xml': strToU8(
        `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      ),
    });
    expect(readXlsxRows(bytes)).toEqual([['a', '2'], ['#N/A']]);
  });

  it('throws a clear error for a file that is not a workbook', () => {
    expect(() => readXlsxRows(strToU8('Mã,Họ và tên\n1,An'))).toThrow(XlsxError);
    expect(() => readXlsxRows(strToU8('Mã,Họ và tên\n1,An'))).toThrow(/not a zip archive/);
    expect(() => readXlsxRows(new Uint8Array())).toThrow(expect.objectContaining({ code: 'not-zip' }));
    expect(() => readXlsxRows(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))).toThrow(
      expect.objectContaining({ code: 'no-sheet', message: 'The XLSX workbook has no worksheet' }),
    );
  });

  describe('what a pattern-matching reader got wrong', () => {
    const sheetOf = (rows: string) => `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;

    it('skips commented-out strings, so the shared string indexes stay right, and reads CDATA as text', () => {
      const shared = `<sst xmlns="${MAIN}"><!-- <si><t>old name</t></si> --><si><t>Mã</t></si><si><t><![CDATA[Lê & Phạm <con>]]></t></si><si><r><t>Nguyễn </t></r><r><rPr><b/><rFont val="Times New Roman"/></rPr><t xml:space="preserve">Văn </t></r><r><t>An</t></r></si></sst>`;
      const sheet = sheetOf(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
      );
      expect(readXlsxRows(excelLikeWorkbook(sheet, shared))).toEqual([
        ['Mã', 'Lê & Phạm <con>', 'Nguyễn Văn An'],
      ]);
    });

    it('follows workbook.xml to the first sheet when an attribute holds a ">"', () => {
      const sheet = sheetOf('<row r="1"><c r="A1" t="inlineStr"><is><t>this sheet</t></is></c></row>');
      const bytes = excelLikeWorkbook(sheet, `<sst xmlns="${MAIN}"/>`, { firstSheetName: 'Năm 2024 > 2025' });
      expect(readXlsxRows(bytes)).toEqual([['this sheet']]);
    });

    it('decodes entities and character references once, and OOXML escapes in strings', () => {
      const shared = `<sst xmlns="${MAIN}"><si><t>&amp;lt; &#x1EA1;&#7843; a_x000D_b _x005F_x0041_</t></si></sst>`;
      const sheet = sheetOf(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>&quot;Bí thư&quot; &apos;x&apos;</t></is></c></row>',
      );
      expect(readXlsxRows(excelLikeWorkbook(sheet, shared))).toEqual([
        ['&lt; ạả a\rb _x0041_', '"Bí thư" \'x\''],
      ]);
    });

    it('keeps the gaps of a sheet: skipped rows, skipped cells, and cells without references after them', () => {
      const sheet = sheetOf(
        '<row r="2"><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5" spans="1:2"/><row><c r="B6" t="inlineStr"><is><t>b</t></is></c></row>',
      );
      expect(readXlsxRows(excelLikeWorkbook(sheet, `<sst xmlns="${MAIN}"/>`))).toEqual([
        [],
        ['', '', '3', '4'],
        [],
        [],
        [],
        ['', 'b'],
      ]);
    });

    it('reads numbers as Excel shows them and dates by their cell style, in either date system', () => {
      const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00&quot; đ&quot;"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs></styleSheet>`;
      const sheet = sheetOf(
        '<row r="1"><c r="A1"><v>0.30000000000000004</v></c><c r="B1" t="n"><v>1001</v></c><c r="C1" s="3"><v>12.5</v></c><c r="D1" s="1"><v>45658</v></c><c r="E1" s="2"><v>36526</v></c><c r="F1" s="4"><v>45658.75</v></c><c r="G1" s="2"><v>59</v></c><c r="H1" s="2"><v>61</v></c></row>',
      );
      expect(readXlsxRows(excelLikeWorkbook(sheet, `<sst xmlns="${MAIN}"/>`, { styles }))).toEqual([
        ['0.3', '1001', '12.5', '2025-01-01', '2000-01-01', '2025-01-01 18:00', '1900-02-28', '1900-03-01'],
      ]);
      const in1904 = excelLikeWorkbook(sheetOf('<row r="1"><c r="A1" s="1"><v>0</v></c></row>'), '<sst/>', {
        styles,
        workbookPr: '<workbookPr date1904="1"/>',
      });
      expect(readXlsxRows(in1904)).toEqual([['1904-01-01']]);
      expect(serialDate(1)).toBe('1900-01-01');
    });

    it('refuses a damaged part instead of reading half of it', () => {
      const bytes = excelLikeWorkbook(
        sheetOf('<row r="1"><c r="A1"><v>1</v></row>'),
        `<sst xmlns="${MAIN}"/>`,
      );
      expect(() => readXlsxRows(bytes)).toThrow(
        expect.objectContaining({
          code: 'damaged',
          message: expect.stringContaining('xl/worksheets/sheet2.xml'),
        }),
      );
    });
  });
});
