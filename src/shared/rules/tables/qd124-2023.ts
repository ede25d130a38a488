// QĐ 124-QĐ/TW (04/10/2023) with HD 25-HD/BTCTW (10/11/2023): classification for assessment years 2023–2024.
// Facts and wording: research/vn-rules.md §1.3, §1.6.
import type { Citation, ClassificationTable, FactRule, Role } from '../types.ts';
import {
  ADOPTION,
  CUMULATIVE,
  capSettings,
  DENOMINATOR,
  headSetting,
  LEVELS,
  NO_MAJORITY,
  QUORUM,
  THRESHOLDS,
} from './common.ts';

const QD124 = 'QĐ 124-QĐ/TW';
const exemption: Citation = { document: QD124 };
const individual: Citation = { document: QD124, article: 'Điều 12', clause: 'k4.3 d' };
const collective: Citation = { document: QD124, article: 'Điều 12', clause: 'k4' };
const cap: Citation = { document: QD124, article: 'Điều 12' };
const order: Citation = { document: QD124, article: 'Điều 11' };
const HD21_HEAD: Citation = { document: 'HD 21-HD/BTCTW (2019)', article: 'mục II điểm B', clause: 'tiết 4' };

const INDIVIDUALS: Role[] = ['member', 'leader', 'secretary'];

const exempt = (code: string, vi: string, en: string): FactRule => ({
  code,
  roles: INDIVIDUALS,
  effect: 'not-classified',
  waivable: false,
  label: { vi, en },
  citations: [exemption],
  certainty: 'confirmed',
});

// No softening clause was seen for collectives under QĐ 124: those flags are not waivable.
const collectiveCase = (code: string, vi: string, en: string): FactRule => ({
  code,
  roles: ['collective'],
  effect: 'khtnv',
  waivable: false,
  label: { vi, en },
  citations: [collective],
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
    exempt(
      'exempt-from-activity',
      'được miễn công tác và sinh hoạt đảng',
      'exempt from party work and activity',
    ),
    exempt('suspended', 'bị đình chỉ sinh hoạt đảng', 'suspended from party activity'),
    exempt('admitted-under-6-months', 'mới kết nạp chưa đủ 6 tháng', 'admitted less than 6 months ago'),
    {
      code: 'disciplined-in-year',
      roles: INDIVIDUALS,
      effect: 'khtnv',
      waivable: true,
      label: {
        vi: 'bị xử lý kỷ luật trong năm đánh giá (trừ trường hợp tự phát hiện và khắc phục xong hậu quả)',
        en: 'disciplined in the assessment year (unless self-detected and remedied)',
      },
      citations: [individual],
      certainty: 'confirmed',
    },
    collectiveCase(
      'collective-disciplined',
      'tập thể lãnh đạo, quản lý bị xử lý kỷ luật',
      'the leadership collective was disciplined',
    ),
    collectiveCase(
      'subunits-disciplined-over-20',
      'có trên 20% số đơn vị trực thuộc bị kỷ luật trong năm',
      'more than 20% of its subordinate units disciplined in the year',
    ),
    collectiveCase(
      'tasks-under-50',
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
