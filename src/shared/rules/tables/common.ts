// What the three classification rule sets share: the four levels, the vote settings (none of which a
// central text fixes, research/vn-rules.md §2.2) and the Điều lệ Đảng citations they lean on.
import type { Certainty, Citation, FactRule, OptionInfo, Role, RuleRef, SettingDef } from '../types.ts';

export const DIEU_LE_MAJORITY: Citation = { document: 'Điều lệ Đảng', article: 'Điều 9', clause: 'k5' };
export const DIEU_LE_QUORUM: Citation = { document: 'Điều lệ Đảng', article: 'Điều 11', clause: 'k6' };
export const EXCLUSIONS: Citation = { document: 'QĐ 244-QĐ/TW', article: 'Điều 32', clause: 'k2' };
export const HD07_2011: Citation = { document: 'HD 07-HD/BTCTW (2011)' };
export const NO_SOURCE: Citation = {
  document: 'research/vn-rules.md §2.2 (không có nguồn / no source found)',
};

export const LEVELS: OptionInfo[] = [
  { id: 'htxsnv', label: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent completion of tasks' } },
  { id: 'httnv', label: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good completion of tasks' } },
  { id: 'htnv', label: { vi: 'Hoàn thành nhiệm vụ', en: 'Completion of tasks' } },
  { id: 'khtnv', label: { vi: 'Không hoàn thành nhiệm vụ', en: 'Failure to complete tasks' } },
];

export const INDIVIDUALS: Role[] = ['member', 'leader', 'secretary'];

/** The builder of a rule set's exclusions: members its own text leaves out of the classification. */
export const exclusion =
  (citations: Citation[], certainty: Certainty) =>
  (code: string, vi: string, en: string): FactRule => ({
    code,
    roles: INDIVIDUALS,
    effect: 'not-classified',
    waivable: false,
    label: { vi, en },
    citations,
    certainty,
  });

/** HTXSNV, HTTNV…: how levels are written in traces and tables. */
export const levelCode = (id: string): string => id.toUpperCase();

export const ADOPTION: RuleRef = {
  rule: 'adoption',
  citations: [DIEU_LE_MAJORITY, HD07_2011],
  certainty: 'local',
};
export const NO_MAJORITY: RuleRef = { rule: 'no-majority', citations: [NO_SOURCE], certainty: 'unconfirmed' };

/** The denominator of a vote among official members; classification adds the 2011 guidance to its sources. */
export const denominatorSetting = (citations: Citation[]): SettingDef => ({
  key: 'denominator',
  default: 'summoned-net',
  allowed: ['summoned-net', 'present', 'ballots', 'valid'],
  certainty: 'local',
  citations: [DIEU_LE_MAJORITY, EXCLUSIONS, ...citations],
  description: {
    vi: 'Mẫu số của ngưỡng: đảng viên chính thức được triệu tập trừ các trường hợp loại trừ (summoned-net), có mặt (present), số phiếu thu về (ballots) hoặc số phiếu hợp lệ đối với từng người (valid).',
    en: 'Denominator of the threshold: official members summoned net of exclusions (summoned-net), present (present), ballots cast (ballots), or valid answers for each subject (valid).',
  },
});
export const DENOMINATOR = denominatorSetting([HD07_2011]);

/** thresholdHtxsnv, thresholdHttnv…: the setting that holds a level's threshold. */
export const thresholdKey = (level: string): string => `threshold${level[0].toUpperCase()}${level.slice(1)}`;

function threshold(level: string, note: { vi: string; en: string }): SettingDef {
  return {
    key: thresholdKey(level),
    default: '>1/2',
    allowed: ['>1/2', '>=2/3'],
    certainty: 'local',
    citations: [DIEU_LE_MAJORITY, HD07_2011],
    description: {
      vi: `Ngưỡng để đề xuất mức ${levelCode(level)}: trên 1/2 (>1/2) hoặc từ 2/3 trở lên (>=2/3).${note.vi}`,
      en: `Threshold to propose ${levelCode(level)}: more than 1/2 (>1/2) or at least 2/3 (>=2/3).${note.en}`,
    },
  };
}

const none = { vi: '', en: '' };
export const THRESHOLDS: SettingDef[] = [
  threshold('htxsnv', {
    vi: ' Hướng dẫn năm 2011 dùng từ 2/3 trở lên cho mức này.',
    en: ' The 2011 guidance used at least 2/3 for this level.',
  }),
  threshold('httnv', none),
  threshold('htnv', none),
  threshold('khtnv', none),
];

export const CUMULATIVE: SettingDef = {
  key: 'cumulative',
  default: false,
  allowed: [false, true],
  certainty: 'unconfirmed',
  citations: [NO_SOURCE],
  description: {
    vi: 'Cộng dồn: phiếu cho mức cao hơn cũng được tính cho các mức thấp hơn. Không tìm thấy quy định; chỉ bật khi cấp ủy quy định.',
    en: 'Cumulative counting: votes for a better level also count for the worse ones. No rule found; turn on only where the party committee says so.',
  },
};

export const QUORUM: SettingDef = {
  key: 'quorum',
  default: '>=2/3',
  allowed: ['>=2/3', '>1/2', 'none'],
  certainty: 'local',
  citations: [DIEU_LE_QUORUM],
  description: {
    vi: 'Số có mặt tối thiểu so với số được triệu tập; dưới mức này chỉ cảnh báo. Điều lệ quy định 2/3 cho đại hội; cuộc họp chi bộ thường kỳ chưa có quy định.',
    en: 'Minimum present out of those summoned; below it the engine warns. The Điều lệ sets 2/3 for congresses; no rule was found for an ordinary chi bộ meeting.',
  },
};

export function headSetting(certainty: SettingDef['certainty'], citations: Citation[]): SettingDef {
  return {
    key: 'headNotAboveCollective',
    default: true,
    allowed: [true, false],
    certainty,
    citations,
    description: {
      vi: 'Mức đề xuất của bí thư chi bộ không cao hơn mức đề xuất của chi bộ.',
      en: "The chi bộ secretary's proposed level is not above the chi bộ's own.",
    },
  };
}

export function capSettings(
  allowedPercent: number[],
  citations: Citation[],
  certainty: SettingDef['certainty'],
): SettingDef[] {
  return [
    {
      key: 'capPercent',
      default: 20,
      allowed: allowedPercent,
      certainty,
      citations,
      description: {
        vi: 'Số đề xuất HTXSNV không vượt quá tỉ lệ này của số HTTNV (chỉ cảnh báo: cấp có thẩm quyền quyết định).',
        en: 'Those proposed HTXSNV should not exceed this share of those proposed HTTNV (a warning only: the competent level decides).',
      },
    },
    {
      key: 'capBase',
      default: 'httnv',
      allowed: ['httnv', 'httnv-and-better'],
      certainty: 'unconfirmed',
      citations,
      description: {
        vi: 'Cơ sở tính tỉ lệ: chỉ số HTTNV (httnv) hoặc HTTNV cùng HTXSNV (httnv-and-better).',
        en: 'Base of the cap: those proposed HTTNV only (httnv), or HTTNV and HTXSNV together (httnv-and-better).',
      },
    },
    {
      key: 'capRounding',
      default: 'floor',
      allowed: ['floor', 'round', 'ceil'],
      certainty: 'unconfirmed',
      citations,
      description: {
        vi: 'Làm tròn số tối đa: xuống (floor, theo "không vượt quá"), gần nhất (round) hoặc lên (ceil).',
        en: 'Rounding of the maximum: down (floor, as "không vượt quá" implies), to nearest (round) or up (ceil).',
      },
    },
  ];
}
