// The minutes as CSV: UTF-8 with a byte-order mark so that Excel reads Vietnamese right, CRLF lines, every
// field quoted; one row per subject and option (src/minutes/table.ts). A text field that a spreadsheet
// would run as a formula (it starts with =, +, -, @, a tab or a carriage return: a roster name
// "=HYPERLINK(…)") is written with a leading apostrophe, so it opens as the text it is.
import type { Minutes } from '../shared/minutes/minutes.ts';
import { subjectRows, TABLE_HEADER, type TableCell } from './table.ts';

/** The text as a spreadsheet shows it, never as a formula. */
export const neutralised = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const field = (cell: TableCell) =>
  `"${(typeof cell === 'number' ? String(cell) : neutralised(cell)).replace(/"/g, '""')}"`;

export function minutesCsv(m: Minutes): string {
  const lines = [TABLE_HEADER, ...subjectRows(m)].map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
