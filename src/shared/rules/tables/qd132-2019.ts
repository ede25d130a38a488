// QĐ 132-QĐ/TW (08/3/2018) with HD 21-HD/BTCTW (18/10/2019): classification for 2019–2022 (historical).
// Facts and wording: research/vn-rules.md §1.4.
import type { Citation, ClassificationTable } from '../types.ts';
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

const HD21 = 'HD 21-HD/BTCTW';
const discipline: Citation = { document: `QĐ 132-QĐ/TW, ${HD21}` };
const head: Citation = { document: HD21, article: 'mục II điểm B', clause: 'tiết 4' };
const cap: Citation = { document: HD21, article: 'mục 2.3' };

// HD 21: every member is classified "trừ đảng viên được miễn công tác và sinh hoạt, đảng viên bị đình chỉ
// sinh hoạt". It is silent on members admitted less than 6 months ago (QĐ 124 added them): they are classified.
const exempt = exclusion([{ document: HD21 }], 'confirmed');

export const QD132_2019: ClassificationTable = {
  id: 'QD132-2019',
  kind: 'classification',
  title: {
    vi: 'Xếp loại chất lượng đảng viên năm 2019–2022 (QĐ 132-QĐ/TW, HD 21-HD/BTCTW)',
    en: 'Quality classification of party members, 2019–2022 (QĐ 132-QĐ/TW, HD 21-HD/BTCTW)',
  },
  citations: [{ document: 'QĐ 132-QĐ/TW' }, { document: HD21 }],
  options: LEVELS,
  settings: [
    DENOMINATOR,
    ...THRESHOLDS,
    CUMULATIVE,
    headSetting('confirmed', [head]),
    ...capSettings([20], [cap], 'confirmed'),
    QUORUM,
  ],
  // No softening clause was seen for this regime.
  facts: [
    exempt('exempt-from-activity', 'được miễn công tác và sinh hoạt', 'exempt from party work and activity'),
    exempt('suspended', 'bị đình chỉ sinh hoạt', 'suspended from party activity'),
    {
      code: 'disciplined-in-year',
      roles: INDIVIDUALS,
      effect: 'khtnv',
      waivable: false,
      label: {
        vi: 'bị thi hành kỷ luật trong năm (một vi phạm chỉ tính một lần khi xếp loại)',
        en: 'disciplined in the year (one violation counts once)',
      },
      citations: [discipline],
      certainty: 'confirmed',
    },
    {
      code: 'leadership-member-disciplined',
      roles: ['collective'],
      effect: 'khtnv',
      waivable: false,
      label: {
        vi: 'có thành viên của tập thể lãnh đạo, quản lý bị xử lý kỷ luật từ cảnh cáo trở lên',
        en: 'a member of the leadership collective disciplined with a warning or above',
      },
      citations: [discipline],
      certainty: 'confirmed',
    },
  ],
  adoption: ADOPTION,
  noMajority: NO_MAJORITY,
  lowConfidence: null,
  headNotAboveCollective: { rule: 'head-not-above-collective', citations: [head], certainty: 'confirmed' },
  cap: { rule: 'cap', citations: [cap], certainty: 'confirmed' },
  // vn-rules.md §0: the 2019–2022 reviews (HD 21 of 18/10/2019), until QĐ 124 (04/10/2023).
  years: {
    rule: 'assessment-years',
    citations: [{ document: 'QĐ 124-QĐ/TW' }],
    certainty: 'secondary',
    first: 2019,
    last: 2022,
  },
};
