// Reads the first worksheet of an XLSX file as rows of text, for importing a roster someone keeps in Excel
// or LibreOffice. Pure: fflate unzips the parts and @rgrove/parse-xml (a conforming XML parser that runs
// in browsers and Node alike) reads each one, so comments, CDATA, entities and attribute values are XML's,
// not a pattern's guess. Shared strings (with rich-text runs, phonetic guides left out), inline strings,
// numbers, booleans, errors and formula results come back as text; a number whose cell style is a date
// comes back as the date (yyyy-mm-dd, with hh:mm when it has a time of day), other numbers as Excel
// shows them (15 significant digits). Merged cells are not spread.
import { parseXml, type XmlDocument, XmlElement, XmlError } from '@rgrove/parse-xml';
import { strFromU8, unzipSync } from 'fflate';

/** Why a file could not be read as a workbook: `code` for pages to say it in their language. */
export class XlsxError extends Error {
  override name = 'XlsxError';
  constructor(
    readonly code: 'not-zip' | 'no-sheet' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

/** Decodes the `_xHHHH_` escapes OOXML uses for characters XML cannot carry (`_x005F_` is a literal "_"). */
export function decodeOoxmlEscapes(text: string): string {
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** An element's or attribute's name without its namespace prefix ("x:row" → "row", "r:id" → "id"). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

const childElements = (node: XmlElement | XmlDocument, name: string): XmlElement[] =>
  node.children.filter((c): c is XmlElement => c instanceof XmlElement && local(c.name) === name);

const child = (node: XmlElement | XmlDocument, name: string): XmlElement | undefined =>
  childElements(node, name)[0];

/** An attribute by its name without prefix. */
function attribute(element: XmlElement, name: string): string | undefined {
  for (const [key, value] of Object.entries(element.attributes)) if (local(key) === name) return value;
  return undefined;
}

/** The text of a string item (`<si>` or `<is>`): a plain `<t>` or the `<t>` of each rich-text run. */
function stringText(item: XmlElement): string {
  const texts = item.children.flatMap((c) => {
    if (!(c instanceof XmlElement)) return [];
    if (local(c.name) === 't') return [c];
    return local(c.name) === 'r' ? childElements(c, 't') : [];
  });
  return decodeOoxmlEscapes(texts.map((t) => t.text).join(''));
}

/** The zero-based column index of a cell reference such as "C7" or "AA12", or null when there is none. */
export function columnIndex(ref: string | undefined): number | null {
  const letters = ref?.match(/^([A-Z]+)\d*$/i)?.[1];
  if (!letters) return null;
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch {
    throw new XlsxError('not-zip', 'The file is not an XLSX workbook (it is not a zip archive)');
  }
}

/** A part of the package parsed as XML, or null when the package has no such part. */
function xmlPart(files: Record<string, Uint8Array>, path: string): XmlDocument | null {
  const bytes = files[path];
  if (!bytes) return null;
  try {
    return parseXml(strFromU8(bytes));
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    throw new XlsxError(
      'damaged',
      `The XLSX workbook is damaged: ${path} is not well-formed XML (line ${error.line})`,
    );
  }
}

/** The path of the workbook's first sheet, following workbook.xml and its relationships. */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const workbook = xmlPart(files, 'xl/workbook.xml')?.root;
  const rels = xmlPart(files, 'xl/_rels/workbook.xml.rels')?.root;
  const sheets = workbook ? child(workbook, 'sheets') : undefined;
  const first = sheets ? child(sheets, 'sheet') : undefined;
  const relId = first ? attribute(first, 'id') : undefined;
  const target = rels
    ? childElements(rels, 'Relationship').find((r) => attribute(r, 'Id') === relId)
    : undefined;
  const to = target ? attribute(target, 'Target') : undefined;
  if (to) {
    const path = to.startsWith('/') ? to.slice(1) : `xl/${to.replace(/^\.\//, '')}`;
    if (files[path]) return path;
  }
  const found = Object.keys(files)
    .filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (found[0]) return found[0];
  throw new XlsxError('no-sheet', 'The XLSX workbook has no worksheet');
}

/** The built-in number formats that show a date or time (ECMA-376 Part 1, 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a custom format code shows a date or time: a d, m, y, h or s outside quotes, escapes and [..]. */
const isDateFormat = (code: string) =>
  /[dmyhs]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '').replace(/General/gi, ''));

/** For each cell style (the cell's `s`), whether it shows numbers as dates. */
function dateStyles(files: Record<string, Uint8Array>): boolean[] {
  const styles = xmlPart(files, 'xl/styles.xml')?.root;
  if (!styles) return [];
  const custom = new Map<number, string>();
  for (const f of childElements(child(styles, 'numFmts') ?? styles, 'numFmt'))
    custom.set(Number(attribute(f, 'numFmtId')), attribute(f, 'formatCode') ?? '');
  return childElements(child(styles, 'cellXfs') ?? styles, 'xf').map((xf) => {
    const id = Number(attribute(xf, 'numFmtId') ?? 0);
    return custom.has(id) ? isDateFormat(custom.get(id)!) : DATE_FORMAT_IDS.has(id);
  });
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date serial as text: days since 1899-12-31 (day 60 being Excel's 29 February 1900, which never was),
 * or since 1904-01-01 in a workbook that says `date1904`.
 */
export function serialDate(serial: number, date1904 = false): string {
  const minutes = Math.round(serial * 1440);
  const days = Math.floor(minutes / 1440);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days >= 61 ? 30 : 31);
  const day = new Date(epoch + days * DAY_MS);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const time = minutes - days * 1440;
  return time === 0 ? date : `${date} ${pad(Math.floor(time / 60))}:${pad(time % 60)}`;
}

type Book = { shared: string[]; dates: boolean[]; date1904: boolean };

/** One cell's value as text: a shared or inline string, a number or date, a boolean, or a formula's result. */
function cellText(cell: XmlElement, book: Book): string {
  const v = child(cell, 'v');
  const raw = v === undefined ? undefined : v.text;
  switch (attribute(cell, 't')) {
    case 's':
      return book.shared[Number(raw)] ?? '';
    case 'inlineStr': {
      const is = child(cell, 'is');
      return is ? stringText(is) : '';
    }
    case 'b':
      return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : (raw ?? '');
    case 'str':
      return decodeOoxmlEscapes(raw ?? '');
    case 'e':
    case 'd':
      return raw ?? '';
    default: {
      if (raw === undefined || raw.trim() === '') return '';
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      if (book.dates[Number(attribute(cell, 's') ?? 0)]) return serialDate(n, book.date1904);
      return String(Number(n.toPrecision(15)));
    }
  }
}

/**
 * The rows of the workbook's first sheet, as text. Cells skipped by the writer (empty ones) come back as ''
 * at their column, rows skipped come back as [], and each row ends at its last written cell.
 */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  const files = unzip(bytes);
  const sheetPath = firstSheetPath(files);
  const sst = xmlPart(files, 'xl/sharedStrings.xml')?.root;
  const workbookPr = child(
    xmlPart(files, 'xl/workbook.xml')?.root ?? new XmlElement('workbook'),
    'workbookPr',
  );
  const date1904 = workbookPr ? ['1', 'true'].includes(attribute(workbookPr, 'date1904') ?? '') : false;
  const book: Book = {
    shared: sst ? childElements(sst, 'si').map(stringText) : [],
    dates: dateStyles(files),
    date1904,
  };
  const sheet = xmlPart(files, sheetPath)!.root;
  const data = sheet ? child(sheet, 'sheetData') : undefined;
  const rows: string[][] = [];
  for (const row of data ? childElements(data, 'row') : []) {
    const rowNumber = Number(attribute(row, 'r'));
    const index = Number.isInteger(rowNumber) && rowNumber > 0 ? rowNumber - 1 : rows.length;
    while (rows.length < index) rows.push([]);
    const cells: string[] = [];
    for (const cell of childElements(row, 'c')) {
      const column = columnIndex(attribute(cell, 'r')) ?? cells.length;
      while (cells.length < column) cells.push('');
      cells[column] = cellText(cell, book);
    }
    rows[index] = cells;
  }
  return rows;
}
