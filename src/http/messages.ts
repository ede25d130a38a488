// Every error the API can return: a stable code and its message, Vietnamese first, then English.
// `{name}` is filled from the error's parameters.
import type { Text } from '../shared/domain.ts';

export type { Text };

export const messages = {
  json_expected: {
    vi: 'Nội dung yêu cầu phải là JSON (Content-Type: application/json)',
    en: 'The request body must be JSON (Content-Type: application/json)',
  },
  bad_json: {
    vi: 'Nội dung yêu cầu không phải JSON hợp lệ',
    en: 'The request body is not valid JSON',
  },
  invalid_body: {
    vi: 'Dữ liệu không hợp lệ tại {path}: cần {expected}',
    en: 'Invalid data at {path}: expected {expected}',
  },
  body_too_large: {
    vi: 'Nội dung yêu cầu quá lớn (tối đa {max} byte)',
    en: 'The request body is too large (at most {max} bytes)',
  },
  bad_request: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  headers_too_large: {
    vi: 'Phần đầu (header) của yêu cầu quá lớn; hãy xóa cookie của trang này rồi thử lại',
    en: "The request's headers are too large; clear this site's cookies and try again",
  },
  not_found: { vi: 'Không tìm thấy địa chỉ này', en: 'There is nothing at this address' },
  method_not_allowed: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  internal: {
    vi: 'Lỗi máy chủ; không có dữ liệu nào bị thay đổi',
    en: 'Server error; nothing was changed',
  },
  unauthenticated: {
    vi: 'Cần đăng nhập (người tổ chức, cấp ủy hoặc quản trị)',
    en: 'You need to log in (organiser, committee or admin)',
  },
  csrf: {
    vi: 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang',
    en: 'Missing or wrong anti-forgery token (X-CSRF-Token); reload the page',
  },
  rate_limited: {
    vi: 'Quá nhiều lần đăng nhập sai; hãy thử lại sau {minutes} phút',
    en: 'Too many failed logins; try again in {minutes} minutes',
  },
  login_failed: { vi: 'Sai tên tài khoản hoặc mật khẩu', en: 'Wrong account name or password' },
  setup_invalid: {
    vi: 'Đường dẫn thiết lập không hợp lệ, đã hết hạn hoặc đã được dùng',
    en: 'This setup link is invalid, expired or already used',
  },
  weak_password: {
    vi: 'Mật khẩu cần ít nhất 10 ký tự',
    en: 'The password needs at least 10 characters',
  },
  operator_key_invalid: { vi: 'Khóa vận hành không đúng', en: 'Wrong operator key' },
  roster_duplicate_member: {
    vi: 'Mã đảng viên {id} xuất hiện hai lần trong danh sách',
    en: 'Member id {id} appears twice in the roster',
  },
  roster_unknown_level: {
    vi: 'Mức xếp loại đề xuất "{level}" của {id} không tồn tại',
    en: 'Proposed level "{level}" of {id} does not exist',
  },
  meeting_not_found: { vi: 'Không tìm thấy cuộc họp này', en: 'No such meeting' },
  rule_set_unknown: {
    vi: 'Không có bộ quy tắc "{ruleSet}"',
    en: 'There is no rule set "{ruleSet}"',
  },
  rule_set_kind: {
    vi: 'Bộ quy tắc "{ruleSet}" dùng cho loại "{expected}", không phải "{kind}"',
    en: 'Rule set "{ruleSet}" is for "{expected}" meetings, not "{kind}"',
  },
  setting_unknown: {
    vi: 'Bộ quy tắc "{ruleSet}" không có tham số "{key}"',
    en: 'Rule set "{ruleSet}" has no setting "{key}"',
  },
  trustees_invalid: {
    vi: 'Số thành viên ban kiểm phiếu không hợp lệ: cần 1 ≤ k ≤ n ≤ 15',
    en: 'Invalid vote-counting board size: need 1 ≤ k ≤ n ≤ 15',
  },
  roster_empty: {
    vi: 'Chưa có danh sách đảng viên; hãy nhập danh sách trước',
    en: 'There is no roster yet; import the roster first',
  },
  subject_unknown: {
    vi: 'Đảng viên {id} không có trong danh sách',
    en: 'Member {id} is not in the roster',
  },
  no_questions: {
    vi: 'Cuộc họp không có câu hỏi nào để biểu quyết',
    en: 'The meeting has no question to vote on',
  },
  motions_required: {
    vi: 'Cuộc biểu quyết cần ít nhất một nội dung (motions)',
    en: 'A motion meeting needs at least one motion',
  },
  card_duplicate: {
    vi: 'Số thẻ hoặc khóa thẻ đã được đăng ký cho cuộc họp này',
    en: 'A card serial or key is already registered for this meeting',
  },
  card_unknown: { vi: 'Không có thẻ số {serial}', en: 'There is no card number {serial}' },
  card_not_issued: {
    vi: 'Thẻ số {serial} đã được kích hoạt hoặc đã bị hủy',
    en: 'Card number {serial} is already active or voided',
  },
  card_voided: { vi: 'Thẻ số {serial} đã bị hủy rồi', en: 'Card number {serial} is already voided' },
  cards_empty: {
    vi: 'Cần chọn ít nhất một thẻ (serials, hoặc from và to)',
    en: 'Choose at least one card (serials, or from and to)',
  },
  point_invalid: {
    vi: 'Khóa công khai tại {path} không hợp lệ',
    en: 'The public key at {path} is not valid',
  },
  poll_already_open: {
    vi: 'Cuộc bỏ phiếu đã mở hoặc đã kết thúc',
    en: 'The poll is already open or finished',
  },
  poll_not_open: { vi: 'Cuộc bỏ phiếu chưa mở hoặc đã đóng', en: 'The poll is not open' },
  poll_closed: {
    vi: 'Cuộc bỏ phiếu đã đóng; không thể thay đổi thẻ hay danh sách có mặt',
    en: 'The poll is closed; cards and attendance can no longer change',
  },
  attendance_after_open: {
    vi: 'Không thể sửa danh sách có mặt sau khi đã mở bỏ phiếu',
    en: 'Attendance cannot change once the poll is open',
  },
  attendance_invalid: {
    vi: 'Số có mặt ({present}) không thể lớn hơn số triệu tập ({summoned})',
    en: 'Present ({present}) cannot exceed summoned ({summoned})',
  },
  board_seat_invalid: {
    vi: 'Ban kiểm phiếu chỉ có {n} ghế: mỗi thành viên gắn với một ghế từ 1 đến {n}, không trùng nhau',
    en: 'The board has {n} seats: each member takes one seat from 1 to {n}, none twice',
  },
  ceremony_incomplete: {
    vi: 'Ban kiểm phiếu chưa hoàn tất tạo khóa chung; chưa thể mở bỏ phiếu',
    en: 'The vote-counting board has not finished the key ceremony; the poll cannot open',
  },
  no_active_card: {
    vi: 'Chưa có thẻ nào được kích hoạt; chưa thể mở bỏ phiếu',
    en: 'No card has been activated; the poll cannot open',
  },
  attendance_missing: {
    vi: 'Chưa nhập số triệu tập và có mặt; chưa thể mở bỏ phiếu',
    en: 'Attendance (summoned, present) has not been entered; the poll cannot open',
  },
  trustee_code_invalid: {
    vi: 'Mã ban kiểm phiếu không đúng; hãy quét lại mã QR trên màn chiếu',
    en: 'Wrong vote-counting board code; scan the QR on the projector again',
  },
  ceremony_done: {
    vi: 'Khóa chung đã được tạo; lễ tạo khóa đã kết thúc',
    en: 'The joint key is already fixed; the ceremony is over',
  },
  ceremony_round: {
    vi: 'Vòng tạo khóa hiện tại là {round}, không phải {got}',
    en: 'The current ceremony round is {round}, not {got}',
  },
  trustee_index: {
    vi: 'Số thứ tự thành viên ban kiểm phiếu phải từ 1 đến {n}',
    en: 'The trustee index must be between 1 and {n}',
  },
  ceremony_duplicate: {
    vi: 'Thành viên {index} đã gửi bước này trong vòng {round}',
    en: 'Trustee {index} has already sent this step in round {round}',
  },
  ceremony_phase: {
    vi: 'Chưa tới bước này: cần đủ {n} thành viên hoàn tất bước trước',
    en: 'Too early for this step: all {n} trustees must finish the previous one',
  },
  ceremony_invalid: {
    vi: 'Dữ liệu tạo khóa không hợp lệ: {reason}',
    en: 'Invalid ceremony data: {reason}',
  },
  credential_unknown: {
    vi: 'Thẻ này không thuộc cuộc họp này',
    en: 'This card does not belong to this meeting',
  },
  credential_not_active: {
    vi: 'Thẻ này chưa được kích hoạt; hãy báo ban kiểm phiếu',
    en: 'This card has not been activated; tell the vote-counting board',
  },
  credential_voided: {
    vi: 'Thẻ này đã bị hủy',
    en: 'This card has been voided',
  },
  credential_spent: {
    vi: 'Thẻ này đã được dùng để bỏ phiếu',
    en: 'This card has already been used to vote',
  },
  ballot_invalid: {
    vi: 'Phiếu bầu không hợp lệ: {reason}',
    en: 'The ballot is not valid: {reason}',
  },
  decided_by_hand_invalid: {
    vi: 'Danh sách dòng do ban kiểm phiếu quyết định không hợp lệ: chỉ phiếu giấy mới có, mỗi câu hỏi của cuộc họp một lần',
    en: 'The rows decided by hand are not valid: only a paper ballot has them, each a question of this meeting, once',
  },
  busy: {
    vi: 'Máy chủ đang bận; hãy gửi lại',
    en: 'The server is busy; send again',
  },
  not_closed: {
    vi: 'Cuộc bỏ phiếu chưa đóng',
    en: 'The poll has not been closed yet',
  },
  share_duplicate: {
    vi: 'Thành viên {index} đã gửi phần giải mã',
    en: 'Trustee {index} has already sent a decryption share',
  },
  result_exists: {
    vi: 'Kết quả đã được tính; không cần thêm phần giải mã',
    en: 'The result has already been computed; no more shares are needed',
  },
  share_invalid: {
    vi: 'Phần giải mã không hợp lệ: {reason}',
    en: 'The decryption share is not valid: {reason}',
  },
  result_missing: { vi: 'Chưa có kết quả', en: 'There is no result yet' },
  result_not_certified: {
    vi: 'Kết quả chưa được ban kiểm phiếu ký xác nhận đủ; biên bản chỉ có sau khi xác nhận',
    en: 'The result is not yet certified by enough of the board; the minutes exist only after that',
  },
  certification_invalid: {
    vi: 'Chữ ký xác nhận của thành viên {index} không hợp lệ',
    en: 'The certification signature of trustee {index} is not valid',
  },
  certification_duplicate: {
    vi: 'Thành viên {index} đã ký xác nhận kết quả',
    en: 'Trustee {index} has already certified the result',
  },
  combine_failed: {
    vi: 'Không thể tổng hợp kết quả từ các phần giải mã: {reason}',
    en: 'The decryption shares could not be combined: {reason}',
  },
  forbidden_role: {
    vi: 'Tài khoản của bạn ({role}) không được làm việc này',
    en: 'Your account ({role}) may not do this',
  },
  organisation_not_found: { vi: 'Không tìm thấy tổ chức đảng này', en: 'No such party organisation' },
  organisation_exists: { vi: 'Mã tổ chức {id} đã được dùng', en: 'The organisation id {id} is taken' },
  organisation_parent_invalid: {
    vi: '{kind} không thể trực thuộc {parent}',
    en: '{kind}: cannot sit under {parent}',
  },
  invitation_place_invalid: {
    vi: 'Tài khoản {role} không thể thuộc {kind}',
    en: 'A {role} account cannot belong to: {kind}',
  },
  invitation_unknown: {
    vi: 'Liên kết mời này không đúng: không có lời mời nào như vậy. Hãy mở đúng liên kết đã nhận, hoặc xin quản trị một liên kết mới',
    en: 'This invitation link is wrong: there is no such invitation. Open the exact link you received, or ask the administrator for a new one',
  },
  invitation_used: {
    vi: 'Liên kết mời này đã được dùng để tạo tài khoản. Hãy đăng nhập bằng tài khoản đó, hoặc xin quản trị một liên kết mới',
    en: 'This invitation link has already been used to create an account. Log in with that account, or ask the administrator for a new link',
  },
  invitation_expired: {
    vi: 'Liên kết mời này đã hết hạn. Hãy xin quản trị một liên kết mới',
    en: 'This invitation link has expired. Ask the administrator for a new one',
  },
  invitation_revoked: {
    vi: 'Quản trị đã thu hồi liên kết mời này. Hãy xin quản trị một liên kết mới',
    en: 'The administrator has revoked this invitation link. Ask for a new one',
  },
  account_name_taken: {
    vi: 'Tên tài khoản {account} đã có người dùng; hãy chọn tên khác',
    en: 'The account name {account} is taken; choose another',
  },
  invitation_not_open: {
    vi: 'Không có lời mời nào đang chờ với mã này (có thể đã được dùng, hết hạn hoặc bị thu hồi)',
    en: 'No invitation is waiting under this id (it may have been used, have expired or been revoked)',
  },
  account_not_found: { vi: 'Không tìm thấy tài khoản này', en: 'No such account' },
  account_disabled_already: {
    vi: 'Tài khoản {account} đã bị khóa từ trước',
    en: 'The account {account} is already disabled',
  },
  account_self: {
    vi: 'Bạn không thể tự khóa tài khoản mình đang dùng',
    en: 'You cannot disable the account you are using',
  },
  year_invalid: {
    vi: 'Năm đánh giá phải là một năm từ 2000 đến 2100',
    en: 'The assessment year must be a year from 2000 to 2100',
  },
  group_branch_unknown: {
    vi: 'Nhóm "{group}" có chi bộ {id} không thuộc đảng ủy của bạn',
    en: 'Group "{group}" names the chi bộ {id}, which is not under your committee',
  },
  member_not_proposed: {
    vi: 'Đảng viên {member} không có đề xuất đã xác nhận của chi bộ {branch} trong năm {year}',
    en: 'Member {member} has no certified proposal from chi bộ {branch} for {year}',
  },
  decision_over_cap: {
    vi: 'Nhóm "{group}" chỉ được tối đa {max} HTXSNV và đã có {decided}; muốn vượt giới hạn phải ghi căn cứ',
    en: 'Group "{group}" allows at most {max} HTXSNV and already has {decided}; going beyond needs its basis',
  },
  decision_above_proposal: {
    vi: 'Mức quyết định cao hơn đề xuất của chi bộ cho {name} ({proposal}); muốn vậy phải ghi căn cứ',
    en: "The level is above the chi bộ's proposal for {name} ({proposal}); that needs its basis",
  },
  decision_reason_required: {
    vi: 'Quyết định cho {name} khác đề xuất của chi bộ: cần ghi lý do',
    en: "The decision for {name} differs from the chi bộ's proposal: give the reason",
  },
  decision_stale: {
    vi: 'Quyết định đã được sửa bởi người khác; hãy tải lại và thử lại',
    en: 'The decision was amended by someone else; reload and try again',
  },
} satisfies Record<string, Text>;

export type MessageCode = keyof typeof messages;
