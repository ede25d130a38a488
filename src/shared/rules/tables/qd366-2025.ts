// QĐ 366-QĐ/TW (30/8/2025) with HD 43-HD/BTCTW (31/10/2025): classification from assessment year 2025.
// Facts and wording: research/vn-rules.md §1.2, §1.5, §1.7.
import type { Citation, ClassificationTable, FactRule, Role } from '../types.ts';
import {
  ADOPTION,
  CUMULATIVE,
  capSettings,
  DENOMINATOR,
  exclusion,
  headSetting,
  LEVELS,
  NO_MAJORITY,
  QUORUM,
  THRESHOLDS,
} from './common.ts';

const QD366 = 'QĐ 366-QĐ/TW';
const exemption: Citation = { document: QD366, article: 'Điều 5', clause: 'k2.1' };
const nonLeader: Citation = { document: QD366, article: 'Điều 11', clause: 'k4.2' };
const leader: Citation = { document: QD366, article: 'Điều 11', clause: 'k4.1' };
const collective: Citation = { document: QD366, article: 'Điều 11', clause: 'k4' };
const cap: Citation = { document: QD366, article: 'Điều 11', clause: 'k1.5' };
const HD21_HEAD: Citation = { document: 'HD 21-HD/BTCTW (2019)', article: 'mục II điểm B', clause: 'tiết 4' };

const LEADERS: Role[] = ['leader', 'secretary'];

const exempt = exclusion([exemption], 'confirmed');

// "Trường hợp tự giác nhận lỗi, tự phát hiện vi phạm và khắc phục xong hậu quả thì cấp có thẩm quyền …
// xem xét": every k4 case is a flag the committee may waive.
const forced = (code: string, roles: Role[], citation: Citation, vi: string, en: string): FactRule => ({
  code,
  roles,
  effect: 'khtnv',
  waivable: true,
  label: { vi, en },
  citations: [citation],
  certainty: 'confirmed',
});

export const QD366_2025: ClassificationTable = {
  id: 'QD366-2025',
  kind: 'classification',
  title: {
    vi: 'Xếp loại chất lượng đảng viên từ năm 2025 (QĐ 366-QĐ/TW, HD 43-HD/BTCTW)',
    en: 'Quality classification of party members, 2025 on (QĐ 366-QĐ/TW, HD 43-HD/BTCTW)',
  },
  citations: [{ document: QD366 }, { document: 'HD 43-HD/BTCTW' }],
  options: LEVELS,
  settings: [
    DENOMINATOR,
    ...THRESHOLDS,
    CUMULATIVE,
    headSetting('unconfirmed', [HD21_HEAD]),
    ...capSettings([20, 25], [cap], 'confirmed'),
    QUORUM,
  ],
  facts: [
    exempt(
      'exempt-from-activity',
      'được miễn công tác và sinh hoạt đảng',
      'exempt from party work and activity',
    ),
    exempt('suspended', 'bị đình chỉ sinh hoạt đảng', 'suspended from party activity'),
    exempt('admitted-under-6-months', 'mới kết nạp chưa đủ 6 tháng', 'admitted less than 6 months ago'),
    forced(
      'degradation-concluded',
      ['member'],
      nonLeader,
      'bị cấp có thẩm quyền kết luận có biểu hiện suy thoái',
      'concluded by the competent level to show signs of degradation (suy thoái)',
    ),
    forced(
      'disciplined-duty',
      ['member'],
      nonLeader,
      'vi phạm liên quan đến hoạt động công vụ bị xử lý kỷ luật từ khiển trách trở lên',
      'disciplined (reprimand or above) for a duty-related violation',
    ),
    forced(
      'violated-prohibitions',
      ['member'],
      nonLeader,
      'vi phạm những điều đảng viên không được làm',
      'violated what party members must not do',
    ),
    forced(
      'violated-exemplary-duty',
      ['member'],
      nonLeader,
      'vi phạm quy định về trách nhiệm nêu gương',
      'violated the rules on setting an example',
    ),
    forced(
      'tasks-failed-over-half',
      ['member'],
      nonLeader,
      'có trên 50% số nhiệm vụ trong năm bị đánh giá không hoàn thành',
      "more than 50% of the year's tasks assessed as not completed",
    ),
    forced(
      'unit-tasks-under-70',
      LEADERS,
      leader,
      'đơn vị do mình trực tiếp lãnh đạo hoàn thành dưới 70% nhiệm vụ, hoặc không đạt các chỉ tiêu kinh tế - xã hội chủ yếu',
      'the unit they lead completed under 70% of its tasks, or missed its core socio-economic targets',
    ),
    forced(
      'units-khtnv-over-half',
      LEADERS,
      leader,
      'trên 50% số đơn vị do mình phụ trách bị xếp loại KHTNV',
      'more than 50% of the units they lead rated KHTNV',
    ),
    forced(
      'low-confidence-over-half',
      LEADERS,
      leader,
      'có trên 50% số phiếu tín nhiệm thấp tại kỳ lấy phiếu tín nhiệm trong năm',
      "more than 50% low-confidence votes in this year's confidence vote",
    ),
    forced(
      'disciplined-duty',
      LEADERS,
      leader,
      'vi phạm liên quan đến hoạt động công vụ bị xử lý kỷ luật từ khiển trách trở lên',
      'disciplined (reprimand or above) for a duty-related violation',
    ),
    forced(
      'degradation-concluded',
      LEADERS,
      leader,
      'bị cấp có thẩm quyền kết luận có biểu hiện suy thoái',
      'concluded by the competent level to show signs of degradation (suy thoái)',
    ),
    forced(
      'corruption-in-unit',
      LEADERS,
      leader,
      'để xảy ra tham nhũng, tiêu cực ở đơn vị do mình trực tiếp quản lý, bị xử lý kỷ luật',
      'corruption in a unit they directly manage, punished by discipline',
    ),
    forced(
      'personnel-violations',
      ['collective'],
      collective,
      'vi phạm trong công tác cán bộ, mất đoàn kết nội bộ, bè phái',
      'violations in personnel work, internal disunity or factions',
    ),
    forced(
      'member-disciplined-duty',
      ['collective'],
      collective,
      'có thành viên bị xử lý kỷ luật từ khiển trách trở lên do vi phạm liên quan đến hoạt động công vụ (trừ vi phạm ở đơn vị cũ hoặc ngoài phạm vi của tập thể)',
      "a member disciplined (reprimand or above) for a duty-related violation (except one at a previous unit or outside the collective's remit)",
    ),
    forced(
      'member-degradation-concluded',
      ['collective'],
      collective,
      'có thành viên bị kết luận có biểu hiện suy thoái',
      'a member concluded to show signs of degradation (suy thoái)',
    ),
    forced(
      'unit-tasks-under-70',
      ['collective'],
      collective,
      'đơn vị hoàn thành dưới 70% nhiệm vụ',
      'the unit completed under 70% of its tasks',
    ),
  ],
  adoption: ADOPTION,
  noMajority: NO_MAJORITY,
  lowConfidence: {
    rule: 'low-confidence-over-half',
    citations: [leader],
    certainty: 'confirmed',
    roles: LEADERS,
    waivable: true,
  },
  headNotAboveCollective: {
    rule: 'head-not-above-collective',
    citations: [HD21_HEAD],
    certainty: 'unconfirmed',
  },
  cap: { rule: 'cap', citations: [cap], certainty: 'confirmed' },
  // vn-rules.md §0: QĐ 366 replaced QĐ 124, and HD 43 replaced HD 25 on signing (31/10/2025, HD 43 mục
  // 7.12), in time for the 2025 review.
  years: {
    rule: 'assessment-years',
    citations: [{ document: 'HD 43-HD/BTCTW', article: 'mục 7.12' }],
    certainty: 'confirmed',
    first: 2025,
    last: null,
  },
};
