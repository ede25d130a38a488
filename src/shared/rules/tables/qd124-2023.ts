// QĐ 124-QĐ/TW (04/10/2023) with HD 25-HD/BTCTW (10/11/2023): classification for assessment years 2023–2024.
// Facts and wording: research/vn-rules.md §1.3, §1.6, and the wording of Điều 12 k4.3 for its degradation case.
import type { Citation, ClassificationTable, FactRule, Role } from '../types.ts';
import {
  ADOPTION,
  CUMULATIVE,
  capSettings,
  DENOMINATOR,
  exclusion,
  headSetting,
  INDIVIDUALS,
  LEVELS,
  NO_MAJORITY,
  QUORUM,
  THRESHOLDS,
} from './common.ts';

const QD124 = 'QĐ 124-QĐ/TW';
const exemption: Citation = { document: QD124 };
const individual: Citation = { document: QD124, article: 'Điều 12', clause: 'k4.3' };
const discipline: Citation = { document: QD124, article: 'Điều 12', clause: 'k4.3 d' };
const collective: Citation = { document: QD124, article: 'Điều 12', clause: 'k4' };
const cap: Citation = { document: QD124, article: 'Điều 12' };
const order: Citation = { document: QD124, article: 'Điều 11' };
const HD21_HEAD: Citation = { document: 'HD 21-HD/BTCTW (2019)', article: 'mục II điểm B', clause: 'tiết 4' };

// The English rendering read names the suspended and the newly admitted; the exemption from activity is
// the same list as HD 21 before and QĐ 366 Điều 5 k2.1 after, its QĐ 124 wording was not seen.
const exempt = exclusion([exemption], 'confirmed');
const exemptSecondary = exclusion([exemption], 'secondary');

// Only the discipline case carries a softening clause ("trừ trường hợp tự phát hiện và khắc phục xong
// hậu quả"); the others, and every collective case, are not waivable.
const forced = (code: string, roles: Role[], citation: Citation, vi: string, en: string): FactRule => ({
  code,
  roles,
  effect: 'khtnv',
  waivable: false,
  label: { vi, en },
  citations: [citation],
  certainty: 'confirmed',
});

export const QD124_2023: ClassificationTable = {
  id: 'QD124-2023',
  kind: 'classification',
  title: {
    vi: 'Xếp loại chất lượng đảng viên năm 2023–2024 (QĐ 124-QĐ/TW, HD 25-HD/BTCTW)',
    en: 'Quality classification of party members, 2023–2024 (QĐ 124-QĐ/TW, HD 25-HD/BTCTW)',
  },
  citations: [{ document: QD124 }, { document: 'HD 25-HD/BTCTW' }],
  options: LEVELS,
  settings: [
    DENOMINATOR,
    ...THRESHOLDS,
    CUMULATIVE,
    headSetting('unconfirmed', [HD21_HEAD, order]),
    // the cap is confirmed for collectives, its wording for individuals was not seen
    ...capSettings([20], [cap], 'secondary'),
    QUORUM,
  ],
  facts: [
    exemptSecondary(
      'exempt-from-activity',
      'được miễn công tác và sinh hoạt đảng',
      'exempt from party work and activity',
    ),
    exempt('suspended', 'bị đình chỉ sinh hoạt đảng', 'suspended from party activity'),
    exempt('admitted-under-6-months', 'mới kết nạp chưa đủ 6 tháng', 'admitted less than 6 months ago'),
    forced(
      'degradation-concluded',
      INDIVIDUALS,
      individual,
      'bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hoá"',
      'concluded by the competent level to show signs of degradation in political ideology, ethics or lifestyle, "self-evolution" or "self-transformation"',
    ),
    forced(
      'violated-prohibitions',
      INDIVIDUALS,
      individual,
      'vi phạm những điều đảng viên không được làm',
      'violated what party members must not do',
    ),
    forced(
      'violated-exemplary-duty',
      INDIVIDUALS,
      individual,
      'vi phạm trách nhiệm nêu gương',
      'violated the duty to set an example',
    ),
    {
      code: 'disciplined-in-year',
      roles: INDIVIDUALS,
      effect: 'khtnv',
      waivable: true,
      label: {
        vi: 'bị xử lý kỷ luật trong năm đánh giá (trừ trường hợp tự phát hiện và khắc phục xong hậu quả)',
        en: 'disciplined in the assessment year (unless self-detected and remedied)',
      },
      citations: [discipline],
      certainty: 'confirmed',
    },
    forced(
      'collective-disciplined',
      ['collective'],
      collective,
      'tập thể lãnh đạo, quản lý bị xử lý kỷ luật',
      'the leadership collective was disciplined',
    ),
    forced(
      'subunits-disciplined-over-20',
      ['collective'],
      collective,
      'có trên 20% số đơn vị trực thuộc bị kỷ luật trong năm',
      'more than 20% of its subordinate units disciplined in the year',
    ),
    forced(
      'tasks-under-50',
      ['collective'],
      collective,
      'chỉ hoàn thành dưới 50% số chỉ tiêu, nhiệm vụ',
      'completed under 50% of its targets and tasks',
    ),
  ],
  adoption: ADOPTION,
  noMajority: NO_MAJORITY,
  lowConfidence: null,
  headNotAboveCollective: {
    rule: 'head-not-above-collective',
    citations: [HD21_HEAD, order],
    certainty: 'unconfirmed',
  },
  cap: { rule: 'cap', citations: [cap], certainty: 'secondary' },
  // vn-rules.md §0: in force from 04/10/2023 until HD 43 (31/10/2025) replaced HD 25 for the 2025 review.
  years: {
    rule: 'assessment-years',
    citations: [{ document: 'HD 43-HD/BTCTW', article: 'mục 7.12' }],
    certainty: 'confirmed',
    first: 2023,
    last: 2024,
  },
};
