// The minutes as an XLSX workbook a committee can file or merge (src/xlsx/write.ts): "Tổng hợp", the
// summary table of the meeting's kind (src/shared/minutes/summary.ts) with typed numbers (votes as
// integers, percentages as one-decimal numbers), column widths, the head frozen and printed on every A4
// page; "Biên bản", the facts (place and time, chủ tọa, thư ký, the board, attendance, cards, ballots,
// signatures); "Diễn giải", the settings with their basis and every subject's full rule trace.
import type { Minutes } from '../shared/minutes/minutes.ts';
import { citationText, summaryTable } from '../shared/minutes/summary.ts';
import { type Cell, type Sheet, xlsxWorkbook } from '../xlsx/write.ts';
import { headerRows } from './table.ts';

function summarySheet(m: Minutes): Sheet {
  const table = summaryTable(m);
  const head = (text: string): Cell => ({ head: text });
  const title = `BIÊN BẢN KIỂM PHIẾU: ${m.meeting.title} (${m.meeting.organisation})`;
  const rows: Cell[][] = [
    [title],
    table.columns.map((c) => head(c.group ? `${c.group}: ${c.head}` : c.head)),
    ...table.rows.map((row) =>
      row.map(
        (cell, i): Cell =>
          table.columns[i]!.type === 'percent' && cell !== '' ? { decimal: String(cell) } : cell,
      ),
    ),
  ];
  if (table.legend.length) rows.push([], [`Ghi chú: ${table.legend.join('; ')}`]);
  const widths = table.columns.map((c, i) =>
    i === 0 ? 5 : i === 1 ? 28 : c.type === 'text' ? (c.head === 'Ghi chú' ? 30 : 16) : 9,
  );
  return { name: 'Tổng hợp', rows, widths, headRows: 2, print: { landscape: true } };
}

function traceSheet(m: Minutes): Sheet {
  const head = (text: string): Cell => ({ head: text });
  const rows: Cell[][] = [[head('STT'), head('Họ và tên / nội dung'), head('Diễn giải'), head('Căn cứ')]];
  m.subjects.forEach((s, i) => {
    rows.push([i + 1, s.name, `Tỷ lệ tính trên ${s.base.text.vi}; ${s.answered} phiếu có đánh dấu.`, '']);
    for (const t of s.trace) rows.push([i + 1, s.name, t.text.vi, citationText(t.citation)]);
  });
  rows.push([]);
  for (const s of m.meeting.settings)
    rows.push(['', `Thiết lập: ${s.name.vi}`, s.valueText.vi, s.basis ?? s.citation.vi]);
  return { name: 'Diễn giải', rows, widths: [5, 28, 80, 30], headRows: 1, print: { landscape: true } };
}

export function minutesXlsx(m: Minutes): Uint8Array {
  return xlsxWorkbook([
    summarySheet(m),
    { name: 'Biên bản', rows: headerRows(m), widths: [36, 70], print: { landscape: false } },
    traceSheet(m),
  ]);
}
