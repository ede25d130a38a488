// The committee's decisions for a year, for filing upward: an XLSX workbook (current decisions, and every
// version in a second sheet) written by src/xlsx/write.ts, and an A4 PDF laid out by src/pdf/layout.ts (the
// minutes' text flow) with pdf-lib in an embedded Unicode font (DejaVu Sans) so Vietnamese renders exactly.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { PdfFlow } from '../pdf/layout.ts';
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
  const flow = new PdfFlow(pdf, font);
  flow.paragraph(scope.committee.name.toUpperCase(), 12);
  flow.gap(4);
  flow.paragraph(`QUYẾT ĐỊNH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${year}`, 13);
  flow.gap(10);
  flow.row(heads, widths, 8);
  members.forEach(({ current: d }, i) => {
    const branch = scope.branches.find((b) => b.id === d.branchId)?.name ?? d.branchId;
    const amended = d.version > 1 ? ` (sửa đổi lần ${d.version - 1})` : '';
    flow.row(
      [
        String(i + 1),
        branch,
        `${d.memberName} (${d.memberId})`,
        level(d.proposal),
        level(d.level) + amended,
        d.reason,
      ],
      widths,
      8,
    );
  });
  flow.gap(16);
  flow.paragraph(`Tổng số: ${members.length} đảng viên. Ngày xuất: ${date(Date.now())}.`, 9);
  flow.numberPages((page, total) => `Trang ${page}/${total}`);
  return pdf.save({ useObjectStreams: false });
}
