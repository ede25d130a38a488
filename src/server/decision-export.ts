// The committee's decisions for a year, for filing upward: an XLSX workbook (current decisions, and every
// version in a second sheet) written by src/xlsx/write.ts, and an A4 PDF drawn with pdf-lib in an embedded Unicode
// font (DejaVu Sans) so Vietnamese renders exactly.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { Decision } from '../store/store.ts';
import { xlsxWorkbook } from '../xlsx/write.ts';
import type { Scope } from './access.ts';

export type MemberDecisions = { current: Decision; history: Decision[] };

const LEVEL_NAMES: Record<string, string> = {
  htxsnv: 'Hoàn thành xuất sắc nhiệm vụ',
  httnv: 'Hoàn thành tốt nhiệm vụ',
  htnv: 'Hoàn thành nhiệm vụ',
  khtnv: 'Không hoàn thành nhiệm vụ',
};

const level = (id: string | null) => (id ? `${id.toUpperCase()} (${LEVEL_NAMES[id] ?? id})` : '—');
const date = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);

const HEADER = [
  'STT',
  'Chi bộ',
  'Mã đảng viên',
  'Họ và tên',
  'Chi bộ đề xuất',
  'Quyết định',
  'Lý do',
  'Lần',
  'Ngày',
];
const HISTORY_HEADER = [...HEADER, 'Thay thế bản'];

/** One decision as a table row: number, chi bộ, member, proposal, level, reason, version, date. */
function decisionRow(scope: Scope, d: Decision, i: number): string[] {
  const branch = scope.branches.find((b) => b.id === d.branchId)?.name ?? d.branchId;
  return [
    String(i + 1),
    branch,
    d.memberId,
    d.memberName,
    level(d.proposal),
    level(d.level),
    d.reason,
    String(d.version),
    date(d.createdAt),
  ];
}

function rowsOf(scope: Scope, members: MemberDecisions[]): string[][] {
  return members.map(({ current }, i) => decisionRow(scope, current, i));
}

export function decisionsXlsx(scope: Scope, year: number, members: MemberDecisions[]): Uint8Array {
  const title = [`${scope.committee.name}: quyết định xếp loại chất lượng đảng viên năm ${year}`];
  const historyRows = members
    .flatMap((m) => m.history)
    .map((d, i) => [...decisionRow(scope, d, i), d.supersedes ? String(d.version - 1) : '']);
  const sheets = [
    { name: 'Quyết định', rows: [title, HEADER, ...rowsOf(scope, members)] },
    { name: 'Lịch sử', rows: [title, HISTORY_HEADER, ...historyRows] },
  ];
  return xlsxWorkbook(sheets);
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;

/** Splits text into lines no wider than `width` at `size`. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  lines.push(line);
  return lines;
}

export async function decisionsPdf(
  scope: Scope,
  year: number,
  members: MemberDecisions[],
  fontBytes: Uint8Array,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  pdf.setTitle(`Quyết định xếp loại ${year}`);
  const widths = [24, 90, 110, 80, 80, 131];
  const heads = ['STT', 'Chi bộ', 'Họ và tên', 'Chi bộ đề xuất', 'Quyết định', 'Lý do'];
  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const text = (s: string, x: number, size: number) => {
    page.drawText(s, { x, y, size, font, color: rgb(0, 0, 0) });
  };
  for (const line of wrap(font, `${scope.committee.name.toUpperCase()}`, 12, A4.width - 2 * MARGIN)) {
    text(line, MARGIN, 12);
    y -= 16;
  }
  text(`QUYẾT ĐỊNH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${year}`, MARGIN, 13);
  y -= 24;
  const row = (cells: string[], size: number) => {
    const wrapped = cells.map((cell, i) => wrap(font, cell, size, widths[i]! - 4));
    const height = Math.max(...wrapped.map((w) => w.length)) * (size + 3) + 4;
    if (y - height < MARGIN) {
      page = pdf.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
    }
    let x = MARGIN;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, j) => {
        page.drawText(line, { x: x + 2, y: y - (j + 1) * (size + 3), size, font });
      });
      page.drawRectangle({
        x,
        y: y - height,
        width: widths[i]!,
        height,
        borderWidth: 0.5,
        borderColor: rgb(0.4, 0.4, 0.4),
      });
      x += widths[i]!;
    });
    y -= height;
  };
  row(heads, 8);
  members.forEach(({ current: d }, i) => {
    const branch = scope.branches.find((b) => b.id === d.branchId)?.name ?? d.branchId;
    const amended = d.version > 1 ? ` (sửa đổi lần ${d.version - 1})` : '';
    row(
      [
        String(i + 1),
        branch,
        `${d.memberName} (${d.memberId})`,
        level(d.proposal),
        level(d.level) + amended,
        d.reason,
      ],
      8,
    );
  });
  y -= 20;
  if (y < MARGIN + 20) {
    page = pdf.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  }
  text(`Tổng số: ${members.length} đảng viên. Ngày xuất: ${date(Date.now())}.`, MARGIN, 9);
  return pdf.save({ useObjectStreams: false });
}
