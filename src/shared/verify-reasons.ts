// What the verifier's problems and notes (crypto/checks/reasons.ts) say to a member, in Vietnamese and
// English: the verify page and the trustee's phone show them in the page's language, `phieukin verify`
// prints both. Here and not in web/i18n/ because the command line (src/) may not import web/
// (test/boundary.test.ts). A text names an event by its number in the record and a trustee by theirs,
// never by a key, a hash or an id: the report's English `text` keeps those for the JSON.
import {
  type CheckName,
  type CheckStatus,
  fillTemplate,
  type Reason,
  type ReasonCode,
} from '../../crypto/index.ts';
import type { Text } from './domain.ts';

export const REASON_TEXTS = {
  'record.unreadable': {
    vi: 'Không đọc được hồ sơ: tệp bị hỏng, bị cắt dở hoặc không phải hồ sơ cuộc họp.',
    en: 'The record cannot be read: the file is damaged, cut short or not a meeting record.',
  },
  'record.malformed': {
    vi: 'Hồ sơ có dữ liệu sai quy cách nên không kiểm tra được mục này.',
    en: 'The record holds malformed data, so this check cannot be made.',
  },

  'chain.height': {
    vi: 'Sự kiện số {index} ghi số thứ tự {height}, đúng ra phải là {index}.',
    en: 'Event {index} is numbered {height}; it should be {index}.',
  },
  'chain.parent': {
    vi: 'Sự kiện số {index} không nối đúng với sự kiện trước nó: hồ sơ đã bị sửa hoặc thiếu sự kiện.',
    en: 'Event {index} is not linked to the event before it: the record was changed or an event is missing.',
  },
  'chain.first': {
    vi: 'Hồ sơ không bắt đầu bằng thông tin cuộc họp.',
    en: 'The record does not start with the meeting’s details.',
  },
  'chain.order': {
    vi: 'Sự kiện số {index} không được phép ở bước này của cuộc họp.',
    en: 'Event {index} is not allowed at this step of the meeting.',
  },
  'chain.poll_before_key': {
    vi: 'Sự kiện số {index} mở bỏ phiếu khi chưa có khóa chung.',
    en: 'Event {index} opens the poll before there is a joint key.',
  },
  'chain.joint_keys': {
    vi: 'Hồ sơ có nhiều hơn một khóa chung.',
    en: 'The record holds more than one joint key.',
  },

  'manifest.invalid': {
    vi: 'Thông tin cuộc họp (câu hỏi, phương án, ban kiểm phiếu) thiếu hoặc sai quy cách.',
    en: 'The meeting’s details (questions, options, board) are missing or malformed.',
  },

  'ceremony.commitments': {
    vi: 'Khóa chung cần đúng một đóng góp của mỗi thành viên trong {n} thành viên ban kiểm phiếu, nhưng hồ sơ không có đủ.',
    en: 'The joint key needs exactly one contribution from each of the {n} trustees; the record does not hold them.',
  },
  'ceremony.commitment': {
    vi: 'Đóng góp tạo khóa của thành viên ban kiểm phiếu số {trustee} không đúng.',
    en: 'Trustee {trustee}’s contribution to the key is not valid.',
  },
  'ceremony.joint_key': {
    vi: 'Khóa chung không khớp với các đóng góp của ban kiểm phiếu.',
    en: 'The joint key does not match the trustees’ contributions.',
  },
  'ceremony.key_count': {
    vi: 'Phải có đúng {n} khóa kiểm tra, mỗi thành viên ban kiểm phiếu một khóa.',
    en: 'There must be exactly {n} verification keys, one per trustee.',
  },
  'ceremony.verification_key': {
    vi: 'Khóa kiểm tra của thành viên ban kiểm phiếu số {trustee} không khớp với các đóng góp tạo khóa.',
    en: 'Trustee {trustee}’s verification key does not match the contributions.',
  },
  'ceremony.context': {
    vi: 'Khóa chung không gắn đúng với thông tin cuộc họp này.',
    en: 'The joint key is not bound to this meeting’s details.',
  },
  'ceremony.shares': {
    vi: 'Thành viên ban kiểm phiếu số {trustee} không gửi phần khóa cho đủ từng thành viên khác.',
    en: 'Trustee {trustee} did not send a key share to each other trustee.',
  },
  'ceremony.ack_missing': {
    vi: 'Thiếu xác nhận khóa chung của thành viên ban kiểm phiếu số {trustee} (cần đúng một xác nhận).',
    en: 'Trustee {trustee}’s confirmation of the joint key is missing (exactly one is needed).',
  },
  'ceremony.complaint': {
    vi: 'Thành viên ban kiểm phiếu số {trustee} báo phần khóa nhận từ thành viên số {against} không đúng.',
    en: 'Trustee {trustee} reported that the key share from trustee {against} is wrong.',
  },
  'ceremony.ack_signature': {
    vi: 'Chữ ký trên xác nhận khóa chung của thành viên ban kiểm phiếu số {trustee} không hợp lệ.',
    en: 'The signature on trustee {trustee}’s confirmation of the joint key is not valid.',
  },
  'ceremony.shares_early': {
    vi: 'Có phần khóa được gửi trước khi có đủ đóng góp tạo khóa.',
    en: 'Key shares were sent before every contribution was in.',
  },
  'ceremony.ack_early': {
    vi: 'Thành viên ban kiểm phiếu số {trustee} xác nhận khóa chung trước khi nhận đủ phần khóa gửi cho mình.',
    en: 'Trustee {trustee} confirmed the joint key before the key shares sent to them.',
  },
  'ceremony.joint_key_early': {
    vi: 'Khóa chung được công bố trước khi có đủ xác nhận của ban kiểm phiếu.',
    en: 'The joint key was published before the trustees’ confirmations.',
  },

  'credentials.keys': {
    vi: 'Sự kiện số {height} kích hoạt thẻ nhưng sai quy cách: không có danh sách thẻ.',
    en: 'The card activation at event {height} is malformed (no list of cards).',
  },
  'credentials.medium': {
    vi: 'Sự kiện số {height} kích hoạt thẻ nhưng không ghi đúng loại: thẻ hay phiếu giấy.',
    en: 'Event {height} activates cards of an unknown kind: neither cards nor paper ballots.',
  },
  'credentials.key': {
    vi: 'Sự kiện số {height} kích hoạt một thẻ có mã không hợp lệ.',
    en: 'Event {height} activates a card whose key is not valid.',
  },
  'credentials.unsorted': {
    vi: 'Sự kiện số {height}: các thẻ không được xếp theo thứ tự quy định.',
    en: 'Event {height}: the cards are not listed in the required order.',
  },
  'credentials.activated_twice': {
    vi: 'Sự kiện số {height} kích hoạt lại một thẻ đã kích hoạt ở sự kiện số {first}.',
    en: 'Event {height} activates again a card already activated at event {first}.',
  },
  'credentials.void_unknown': {
    vi: 'Sự kiện số {height} hủy một thẻ chưa từng được kích hoạt.',
    en: 'Event {height} voids a card that was never activated.',
  },
  'credentials.voided_twice': {
    vi: 'Sự kiện số {height} hủy lại một thẻ đã bị hủy ở sự kiện số {first}.',
    en: 'Event {height} voids again a card already voided at event {first}.',
  },

  'ballots.malformed': {
    vi: 'Phiếu ở sự kiện số {height} không đọc được (sai quy cách).',
    en: 'The ballot at event {height} cannot be read (malformed).',
  },
  'ballots.not_activated': {
    vi: 'Phiếu ở sự kiện số {height} được bỏ bằng một thẻ chưa kích hoạt.',
    en: 'The ballot at event {height} was cast with a card that was not activated.',
  },
  'ballots.voided': {
    vi: 'Phiếu ở sự kiện số {height} được bỏ bằng một thẻ đã bị hủy ở sự kiện số {voided}.',
    en: 'The ballot at event {height} was cast with a card voided at event {voided}.',
  },
  'ballots.voted_twice': {
    vi: 'Phiếu ở sự kiện số {height} được bỏ bằng thẻ đã bỏ phiếu ở sự kiện số {first}: mỗi thẻ chỉ bỏ một phiếu.',
    en: 'The ballot at event {height} was cast with the card that cast the ballot at event {first}: one ballot per card.',
  },
  'ballots.signature': {
    vi: 'Chữ ký trên phiếu ở sự kiện số {height} không hợp lệ.',
    en: 'The signature on the ballot at event {height} is not valid.',
  },
  'ballots.proof': {
    vi: 'Phiếu ở sự kiện số {height}: chứng minh cho phương án thứ {option} của câu hỏi thứ {number} không đúng.',
    en: 'The ballot at event {height}: the proof for option {option} of question {number} does not hold.',
  },
  'ballots.sum': {
    vi: 'Phiếu ở sự kiện số {height}: chứng minh rằng câu hỏi thứ {number} được chọn nhiều nhất một phương án không đúng.',
    en: 'The ballot at event {height}: the proof that question {number} has at most one choice does not hold.',
  },

  'codes.meeting': {
    vi: 'Danh sách mã xác nhận là của một cuộc họp khác.',
    en: 'The confirmation-code list is for another meeting.',
  },
  'codes.no_ballots': {
    vi: 'Danh sách mã xác nhận không có phiếu nào.',
    en: 'The confirmation-code list holds no ballots.',
  },
  'codes.server_key': {
    vi: 'Khóa máy chủ trong danh sách mã xác nhận khác với khóa máy chủ công bố trong hồ sơ.',
    en: 'The server key of the confirmation-code list differs from the one the record publishes.',
  },
  'codes.not_listed': {
    vi: 'Phiếu ở sự kiện số {height} (mã xác nhận {code}) không có trong danh sách mã xác nhận ở đúng vị trí đó.',
    en: 'The ballot at event {height} (confirmation code {code}) is not in the confirmation-code list at that place.',
  },
  'codes.not_recorded': {
    vi: 'Danh sách ghi mã xác nhận {code} ở sự kiện số {height}, nhưng hồ sơ không có phiếu đó.',
    en: 'The list gives confirmation code {code} at event {height}, but the record holds no such ballot.',
  },

  'tally.closed_count': {
    vi: 'Số phiếu ghi khi kết thúc bỏ phiếu khác với {ballots} phiếu có trong hồ sơ.',
    en: 'The count given when the poll closed differs from the {ballots} ballots in the record.',
  },
  'tally.question': {
    vi: 'Tổng đã mã hóa thiếu câu hỏi thứ {number} hoặc xếp sai thứ tự.',
    en: 'The encrypted tally misses question {number} or has it out of order.',
  },
  'tally.options': {
    vi: 'Tổng đã mã hóa của câu hỏi thứ {number} có {published} phương án, trong khi câu hỏi có {expected}.',
    en: 'The encrypted tally of question {number} has {published} options where the question has {expected}.',
  },
  'tally.sum': {
    vi: 'Tổng đã mã hóa của phương án thứ {option}, câu hỏi thứ {number}, không khớp với các phiếu.',
    en: 'The encrypted tally of option {option} of question {number} does not match the ballots.',
  },
  'tally.questions': {
    vi: 'Tổng đã mã hóa không có đúng một mục cho mỗi câu hỏi.',
    en: 'The encrypted tally does not have one entry per question.',
  },

  'decryption.not_trustee': {
    vi: 'Phần giải mã ở sự kiện số {height} không phải của một thành viên ban kiểm phiếu.',
    en: 'The decryption share at event {height} is not from a trustee.',
  },
  'decryption.twice': {
    vi: 'Phần giải mã ở sự kiện số {height}: thành viên ban kiểm phiếu số {trustee} đã gửi phần giải mã trước đó.',
    en: 'The decryption share at event {height}: trustee {trustee} had already published one.',
  },
  'decryption.share': {
    vi: 'Phần giải mã của thành viên ban kiểm phiếu số {trustee} (sự kiện số {height}) không đúng.',
    en: 'Trustee {trustee}’s decryption share (event {height}) is not valid.',
  },
  'decryption.too_few': {
    vi: 'Kết quả phải ghi ít nhất {k} thành viên ban kiểm phiếu khác nhau đã giải mã.',
    en: 'The result must name at least {k} different trustees who decrypted.',
  },
  'decryption.missing': {
    vi: 'Kết quả ghi đã dùng phần giải mã của thành viên ban kiểm phiếu số {trustees}, nhưng hồ sơ không có phần giải mã hợp lệ nào của họ.',
    en: 'The result uses the decryption shares of trustee(s) {trustees}, but the record holds no valid share from them.',
  },
  'decryption.counts': {
    vi: 'Câu hỏi thứ {number}: số phiếu giải mã được ({counts}) khác với kết quả công bố.',
    en: 'Question {number}: the decrypted counts ({counts}) differ from the published result.',
  },

  'result.decided_by_hand': {
    vi: 'Phiếu ở sự kiện số {height} ghi sai các dòng do ban kiểm phiếu quyết định: chỉ phiếu giấy mới có, mỗi câu hỏi nhiều nhất một lần.',
    en: 'The ballot at event {height} lists the rows decided by the board wrongly: only a paper ballot may, each question at most once.',
  },
  'result.paper_missing': {
    vi: 'Kết quả không ghi số phiếu giấy, trong khi hồ sơ có kích hoạt phiếu giấy ({paper} phiếu giấy đã bỏ).',
    en: 'The result does not give the number of paper ballots, though the record activates paper ballots ({paper} cast).',
  },
  'result.paper': {
    vi: 'Kết quả ghi {published} phiếu giấy, hồ sơ có {paper}.',
    en: 'The result gives {published} paper ballots; the record holds {paper}.',
  },
  'result.decided_by_hand_rows': {
    vi: 'Kết quả ghi {published} dòng do ban kiểm phiếu quyết định, các phiếu giấy ghi {rows} dòng.',
    en: 'The result gives {published} rows decided by the board; the paper ballots name {rows}.',
  },
  'result.meeting': {
    vi: 'Kết quả ghi là của một cuộc họp khác.',
    en: 'The result names another meeting.',
  },
  'result.context': {
    vi: 'Kết quả không gắn với khóa chung của cuộc họp này.',
    en: 'The result is not bound to this meeting’s joint key.',
  },
  'result.ballots': {
    vi: 'Kết quả ghi {published} phiếu, hồ sơ có {ballots} phiếu.',
    en: 'The result gives {published} ballots; the record holds {ballots}.',
  },
  'result.activated': {
    vi: 'Kết quả ghi {published} thẻ đã kích hoạt, hồ sơ có {activated} thẻ.',
    en: 'The result gives {published} activated cards; the record activates {activated}.',
  },
  'result.rule_set': {
    vi: 'Kết quả ghi một bộ quy tắc khác với bộ quy tắc của cuộc họp.',
    en: 'The result names a rule set other than the meeting’s.',
  },
  'result.record_head': {
    vi: 'Kết quả không khớp với phần hồ sơ trước nó: hồ sơ đã bị sửa.',
    en: 'The result does not match the record before it: the record was changed.',
  },
  'result.counted_at': {
    vi: 'Thời điểm kiểm phiếu ghi trong kết quả không hợp lệ.',
    en: 'The time of the count given in the result is not valid.',
  },
  'result.questions': {
    vi: 'Kết quả không có đúng một mục cho mỗi câu hỏi.',
    en: 'The result does not have one entry per question.',
  },
  'result.question_shape': {
    vi: 'Kết quả của câu hỏi thứ {number} sai quy cách.',
    en: 'The result of question {number} is malformed.',
  },
  'result.blank': {
    vi: 'Câu hỏi thứ {number}: kết quả ghi {published} phiếu trống, đúng ra là {expected}.',
    en: 'Question {number}: the result gives {published} blank, where it should be {expected}.',
  },
  'result.outcome_none': {
    vi: 'Cuộc họp không áp dụng bộ quy tắc, nên kết quả không được ghi đề xuất.',
    en: 'The meeting applies no rule set, so the result may give no outcome.',
  },
  'result.outcome_unchecked': {
    vi: 'Chưa tính lại được đề xuất theo quy định: trình kiểm tra không có bộ quy tắc của cuộc họp này.',
    en: 'The outcome was not recomputed: the verifier does not have this meeting’s rule set.',
  },
  'result.outcome': {
    vi: 'Đề xuất trong kết quả khác với đề xuất tính lại theo bộ quy tắc của cuộc họp.',
    en: 'The outcome in the result differs from what the meeting’s rule set gives.',
  },

  'certification.not_trustee': {
    vi: 'Chữ ký xác nhận ở sự kiện số {height} không phải của một thành viên ban kiểm phiếu.',
    en: 'The certification at event {height} is not by a trustee.',
  },
  'certification.twice': {
    vi: 'Chữ ký xác nhận ở sự kiện số {height}: thành viên ban kiểm phiếu số {trustee} đã ký trước đó.',
    en: 'The certification at event {height}: trustee {trustee} had already signed.',
  },
  'certification.signature': {
    vi: 'Chữ ký xác nhận của thành viên ban kiểm phiếu số {trustee} (sự kiện số {height}) không đúng với kết quả này.',
    en: 'Trustee {trustee}’s certification (event {height}) is not a signature over this result.',
  },

  'note.not_reached': {
    vi: 'Chưa kiểm tra: hồ sơ chưa đến bước này, hoặc một mục trước không kiểm tra được.',
    en: 'Not checked: the record has not reached this step, or an earlier check could not be made.',
  },
  'note.no_joint_key': {
    vi: 'Ban kiểm phiếu chưa tạo xong khóa chung.',
    en: 'The trustees have not made the joint key yet.',
  },
  'note.not_opened': { vi: 'Chưa mở bỏ phiếu.', en: 'The poll has not opened.' },
  'note.not_tallied': {
    vi: 'Chưa có tổng đã mã hóa của các phiếu.',
    en: 'No encrypted tally of the ballots yet.',
  },
  'note.no_result': { vi: 'Chưa có kết quả.', en: 'No result yet.' },
  'note.signatures': {
    vi: 'Đã có {signed}/{k} chữ ký xác nhận cần thiết.',
    en: '{signed} of the {k} signatures needed.',
  },
} as const satisfies Record<ReasonCode, Text>;

/** For a code this program does not know (a report from a newer verifier): never its English text. */
export const UNKNOWN_REASON: Text = {
  vi: 'Có một vấn đề mà phiên bản này chưa diễn giải được; hãy dùng trình kiểm tra mới nhất để xem chi tiết.',
  en: 'A problem this version cannot describe; use the latest verifier for the details.',
};

/** A line said more than once (a share or a key with several faults the English tells apart). */
const REPEATED: Text = { vi: '{line} ({count} lần)', en: '{line} ({count} times)' };

/** Each check's name and what it covers, for the pages and the command line (SPEC §8's order is CHECKS). */
export const CHECK_TEXTS: Record<CheckName, { name: Text; about: Text }> = {
  chain: {
    name: { vi: 'Chuỗi sự kiện', en: 'Event chain' },
    about: {
      vi: 'Các sự kiện liên tiếp, mỗi sự kiện nối với sự kiện trước bằng mã băm.',
      en: 'Events are consecutive and each is linked to the previous one by its hash.',
    },
  },
  manifest: {
    name: { vi: 'Thông tin cuộc họp', en: 'Manifest' },
    about: {
      vi: 'Câu hỏi, phương án và số thành viên ban kiểm phiếu đầy đủ, đúng quy cách.',
      en: "Questions, options and the board's size are complete and well formed.",
    },
  },
  ceremony: {
    name: { vi: 'Tạo khóa chung', en: 'Key ceremony' },
    about: {
      vi: 'Khóa chung được tạo đúng từ đóng góp của mọi thành viên ban kiểm phiếu.',
      en: "The joint key is correctly made from every board member's contribution.",
    },
  },
  credentials: {
    name: { vi: 'Thẻ bỏ phiếu', en: 'Cards' },
    about: {
      vi: 'Các thẻ được kích hoạt hợp lệ và không trùng nhau.',
      en: 'The activated cards are valid and distinct.',
    },
  },
  ballots: {
    name: { vi: 'Phiếu bầu', en: 'Ballots' },
    about: {
      vi: 'Mỗi phiếu do một thẻ đã kích hoạt ký, mỗi thẻ một lần, và mọi chứng minh đều đúng.',
      en: 'Each ballot is signed by an activated card, once per card, and every proof holds.',
    },
  },
  tally: {
    name: { vi: 'Cộng phiếu', en: 'Tally' },
    about: {
      vi: 'Tổng đã mã hóa khớp với các phiếu.',
      en: 'The encrypted totals match the ballots.',
    },
  },
  decryption: {
    name: { vi: 'Giải mã', en: 'Decryption' },
    about: {
      vi: 'Các phần giải mã của ban kiểm phiếu đều đúng và cho ra đúng kết quả.',
      en: "The board's decryption shares are correct and give the published counts.",
    },
  },
  result: {
    name: { vi: 'Kết quả', en: 'Result' },
    about: {
      vi: 'Số phiếu, phiếu trống và đề xuất theo quy định được tính lại và khớp.',
      en: "Ballot counts, blanks and the rule set's proposals are recomputed and match.",
    },
  },
  certification: {
    name: { vi: 'Xác nhận', en: 'Certification' },
    about: {
      vi: 'Đủ số thành viên ban kiểm phiếu đã ký xác nhận kết quả.',
      en: 'Enough board members have signed the result.',
    },
  },
};

/** A check's status as the pages and the command line say it. */
export const CHECK_STATUS_TEXTS: Record<CheckStatus, Text> = {
  pass: { vi: 'Đạt', en: 'Pass' },
  fail: { vi: 'Không đạt', en: 'Fail' },
  pending: { vi: 'Chưa đến bước này', en: 'Not reached yet' },
};

/** A reason in one language, its parameters filled in. */
export function reasonText(reason: Pick<Reason, 'code' | 'params'>, lang: keyof Text): string {
  const text: Text | undefined = Object.hasOwn(REASON_TEXTS, reason.code)
    ? REASON_TEXTS[reason.code as ReasonCode]
    : undefined;
  return text ? fillTemplate(text[lang], reason.params ?? {}) : UNKNOWN_REASON[lang];
}

/** Reasons as a page lists them: each line once, in order, with how often it was given. */
export function reasonLines(reasons: readonly Pick<Reason, 'code' | 'params'>[], lang: keyof Text): string[] {
  const counts = new Map<string, number>();
  for (const r of reasons) {
    const line = reasonText(r, lang);
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, count]) =>
    count === 1 ? line : fillTemplate(REPEATED[lang], { line, count }),
  );
}
