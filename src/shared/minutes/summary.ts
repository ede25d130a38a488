// The summary table of a biên bản, in the form a committee expects for each kind of meeting: for a
// classification STT, họ và tên, chức vụ, votes and percentage for each level, blanks, the proposed level
// and notes (forced, beyond the cap, no majority); for a confidence vote the same with the three levels of
// QĐ 96-QĐ/TW; for a motion each question with yes / no / abstain. The PDF, the XLSX, the CSV and the
// minutes page all draw this one table, and the plain sentences that explain a subject's notes.
import { ROLE_TEXT } from './details.ts';
import type { Minutes, MinutesSubject } from './minutes.ts';

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
const NOTE: Record<string, string> = {
  'forced-khtnv': 'Buộc KHTNV',
  'not-classified': 'Không xếp loại',
  'exceeds-cap': 'Vượt tỷ lệ tối đa',
  'tied-at-cap': 'Bằng phiếu tại tỷ lệ tối đa',
  'no-majority': 'Không mức nào đạt đa số',
  'head-above-collective': 'Cao hơn mức của tập thể',
  'head-not-checked': 'Chưa đối chiếu với tập thể',
  'resignation-ground': 'Căn cứ xem xét từ chức',
  'khtnv-for-leader': 'KHTNV khi xếp loại',
  removal: 'Cho thôi giữ chức vụ',
  'out-of-planning': 'Đưa ra khỏi quy hoạch',
  'fact-not-applicable': 'Tình tiết không áp dụng',
  'unknown-fact': 'Tình tiết chưa biết',
};

export const noteOf = (code: string): string => NOTE[code] ?? 'Xem giải trình';

/** The options every subject is counted on, in the first subject's order (a meeting asks them all alike). */
function optionColumns(m: Minutes): Array<{ id: string; label: string }> {
  const seen = new Map<string, string>();
  for (const s of m.subjects) for (const o of s.options) if (!seen.has(o.id)) seen.set(o.id, o.label.vi);
  return [...seen].map(([id, label]) => ({ id, label }));
}

function notes(s: MinutesSubject): string {
  return [...new Set(s.flags.map((f) => noteOf(f.code)))].join('; ');
}

export function summaryTable(m: Minutes): SummaryTable {
  const motion = m.meeting.kind === 'motion';
  const options = optionColumns(m);
  const abbreviated = m.meeting.kind === 'classification' && options.every((o) => LEVEL_SHORT[o.id]);
  const groupOf = (o: { id: string; label: string }) => (abbreviated ? LEVEL_SHORT[o.id]! : o.label);
  const columns: SummaryColumn[] = [
    { head: 'STT', group: null, type: 'count' },
    { head: motion ? 'Nội dung biểu quyết' : 'Họ và tên', group: null, type: 'text' },
    ...(motion ? [] : [{ head: 'Chức vụ', group: null, type: 'text' as const }]),
    ...options.flatMap((o) => [
      { head: 'Số phiếu', group: groupOf(o), type: 'count' as const },
      { head: 'Tỷ lệ %', group: groupOf(o), type: 'percent' as const },
    ]),
    { head: 'Không đánh dấu', group: null, type: 'count' },
    { head: motion ? 'Kết quả' : 'Đề xuất', group: null, type: 'text' },
    { head: 'Ghi chú', group: null, type: 'text' },
  ];
  const rows = m.subjects.map((s, i) => {
    const byId = new Map(s.options.map((o) => [o.id, o]));
    return [
      i + 1,
      s.name,
      ...(motion ? [] : [ROLE_TEXT[s.role] ?? s.role]),
      ...options.flatMap((o) => {
        const found = byId.get(o.id);
        return found ? [found.votes, found.percent] : ['', ''];
      }),
      s.blank,
      (abbreviated && s.proposal ? LEVEL_SHORT[s.proposal] : undefined) ?? s.proposalLabel?.vi ?? '',
      notes(s),
    ];
  });
  const legend = abbreviated ? options.map((o) => `${LEVEL_SHORT[o.id]}: ${o.label}`) : [];
  return { columns, rows, legend };
}

/**
 * A citation as a page may show it: a rule that rests on local practice, not on a published text, cites
 * the project's research notes; a biên bản says so in words instead of naming a file.
 */
export const citationText = (citation: string): string =>
  /research\/|no source/i.test(citation) ? 'theo thông lệ, chưa có văn bản quy định' : citation;

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
 * need no words.
 */
export function explanations(m: Minutes): Array<{ rows: number[]; names: string[]; text: string }> {
  const groups = new Map<string, { rows: number[]; names: string[] }>();
  m.subjects.forEach((s, i) => {
    if (s.flags.length === 0) return;
    const text = s.flags
      .map((f) => `${(sentence(f.code, s) ?? f.text.vi).replace(/\.$/, '')} (${citationText(f.citation)}).`)
      .filter((line, j, all) => all.indexOf(line) === j)
      .join(' ');
    const group = groups.get(text) ?? { rows: [], names: [] };
    group.rows.push(i + 1);
    group.names.push(s.name);
    groups.set(text, group);
  });
  return [...groups].map(([text, g]) => ({ ...g, text }));
}
