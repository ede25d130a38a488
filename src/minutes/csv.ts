// The minutes as CSV: UTF-8 with a byte-order mark so that Excel reads Vietnamese right, CRLF lines, every
// field quoted; one row per subject and option (src/minutes/table.ts).
import type { Minutes } from '../shared/minutes/minutes.ts';
import { subjectRows, TABLE_HEADER, type TableCell } from './table.ts';

const field = (cell: TableCell) => `"${String(cell).replace(/"/g, '""')}"`;

export function minutesCsv(m: Minutes): string {
  const lines = [TABLE_HEADER, ...subjectRows(m)].map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
