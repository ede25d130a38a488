// The summary table of a biên bản, in the form a committee expects for each kind of meeting: for a
// classification STT, họ và tên, chức vụ, votes and percentage for each level, blanks, the proposed level
// and notes (forced, beyond the cap, no majority); for a confidence vote the same with the three levels of
// QĐ 96-QĐ/TW; for a motion each question with yes / no / abstain. The PDF, the XLSX, the CSV and the
// minutes page all draw this one table, and the plain sentences that explain a subject's notes. The
// printouts are in Vietnamese; the minutes page also in English, with no Vietnamese word left in its heads.
import type { Text } from '../domain.ts';
import { citationWords } from '../rules/index.ts';
import { ROLE_WORDS } from './details.ts';
import type { Minutes, MinutesSubject } from './minutes.ts';

export type Lang = keyof Text;

export type SummaryCell = string | number;
/** A column: `count` and `percent` cells are numbers (percent: the engine's "54.4" kept as text). */
export type SummaryColumn = { head: string; group: string | null; type: 'text' | 'count' | 'percent' };
export type SummaryTable = {
  columns: SummaryColumn[];
  rows: SummaryCell[][];
  /** Abbreviations used in the heads, spelled out under the table. */
  legend: string[];
};

/** Short heads for the four levels of a classification (the forms' usual abbreviations). */
const LEVEL_SHORT: Record<string, string> = {
  htxsnv: 'HTXSNV',
  httnv: 'HTTNV',
  htnv: 'HTNV',
  khtnv: 'KHTNV',
};

/** A flag as the notes column says it; the sentence itself goes under the table. */
const NOTE: Record<string, Text> = {
  'forced-khtnv': { vi: 'Buộc KHTNV', en: 'Forced: failure to complete tasks' },
  'not-classified': { vi: 'Không xếp loại', en: 'Not classified' },
  'exceeds-cap': { vi: 'Vượt tỷ lệ tối đa', en: 'Beyond the cap' },
  'tied-at-cap': { vi: 'Bằng phiếu tại tỷ lệ tối đa', en: 'Tied at the cap' },
  'no-majority': { vi: 'Không mức nào đạt đa số', en: 'No majority' },
  'head-above-collective': { vi: 'Cao hơn mức của tập thể', en: 'Above the committee as a whole' },
  'head-not-checked': { vi: 'Chưa đối chiếu với tập thể', en: 'Not checked against the committee' },
  'resignation-ground': { vi: 'Căn cứ xem xét từ chức', en: 'Ground to consider resignation' },
  'khtnv-for-leader': { vi: 'KHTNV khi xếp loại', en: 'Failure to complete tasks when classified' },
  removal: { vi: 'Cho thôi giữ chức vụ', en: 'Removal from the post' },
  'out-of-planning': { vi: 'Đưa ra khỏi quy hoạch', en: 'Taken out of the succession plan' },
  'fact-not-applicable': { vi: 'Tình tiết không áp dụng', en: 'Fact not applicable' },
  'unknown-fact': { vi: 'Tình tiết chưa biết', en: 'Unknown fact' },
};
const SEE_REASONS: Text = { vi: 'Xem giải trình', en: 'See the reasons' };

export const noteOf = (code: string, lang: Lang = 'vi'): string => (NOTE[code] ?? SEE_REASONS)[lang];

/** The table's heads. */
const HEAD = {
  number: { vi: 'STT', en: 'No.' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  motion: { vi: 'Nội dung biểu quyết', en: 'Question' },
  role: { vi: 'Chức vụ', en: 'Post' },
  votes: { vi: 'Số phiếu', en: 'Votes' },
  percent: { vi: 'Tỷ lệ %', en: 'Share %' },
  blank: { vi: 'Không đánh dấu', en: 'Blank' },
  proposal: { vi: 'Đề xuất', en: 'Proposal' },
  result: { vi: 'Kết quả', en: 'Result' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
} satisfies Record<string, Text>;

/** The options every subject is counted on, in the first subject's order (a meeting asks them all alike). */
function optionColumns(m: Minutes): Array<{ id: string; label: Text }> {
  const seen = new Map<string, Text>();
  for (const s of m.subjects) for (const o of s.options) if (!seen.has(o.id)) seen.set(o.id, o.label);
  return [...seen].map(([id, label]) => ({ id, label }));
}

function notes(s: MinutesSubject, lang: Lang): string {
  return [...new Set(s.flags.map((f) => noteOf(f.code, lang)))].join('; ');
}

/**
 * The summary table in `lang` (the printouts: Vietnamese). Vietnamese heads a classification's levels with
 * the forms' abbreviations, spelled out in the legend; English has no such abbreviations and writes them out.
 */
export function summaryTable(m: Minutes, lang: Lang = 'vi'): SummaryTable {
  const motion = m.meeting.kind === 'motion';
  const options = optionColumns(m);
  const abbreviated =
    lang === 'vi' && m.meeting.kind === 'classification' && options.every((o) => LEVEL_SHORT[o.id]);
  const groupOf = (o: { id: string; label: Text }) => (abbreviated ? LEVEL_SHORT[o.id]! : o.label[lang]);
  const head = (key: keyof typeof HEAD) => HEAD[key][lang];
  const columns: SummaryColumn[] = [
    { head: head('number'), group: null, type: 'count' },
    { head: head(motion ? 'motion' : 'name'), group: null, type: 'text' },
    ...(motion ? [] : [{ head: head('role'), group: null, type: 'text' as const }]),
    ...options.flatMap((o) => [
      { head: head('votes'), group: groupOf(o), type: 'count' as const },
      { head: head('percent'), group: groupOf(o), type: 'percent' as const },
    ]),
    { head: head('blank'), group: null, type: 'count' },
    { head: head(motion ? 'result' : 'proposal'), group: null, type: 'text' },
    { head: head('notes'), group: null, type: 'text' },
  ];
  const rows = m.subjects.map((s, i) => {
    const byId = new Map(s.options.map((o) => [o.id, o]));
    return [
      i + 1,
      s.name,
      ...(motion ? [] : [ROLE_WORDS[s.role]?.[lang] ?? s.role]),
      ...options.flatMap((o) => {
        const found = byId.get(o.id);
        return found ? [found.votes, found.percent] : ['', ''];
      }),
      s.blank,
      (abbreviated && s.proposal ? LEVEL_SHORT[s.proposal] : undefined) ?? s.proposalLabel?.[lang] ?? '',
      notes(s, lang),
    ];
  });
  const legend = abbreviated ? options.map((o) => `${LEVEL_SHORT[o.id]}: ${o.label.vi}`) : [];
  return { columns, rows, legend };
}

/** A citation as a page or a biên bản says it: a rule that rests on practice, with no written text, says so. */
export const citationText = (citation: string, lang: Lang = 'vi'): string => citationWords(citation)[lang];

/** A flag in a plain sentence (the engine's own words, with every number, are in the appendix). */
function sentence(code: string, s: MinutesSubject): string | null {
  const proposal = s.proposalLabel?.vi.toLowerCase() ?? '';
  switch (code) {
    case 'exceeds-cap':
      return `Đạt đa số ở mức cao hơn nhưng vượt số lượng tối đa được xếp mức đó; xếp theo thứ tự tỷ lệ phiếu, đề xuất mức ${proposal}.`;
    case 'tied-at-cap':
      return 'Bằng tỷ lệ phiếu với đồng chí khác đúng tại số lượng tối đa được xếp mức hoàn thành xuất sắc nhiệm vụ; cấp có thẩm quyền quyết định.';
    case 'forced-khtnv':
      return 'Có tình tiết mà quy định buộc xếp mức không hoàn thành nhiệm vụ, không phụ thuộc số phiếu.';
    case 'not-classified':
      return 'Thuộc trường hợp không xếp loại theo quy định.';
    case 'no-majority':
      return 'Không mức nào đạt quá một nửa số phiếu; chi bộ bỏ phiếu lại hoặc báo cáo cấp ủy cấp trên xem xét.';
    case 'head-above-collective':
      return `Mức của bí thư không được cao hơn mức của tập thể chi ủy; đề xuất mức ${proposal}.`;
    case 'head-not-checked':
      return 'Chưa có kết quả của tập thể chi ủy trong cuộc họp này để đối chiếu mức của bí thư; cần đối chiếu trước khi quyết định.';
    default:
      return null;
  }
}

/**
 * The rules' reasoning in plain sentences, for the subjects that need it (a flag: a forced level, the
 * cap, no majority…); subjects with the same reasons share them: "STT 2, 3, 7: …". Subjects without a flag
 * need no words. In English, the engine's own sentence for each flag.
 */
export function explanations(
  m: Minutes,
  lang: Lang = 'vi',
): Array<{ rows: number[]; names: string[]; text: string }> {
  const groups = new Map<string, { rows: number[]; names: string[] }>();
  m.subjects.forEach((s, i) => {
    if (s.flags.length === 0) return;
    const text = s.flags
      .map((f) => {
        const plain = (lang === 'vi' ? sentence(f.code, s) : null) ?? f.text[lang];
        return `${plain.replace(/\.$/, '')} (${citationText(f.citation, lang)}).`;
      })
      .filter((line, j, all) => all.indexOf(line) === j)
      .join(' ');
    const group = groups.get(text) ?? { rows: [], names: [] };
    group.rows.push(i + 1);
    group.names.push(s.name);
    groups.set(text, group);
  });
  return [...groups].map(([text, g]) => ({ ...g, text }));
}
