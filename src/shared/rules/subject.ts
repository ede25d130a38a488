// A subject while its rules are applied: the proposal so far, its flags and its trace.
import type { Denominator } from './meeting.ts';
import type { Flag, Role, SubjectInput, Text, TraceLine } from './types.ts';

export type Working = {
  input: SubjectInput;
  denominator: Denominator;
  proposal: string;
  flags: Flag[];
  trace: TraceLine[];
};

export const ROLE_NAMES: Record<Role, Text> = {
  member: { vi: 'đảng viên', en: 'member' },
  leader: { vi: 'cán bộ lãnh đạo, quản lý', en: 'leader' },
  secretary: { vi: 'bí thư chi bộ', en: 'secretary' },
  collective: { vi: 'chi bộ (tập thể)', en: 'collective' },
};

/** How a proposal reads in a sentence: HTTNV, or "no level reached". */
export function proposalText(proposal: string): Text {
  if (proposal === 'no-majority')
    return { vi: 'không mức nào đạt ngưỡng', en: 'no level reached its threshold' };
  if (proposal === 'not-classified') return { vi: 'không xếp loại', en: 'not classified' };
  return { vi: proposal.toUpperCase(), en: proposal.toUpperCase() };
}

export function sourceText(source: string): Text {
  return source.trim() === ''
    ? { vi: 'nguồn: chưa ghi', en: 'source: not given' }
    : { vi: `nguồn: ${source}`, en: `source: ${source}` };
}
