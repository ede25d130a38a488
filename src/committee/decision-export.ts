// The committee's decisions for a year, for filing upward. Both files cover every member any chi bộ
// proposed (decided or not), name the chi bộ with no certified result, the groups and cap used, and who
// decided when from which meeting. The XLSX (src/xlsx/write.ts) has typed numbers and dates and every
// version in its own sheet; the A4 PDF (src/pdf/layout.ts, DejaVu Sans embedded) is laid out as the
// Party's decision: heading, number, place and date, căn cứ, Điều 1 grouped by chi bộ, signature, nơi nhận.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { Scope } from '../http/access.ts';
import { PdfFlow } from '../pdf/layout.ts';
import { ruleSets } from '../shared/rules/index.ts';
import { LEVELS } from '../shared/rules/tables/common.ts';
import type { Decision, Meeting } from '../store/store.ts';
import { type Cell, xlsxWorkbook } from '../xlsx/write.ts';
import type { BranchStatus, CapChoice, TableGroup, TableRow } from './combined-table.ts';

/** Everything an export files: the table for the year, every version, the authors and the meetings. */
export type Filed = {
  scope: Scope;
  /** The node above the committee, named first in the heading. */
  parentName: string | null;
  assessmentYear: number;
  cap: CapChoice;
  branches: BranchStatus[];
  groups: TableGroup[];
  decisions: Decision[];
  authors: Map<string, string>;
  meetings: Map<string, Meeting>;
  now: number;
};

const VIETNAM_MS = 7 * 3_600_000;
const levelName = (id: string | null) => (id ? (LEVELS.find((l) => l.id === id)?.label.vi ?? id) : '—');
const local = (ms: number) => new Date(ms + VIETNAM_MS).toISOString();
const dateText = (ms: number) => local(ms).slice(0, 10).split('-').reverse().join('/');
const timeText = (ms: number) => `${local(ms).slice(11, 16)} ${dateText(ms)}`;

const STATUS: Record<BranchStatus['status'], string> = {
  certified: 'Kết quả đã xác nhận',
  open: 'Hội nghị chưa có kết quả xác nhận',
  missing: 'Chưa có hội nghị xếp loại',
};
const CAP_PLACE: Record<string, string> = {
  within: 'trong giới hạn',
  'exceeds-cap': 'vượt giới hạn',
  'tied-at-cap': 'bằng phiếu tại giới hạn',
};
const ROUNDING: Record<string, string> = { floor: 'làm tròn xuống', round: 'làm tròn', ceil: 'làm tròn lên' };

/** "tối đa 1 HTXSNV = 20% × 8 HTTNV (làm tròn xuống)", and what the group lacks. */
export function capText(group: TableGroup, cap: CapChoice): string {
  const counted = cap.base === 'httnv' ? 'HTTNV' : 'HTTNV và HTXSNV';
  const missing = group.missing.length
    ? `; chưa đủ: thiếu ${group.missing.map((b) => b.name).join(', ')} (chưa có kết quả đã xác nhận)`
    : '';
  return `${group.name}: tối đa ${group.max} HTXSNV = ${cap.percent}% × ${group.base} ${counted} (${ROUNDING[cap.rounding] ?? cap.rounding}); đã quyết định ${group.decidedBest} HTXSNV${missing}`;
}

const versionText = (d: Decision) => (d.version > 1 ? `sửa đổi lần ${d.version - 1}` : 'lần đầu');
const rowsOf = (filed: Filed) => filed.groups.flatMap((group) => group.rows.map((row) => ({ group, row })));

function meetingText(filed: Filed, meetingId: string | null): string {
  const meeting = meetingId ? filed.meetings.get(meetingId) : undefined;
  return meeting ? `${meeting.title}, ${dateText(meeting.createdAt)}` : '';
}

/** The columns naming a member, and those of a decision, shared by the decisions sheet and the history. */
const MEMBER_COLUMNS = ['STT', 'Chi bộ', 'Mã đảng viên', 'Họ và tên'];
const DECISION_COLUMNS = ['Chi bộ đề xuất', 'Quyết định', 'Lý do', 'Căn cứ vượt giới hạn, đề xuất'];

export function decisionsXlsx(filed: Filed): Uint8Array {
  const title = [
    `${filed.scope.committee.name}: quyết định xếp loại chất lượng đảng viên năm ${filed.assessmentYear}`,
  ];
  const author = (d: Decision) => filed.authors.get(d.authorId) ?? d.authorId;
  const decided = (d: Decision | null): Cell[] =>
    d
      ? [levelName(d.level), d.reason, d.override ?? '', d.version, author(d), { date: d.createdAt }]
      : ['Chưa quyết định', '', '', '', '', ''];
  const members: Cell[][] = rowsOf(filed).map(({ group, row }, i) => [
    i + 1,
    row.branchName,
    row.memberId,
    row.name,
    group.name,
    row.htxsnvVotes,
    row.denominator,
    row.rank ?? '',
    row.cap ? CAP_PLACE[row.cap]! : '',
    levelName(row.proposal),
    ...decided(row.decision),
    meetingText(filed, row.meetingId),
  ]);
  const history: Cell[][] = filed.decisions.map((d, i) => [
    i + 1,
    filed.scope.branches.find((b) => b.id === d.branchId)?.name ?? d.branchId,
    d.memberId,
    d.memberName,
    d.version,
    levelName(d.proposal),
    levelName(d.level),
    d.reason,
    d.override ?? '',
    d.capGroup ? `${d.capGroup.name}: tối đa ${d.capGroup.max} / ${d.capGroup.counted}` : '',
    author(d),
    { date: d.createdAt },
    d.supersedes ? d.version - 1 : '',
  ]);
  return xlsxWorkbook([
    {
      name: 'Quyết định',
      rows: [
        title,
        [
          ...MEMBER_COLUMNS,
          'Nhóm',
          'Phiếu HTXSNV',
          'Trên tổng số',
          'Thứ hạng',
          'Giới hạn',
          ...DECISION_COLUMNS,
          'Lần',
          'Người ghi',
          'Thời điểm',
          'Hội nghị chi bộ',
        ],
        ...members,
      ],
    },
    {
      name: 'Nhóm và giới hạn',
      rows: [
        title,
        ['Nhóm', 'Cơ sở tính', 'Tối đa HTXSNV', 'Đề xuất HTXSNV', 'Đã quyết định HTXSNV', 'Chi bộ còn thiếu'],
        ...filed.groups.map((g) => [
          g.name,
          g.base,
          g.max,
          g.proposedBest,
          g.decidedBest,
          g.missing.map((b) => b.name).join(', '),
        ]),
      ],
    },
    {
      name: 'Chi bộ',
      rows: [
        title,
        ['Chi bộ', 'Tình trạng', 'Hội nghị'],
        ...filed.branches.map((b) => [b.name, STATUS[b.status], meetingText(filed, b.meetingId)]),
      ],
    },
    {
      name: 'Lịch sử',
      rows: [
        title,
        [
          ...MEMBER_COLUMNS,
          'Lần',
          ...DECISION_COLUMNS,
          'Giới hạn khi quyết định',
          'Người ghi',
          'Thời điểm',
          'Thay thế lần',
        ],
        ...history,
      ],
    },
  ]);
}

/** The heading of a Party document: the issuing body on the left, the Party's name and the date on the right. */
function heading(flow: PdfFlow, filed: Filed): void {
  const top = flow.y;
  const half = flow.width / 2;
  const centred = (text: string, x: number, y: number, size: number) =>
    flow.draw(text, x + (half - flow.font.widthOfTextAtSize(text, size)) / 2, y, size);
  const left = [
    filed.parentName?.toUpperCase(),
    filed.scope.committee.name.toUpperCase(),
    '*',
    'Số: ……-QĐ/ĐU',
  ];
  const lines = left.filter((l): l is string => !!l);
  for (const [i, line] of lines.entries()) centred(line, flow.margin, top - 12 - i * 14, 10);
  const local = new Date(filed.now + VIETNAM_MS);
  const day = `……, ngày ${local.getUTCDate()} tháng ${local.getUTCMonth() + 1} năm ${local.getUTCFullYear()}`;
  centred('ĐẢNG CỘNG SẢN VIỆT NAM', flow.margin + half, top - 12, 10);
  centred(day, flow.margin + half, top - 40, 9);
  flow.y = top - 12 - lines.length * 14 - 10;
}

function citations(filed: Filed): string[] {
  const documents = new Set<string>();
  for (const meeting of filed.meetings.values()) {
    const citation = ruleSets[meeting.ruleSet]?.citation;
    if (citation) documents.add(citation);
  }
  const minutes = filed.branches
    .filter((b) => b.status === 'certified')
    .map((b) => `${b.name} (${meetingText(filed, b.meetingId)})`);
  return [
    'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    ...[...documents].map((d) => `Căn cứ ${d};`),
    `Căn cứ biên bản hội nghị đã được ban kiểm phiếu xác nhận của: ${minutes.join('; ') || 'không có'};`,
    'Xét đề xuất của các chi bộ,',
  ];
}

export async function decisionsPdf(filed: Filed, fontBytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  pdf.setTitle(`Quyết định xếp loại ${filed.assessmentYear}`);
  const flow = new PdfFlow(pdf, font);
  heading(flow, filed);
  flow.paragraph('QUYẾT ĐỊNH', 14, { center: true });
  flow.paragraph(`về việc xếp loại chất lượng đảng viên năm ${filed.assessmentYear}`, 11, { center: true });
  flow.gap(8);
  flow.paragraph(filed.scope.committee.name.toUpperCase(), 10, { center: true });
  flow.gap(4);
  for (const line of citations(filed)) flow.paragraph(`- ${line}`, 9, { indent: 10 });
  flow.gap(6);
  flow.paragraph('QUYẾT ĐỊNH:', 11, { center: true });
  flow.paragraph(`Điều 1. Xếp loại chất lượng đảng viên năm ${filed.assessmentYear} như sau:`, 10);
  const widths = [24, 110, 56, 90, 90, 145];
  const all = rowsOf(filed);
  for (const branch of filed.branches) {
    flow.gap(6);
    const rows = all.filter(({ row }) => row.branchId === branch.id);
    flow.paragraph(
      `${branch.name}: ${STATUS[branch.status]}${branch.meetingId && branch.status === 'certified' ? ` (${meetingText(filed, branch.meetingId)})` : ''}`,
      10,
    );
    if (rows.length === 0) continue;
    flow.row(
      ['STT', 'Họ và tên', 'Phiếu HTXSNV', 'Chi bộ đề xuất', 'Quyết định', 'Lý do, căn cứ, người ghi'],
      widths,
      8,
    );
    rows.forEach(({ row }: { row: TableRow }, i) => {
      const d = row.decision;
      const note = d
        ? [
            d.reason,
            d.override ? `Căn cứ vượt: ${d.override}` : '',
            `${filed.authors.get(d.authorId) ?? d.authorId}, ${timeText(d.createdAt)}`,
          ]
            .filter(Boolean)
            .join('. ')
        : '';
      flow.row(
        [
          String(i + 1),
          row.name,
          `${row.htxsnvVotes}/${row.denominator}`,
          levelName(row.proposal),
          d ? `${levelName(d.level)} (${versionText(d)})` : 'Chưa quyết định',
          note,
        ],
        widths,
        8,
        [2],
      );
    });
  }
  flow.gap(8);
  flow.paragraph('Giới hạn HTXSNV đã áp dụng (QĐ 366-QĐ/TW Điều 11 k1.5):', 9);
  for (const group of filed.groups) flow.paragraph(`- ${capText(group, filed.cap)}`, 9, { indent: 10 });
  const undecided = all.filter(({ row }) => !row.decision).length;
  flow.paragraph(
    `Tổng số: ${all.length} đảng viên được đề xuất; đã quyết định ${all.length - undecided}, chưa quyết định ${undecided}.`,
    9,
  );
  flow.gap(6);
  flow.paragraph('Điều 2. Các chi bộ và đảng viên có tên tại Điều 1 thi hành Quyết định này.', 10);
  flow.gap(12);
  flow.ensure(90);
  const top = flow.y;
  const half = flow.width / 2;
  flow.draw('Nơi nhận:', flow.margin, top - 10, 9);
  flow.draw('- Như Điều 1,', flow.margin, top - 24, 9);
  flow.draw('- Lưu văn phòng.', flow.margin, top - 38, 9);
  for (const [i, line] of ['T/M ĐẢNG ỦY', 'BÍ THƯ'].entries())
    flow.draw(
      line,
      flow.margin + half + (half - font.widthOfTextAtSize(line, 10)) / 2,
      top - 10 - i * 14,
      10,
    );
  flow.y = top - 90;
  flow.numberPages((page, total) => `Trang ${page}/${total}`);
  return pdf.save({ useObjectStreams: false });
}
