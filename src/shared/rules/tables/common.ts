// What the three classification rule sets share: the four levels, the vote settings (none of which a
// central text fixes, research/vn-rules.md §2.2) and the Điều lệ Đảng citations they lean on. Every
// setting has a name and each of its values a label, in both languages.
import type { Certainty, Citation, FactRule, OptionInfo, Role, RuleRef, SettingDef, Text } from '../types.ts';

export const DIEU_LE_MAJORITY: Citation = { document: 'Điều lệ Đảng', article: 'Điều 9', clause: 'k5' };
export const DIEU_LE_QUORUM: Citation = { document: 'Điều lệ Đảng', article: 'Điều 11', clause: 'k6' };
export const EXCLUSIONS: Citation = { document: 'QĐ 244-QĐ/TW', article: 'Điều 32', clause: 'k2' };
export const HD07_2011: Citation = { document: 'HD 07-HD/BTCTW (2011)' };
/**
 * A rule that rests on practice with no written source. Its words are part of every recorded outcome that
 * cites it (the verifier recomputes the outcome and compares, SPEC §7), so they stay as they are; pages and
 * printouts never show them: citationWords says "thông lệ, chưa có văn bản quy định" instead.
 */
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
  name: { vi: 'Mẫu số để tính tỷ lệ', en: 'Base of the percentages' },
  default: 'summoned-net',
  allowed: ['summoned-net', 'present', 'ballots', 'valid'],
  labels: [
    {
      vi: 'số đảng viên chính thức được triệu tập, trừ các trường hợp loại trừ',
      en: 'official members summoned, net of exclusions',
    },
    { vi: 'số đảng viên chính thức có mặt', en: 'official members present' },
    { vi: 'số phiếu thu về', en: 'ballots cast' },
    { vi: 'số phiếu hợp lệ đối với từng người', en: 'valid answers for each subject' },
  ],
  certainty: 'local',
  citations: [DIEU_LE_MAJORITY, EXCLUSIONS, ...citations],
  description: {
    vi: 'Tỷ lệ phiếu và ngưỡng đạt được tính trên số này.',
    en: 'The share of votes and the thresholds are taken over this number.',
  },
});
export const DENOMINATOR = denominatorSetting([HD07_2011]);

/** thresholdHtxsnv, thresholdHttnv…: the setting that holds a level's threshold. */
export const thresholdKey = (level: string): string => `threshold${level[0].toUpperCase()}${level.slice(1)}`;

/** The words of the thresholds a setting may take: ">1/2" is "trên 1/2". */
export const THRESHOLD_LABELS: Record<string, Text> = {
  '>1/2': { vi: 'trên 1/2', en: 'more than 1/2' },
  '>=2/3': { vi: 'từ 2/3 trở lên', en: 'at least 2/3' },
  none: { vi: 'không yêu cầu', en: 'none required' },
};

function threshold(level: string, note: Text): SettingDef {
  const label = LEVELS.find((l) => l.id === level)!.label;
  return {
    key: thresholdKey(level),
    name: {
      vi: `Ngưỡng đề xuất mức "${label.vi.toLowerCase()}"`,
      en: `Threshold for "${label.en.toLowerCase()}"`,
    },
    default: '>1/2',
    allowed: ['>1/2', '>=2/3'],
    labels: [THRESHOLD_LABELS['>1/2']!, THRESHOLD_LABELS['>=2/3']!],
    certainty: 'local',
    citations: [DIEU_LE_MAJORITY, HD07_2011],
    description: {
      vi: `Tỷ lệ phiếu cần có để chi bộ đề xuất mức này.${note.vi}`,
      en: `The share of votes needed for the chi bộ to propose this level.${note.en}`,
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

const YES: Text = { vi: 'có', en: 'yes' };
const NO: Text = { vi: 'không', en: 'no' };

export const CUMULATIVE: SettingDef = {
  key: 'cumulative',
  name: {
    vi: 'Cộng dồn phiếu mức cao cho mức thấp hơn',
    en: 'Count votes for a better level for the worse ones',
  },
  default: false,
  allowed: [false, true],
  labels: [NO, YES],
  certainty: 'unconfirmed',
  citations: [NO_SOURCE],
  description: {
    vi: 'Phiếu cho mức cao hơn cũng được tính cho các mức thấp hơn. Không tìm thấy quy định; chỉ bật khi cấp ủy quy định.',
    en: 'Votes for a better level also count for the worse ones. No rule found; turn on only where the party committee says so.',
  },
};

export const QUORUM: SettingDef = {
  key: 'quorum',
  name: { vi: 'Số có mặt tối thiểu', en: 'Quorum' },
  default: '>=2/3',
  allowed: ['>=2/3', '>1/2', 'none'],
  labels: [THRESHOLD_LABELS['>=2/3']!, THRESHOLD_LABELS['>1/2']!, THRESHOLD_LABELS.none!],
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
    name: {
      vi: 'Bí thư không xếp cao hơn chi bộ',
      en: 'Secretary not above the chi bộ',
    },
    default: true,
    allowed: [true, false],
    labels: [YES, NO],
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
      name: {
        vi: 'Tỷ lệ tối đa được đề xuất hoàn thành xuất sắc nhiệm vụ',
        en: 'Most who may be proposed for excellent completion',
      },
      default: 20,
      allowed: allowedPercent,
      labels: allowedPercent.map((p) => ({ vi: `${p}%`, en: `${p}%` })),
      certainty,
      citations,
      description: {
        vi: 'Số đề xuất hoàn thành xuất sắc nhiệm vụ không vượt quá tỷ lệ này của số hoàn thành tốt nhiệm vụ (chỉ cảnh báo: cấp có thẩm quyền quyết định).',
        en: 'Those proposed for excellent completion should not exceed this share of those proposed for good completion (a warning only: the competent level decides).',
      },
    },
    {
      key: 'capBase',
      name: { vi: 'Cơ sở tính tỷ lệ tối đa', en: 'What the maximum share is taken of' },
      default: 'httnv',
      allowed: ['httnv', 'httnv-and-better'],
      labels: [
        { vi: 'chỉ số hoàn thành tốt nhiệm vụ', en: 'those proposed for good completion only' },
        {
          vi: 'số hoàn thành tốt và hoàn thành xuất sắc nhiệm vụ',
          en: 'those proposed for good or excellent completion',
        },
      ],
      certainty: 'unconfirmed',
      citations,
      description: {
        vi: 'Tỷ lệ tối đa được tính trên số người nào.',
        en: 'Whom the maximum share is taken of.',
      },
    },
    {
      key: 'capRounding',
      name: { vi: 'Làm tròn số tối đa', en: 'Rounding of the maximum' },
      default: 'floor',
      allowed: ['floor', 'round', 'ceil'],
      labels: [
        { vi: 'làm tròn xuống', en: 'down' },
        { vi: 'làm tròn đến số gần nhất', en: 'to the nearest' },
        { vi: 'làm tròn lên', en: 'up' },
      ],
      certainty: 'unconfirmed',
      citations,
      description: {
        vi: 'Khi tỷ lệ cho ra số lẻ: làm tròn xuống đúng với "không vượt quá".',
        en: 'When the share gives a fraction: rounding down is what "not more than" implies.',
      },
    },
  ];
}
