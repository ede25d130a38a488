// The minutes as one table, shared by the CSV and the XLSX downloads: a row per subject and option with
// the votes, the percentage and its base, the subject's blanks and the rule set's proposal; and the header
// block (meeting, attendance, cards, ballots, board) that the XLSX puts above it.
import { type Minutes, percentText } from '../shared/minutes/minutes.ts';

export type TableCell = string | number;

export const TABLE_HEADER = [
  'Mã đối tượng',
  'Họ và tên / nội dung',
  'Phương án',
  'Số phiếu',
  'Tỷ lệ (%)',
  'Mẫu số',
  'Phiếu không đánh dấu',
  'Đề xuất',
];

/** One row per subject and option (Vietnamese labels; percentages with a decimal comma). */
export function subjectRows(m: Minutes): TableCell[][] {
  return m.subjects.flatMap((s) =>
    s.options.map((o) => [
      s.id,
      s.name,
      o.label.vi,
      o.votes,
      percentText(o.percent, 'vi'),
      s.base.value,
      s.blank,
      s.proposalLabel?.vi ?? '',
    ]),
  );
}

/** The lines above the table: label and value. */
export function headerRows(m: Minutes): TableCell[][] {
  const rows: TableCell[][] = [
    ['BIÊN BẢN KIỂM PHIẾU'],
    ['Cuộc họp', m.meeting.title],
    ['Tổ chức', m.meeting.organisation],
    ['Mã cuộc họp', m.meeting.id],
    ['Ngày lập (giờ Việt Nam)', m.meeting.createdAtText ?? ''],
    [
      'Bộ quy tắc',
      m.meeting.ruleSetTitle ? `${m.meeting.ruleSet}: ${m.meeting.ruleSetTitle.vi}` : m.meeting.ruleSet,
    ],
    ['Triệu tập', m.attendance.summoned],
    ['Có mặt', m.attendance.present],
    ['Không tính (loại trừ)', m.attendance.excluded],
    ['Thẻ in ra', m.cards.issued ?? ''],
    ['Thẻ kích hoạt (phiếu phát ra)', m.cards.activated],
    ['Thẻ huỷ', m.cards.voided],
    ['Thẻ không dùng', m.cards.notUsed],
    ['Phiếu thu về', m.ballots.cast],
    ['Phiếu được kiểm', m.ballots.counted],
    ['Phiếu giấy (Ban kiểm phiếu quét)', m.ballots.paper],
  ];
  for (const s of m.meeting.settings)
    rows.push([`Thiết lập ${s.key}`, `${s.value}${s.basis ? ` (căn cứ: ${s.basis})` : ''}`]);
  rows.push(
    [
      'Ban kiểm phiếu',
      `${m.board.n} thành viên, cần ${m.board.k}; giải mã: ${m.board.trusteesUsed.join(', ')}`,
    ],
    [
      'Chữ ký xác nhận',
      m.board.signatures.map((s) => `số ${s.index}${s.valid ? '' : ' (không hợp lệ)'}`).join(', '),
    ],
    ['Mã băm kết quả', m.record.resultHash],
    ['Đầu chuỗi hồ sơ', m.record.recordHead ?? ''],
  );
  return rows;
}
