// Reads the first worksheet of an XLSX file as rows of text, for importing a roster someone keeps in Excel
// or LibreOffice. Pure (fflate only, no DOM, no node: imports). A small regular-expression reader for the
// subset of Office Open XML that a plain table uses: shared strings (with rich-text runs), inline strings,
// numbers, booleans and formula results as text; styles, dates and merged cells are not interpreted
// (a date comes back as its serial number).
import { strFromU8, unzipSync } from 'fflate';

/** Why a file could not be read as a workbook: `code` for pages to say it in their language. */
export class XlsxError extends Error {
  override name = 'XlsxError';
  constructor(
    readonly code: 'not-zip' | 'no-sheet',
    message: string,
  ) {
    super(message);
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML entities and the `_xHHHH_` escapes OOXML uses for characters XML cannot carry. */
export function decodeXmlText(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return ENTITIES[name] ?? whole;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The attributes of one start tag, by name without namespace prefix. */
function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.replace(/^[\w.-]+:/, '');
    found[name] = decodeXmlText(m[2] ?? m[3] ?? '');
  }
  return found;
}

/** Every element `name` (with any namespace prefix) as [start tag, inner XML]; self-closing ones have ''. */
function elements(xml: string, name: string): Array<[string, string]> {
  const pattern = new RegExp(`<((?:[\\w.-]+:)?${name})(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</\\1\\s*>)`, 'g');
  return [...xml.matchAll(pattern)].map((m) => [m[2] ?? '', m[3] ?? '']);
}

/** The text of every `<t>` in the XML, joined: a plain string or the runs of a rich-text one. */
function textOf(xml: string): string {
  const withoutPhonetic = xml.replace(/<((?:[\w.-]+:)?rPh)\b[\s\S]*?<\/\1\s*>/g, '');
  return elements(withoutPhonetic, 't')
    .map(([, inner]) => decodeXmlText(inner))
    .join('');
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

/** The path of the workbook's first sheet, following workbook.xml and its relationships. */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const text = (path: string) => (files[path] ? strFromU8(files[path]!) : null);
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const first = workbook ? elements(workbook, 'sheet')[0] : undefined;
  const relId = first ? attributes(first[0]).id : undefined;
  if (rels && relId) {
    const rel = elements(rels, 'Relationship')
      .map(([tag]) => attributes(tag))
      .find((a) => a.Id === relId);
    if (rel?.Target) {
      const path = rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target.replace(/^\.\//, '')}`;
      if (files[path]) return path;
    }
  }
  const sheets = Object.keys(files)
    .filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (sheets[0]) return sheets[0];
  throw new XlsxError('no-sheet', 'The XLSX workbook has no worksheet');
}

/** One cell's value as text: a shared or inline string, a number, a boolean, or a formula's result. */
function cellText(attrs: Record<string, string>, inner: string, shared: string[]): string {
  const value = elements(inner, 'v')[0]?.[1];
  const raw = value === undefined ? undefined : decodeXmlText(value);
  switch (attrs.t) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'inlineStr':
      return textOf(elements(inner, 'is')[0]?.[1] ?? '');
    case 'b':
      return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : (raw ?? '');
    case 'str':
    case 'e':
      return raw ?? '';
    default: {
      if (raw === undefined || raw.trim() === '') return '';
      const n = Number(raw);
      return Number.isFinite(n) ? String(n) : raw;
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
  const sharedXml = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']!) : '';
  const shared = elements(sharedXml, 'si').map(([, inner]) => textOf(inner));
  const sheet = strFromU8(files[sheetPath]!);
  const data = elements(sheet, 'sheetData')[0]?.[1] ?? '';
  const rows: string[][] = [];
  for (const [rowTag, rowInner] of elements(data, 'row')) {
    const rowNumber = Number(attributes(rowTag).r);
    const index = Number.isInteger(rowNumber) && rowNumber > 0 ? rowNumber - 1 : rows.length;
    while (rows.length < index) rows.push([]);
    const cells: string[] = [];
    for (const [cellTag, cellInner] of elements(rowInner, 'c')) {
      const attrs = attributes(cellTag);
      const column = columnIndex(attrs.r) ?? cells.length;
      while (cells.length < column) cells.push('');
      cells[column] = cellText(attrs, cellInner, shared);
    }
    rows[index] = cells;
  }
  return rows;
}
