// A minimal XLSX (Office Open XML spreadsheet) writer: sheets of text, integer, one-decimal and date cells,
// bold heads, column widths, frozen head rows and an A4 print setup (heads repeated on every printed
// page), zipped with fflate. Pure: no node: imports, so it runs in Node, in Workers and in browsers alike.
import { strToU8, zipSync } from 'fflate';

/**
 * A cell: text is written as an inline string, a number as a numeric value, a date (`{ date }`, ms since
 * the epoch) as the spreadsheet's own date-time in Việt Nam time (UTC+7), shown dd/mm/yyyy hh:mm;
 * `decimal` is a number kept as the text it was computed as ("54.4", never through a float), shown with
 * one decimal; `head` is bold text in a bordered, wrapped, centred cell (a table's head).
 */
export type Cell = string | number | { date: number } | { decimal: string } | { head: string };

const DAY_MS = 86_400_000;
/** Days from the spreadsheet's day 0 (30 Dec 1899) to 1 Jan 1970. */
const EPOCH_SERIAL = 25_569;
const VIETNAM_MS = 7 * 3_600_000;
export type Sheet = {
  name: string;
  rows: Cell[][];
  /** column widths in characters, from column A */
  widths?: number[];
  /** rows 1…n stay in view when scrolling and are printed on every page */
  headRows?: number;
  /** A4, fitted to the page's width; landscape for wide tables */
  print?: { landscape: boolean };
};

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Escapes text for XML and drops the control characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  const allowed = [...text].filter((ch) => ch >= ' ' || ch === '\t' || ch === '\n' || ch === '\r');
  return allowed
    .join('')
    .replace(/[<>&"]/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[ch]};`);
}

/** The column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function textXml(ref: string, text: string, style = ''): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

function cellXml(cell: Cell, ref: string): string {
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell))
      throw new Error(`XLSX cell ${ref}: only integers are written, got ${cell}`);
    return `<c r="${ref}"><v>${cell}</v></c>`;
  }
  if (typeof cell === 'string') return textXml(ref, cell);
  if ('date' in cell) {
    const serial = (cell.date + VIETNAM_MS) / DAY_MS + EPOCH_SERIAL;
    return `<c r="${ref}" s="${STYLE.date}"><v>${serial.toFixed(8)}</v></c>`;
  }
  if ('head' in cell) return textXml(ref, cell.head, ` s="${STYLE.head}"`);
  if (!/^-?\d+(\.\d+)?$/.test(cell.decimal))
    throw new Error(`XLSX cell ${ref}: not a decimal number: ${cell.decimal}`);
  return `<c r="${ref}" s="${STYLE.decimal}"><v>${cell.decimal}</v></c>`;
}

function sheetXml(sheet: Sheet): string {
  const body = sheet.rows
    .map((cells, r) => {
      const xml = cells.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`)).join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  const fit = sheet.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const frozen = sheet.headRows
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.headRows}" topLeftCell="A${sheet.headRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : '';
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const print = sheet.print
    ? `<pageMargins left="0.6" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="${sheet.print.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`
    : '';
  return `${XML_DECL}<worksheet xmlns="${MAIN_NS}">${fit}${frozen}${cols}<sheetData>${body}</sheetData>${print}</worksheet>`;
}

/** Sheet names are at most 31 characters and may not contain : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}

/**
 * Cell style 0 is plain; 1 a date and time (number format 164); 2 a head (bold, bordered, wrapped,
 * centred); 3 a number with one decimal (number format 165).
 */
const STYLE = { date: 1, head: 2, decimal: 3 } as const;
const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN_NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** A workbook of the given sheets, in order, as XLSX bytes (deterministic: fixed zip timestamps). */
export function xlsxWorkbook(sheets: Sheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('An XLSX workbook needs at least one sheet');
  const worksheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  const titles = sheets.flatMap((s, i) =>
    s.headRows && s.print
      ? [
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${escapeXml(sheetName(s.name)).replace(/'/g, "''")}'!$1:$${s.headRows}</definedName>`,
        ]
      : [],
  );
  const names = titles.length ? `<definedNames>${titles.join('')}</definedNames>` : '';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${worksheetType}"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML_DECL}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(sheetName(s.name))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${names}</workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_DECL}<Relationships xmlns="${PACKAGE_REL_NS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}
