// The minutes as rows, for the CSV and the XLSX downloads: a row per subject and option with the votes,
// the percentage and its base, the subject's blanks and the rule set's proposal (the CSV, a long table a
// committee can merge); and the facts of the biên bản (meeting, place and time, chủ tọa, thư ký and the
// board by name, attendance, cards, ballots, signatures) that the XLSX lists on its own sheet.
import { POSITION_TEXT } from '../shared/minutes/details.ts';
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
    ['Cấp ủy cấp trên', m.details.upper ?? ''],
    ['Địa danh', m.details.place ?? ''],
    ['Nơi kiểm phiếu', m.details.venue ?? ''],
    ['Kiểm phiếu lúc (giờ Việt Nam)', m.meeting.countedAtText ?? ''],
    ['Cuộc họp lập lúc (giờ Việt Nam)', m.meeting.createdAtText ?? ''],
    ['Chủ tọa', m.details.chair ?? ''],
    ['Thư ký', m.details.secretary ?? ''],
    ...m.details.board.map((b): TableCell[] => [
      `Ban kiểm phiếu: ${POSITION_TEXT[b.position].toLowerCase()} (khoá số ${b.seat})`,
      b.name,
    ]),
    [
      'Bộ quy tắc',
      m.meeting.ruleSetTitle ? `${m.meeting.ruleSet}: ${m.meeting.ruleSetTitle.vi}` : m.meeting.ruleSet,
    ],
    ['Triệu tập', m.attendance.summoned],
    ['Có mặt', m.attendance.present],
    ['Vắng có lý do', m.attendance.absentWithLeave ?? ''],
    ['Vắng không có lý do', m.attendance.absentWithoutLeave ?? ''],
    ['Không tính (loại trừ)', m.attendance.excluded],
    ['Lý do không tính', m.details.exclusionReason ?? ''],
    ['Thẻ in ra', m.cards.issued ?? ''],
    ['Thẻ kích hoạt (phiếu phát ra)', m.cards.activated],
    ['Thẻ huỷ', m.cards.voided],
    ['Thẻ không dùng', m.cards.notUsed],
    ['Phiếu thu về', m.ballots.cast],
    ['Phiếu được kiểm', m.ballots.counted],
    ['Phiếu giấy (Ban kiểm phiếu quét)', m.ballots.paper],
    ['Dòng phiếu giấy do Ban kiểm phiếu quyết định bằng tay', m.ballots.decidedByHand],
  ];
  for (const s of m.meeting.settings)
    rows.push([`Thiết lập: ${s.name.vi}`, `${s.valueText.vi}${s.basis ? ` (căn cứ: ${s.basis})` : ''}`]);
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
