// The minutes as an XLSX workbook: one sheet "Biên bản", the header block, a blank row, then the same
// table as the CSV (counts as numbers). Written with the project's one XLSX writer (src/xlsx/write.ts).

import type { Minutes } from '../shared/minutes/minutes.ts';
import { xlsxWorkbook } from '../xlsx/write.ts';
import { headerRows, subjectRows, TABLE_HEADER } from './table.ts';

export function minutesXlsx(m: Minutes): Uint8Array {
  return xlsxWorkbook([{ name: 'Biên bản', rows: [...headerRows(m), [], TABLE_HEADER, ...subjectRows(m)] }]);
}
