// Citations, bilingual messages and the engine's one error type.
import type { Certainty, Citation, Flag, Message, RuleRef, Text, TraceLine } from './types.ts';

export function formatCitation(c: Citation): string {
  return [c.document, c.article, c.clause].filter((part) => part !== undefined).join(' ');
}

export function formatCitations(cs: Citation[]): string {
  return cs.map(formatCitation).join('; ');
}

/**
 * What a recorded citation names that is not a written regulation: the project's notes on the regulations
 * and its protocol, cited by rules that rest on practice (NO_SOURCE). The record keeps those words.
 */
const UNWRITTEN = /research\/|SPEC\.md|no source/i;

/**
 * A citation (a trace line's, a flag's, a warning's or a setting's) as a page or a printout says it: its
 * written sources; a rule with none rests on practice and says so in words.
 */
export function citationWords(citation: string | null): Text {
  const written = (citation ?? '')
    .split('; ')
    .filter((part) => part !== '' && !UNWRITTEN.test(part))
    .join('; ');
  return written
    ? { vi: written, en: written }
    : { vi: 'thông lệ, chưa có văn bản quy định', en: 'common practice, no written rule' };
}

export function trace(ref: RuleRef, text: Text, certainty: Certainty = ref.certainty): TraceLine {
  return { rule: ref.rule, citation: formatCitations(ref.citations), certainty, text };
}

export function flag(ref: RuleRef, code: string, waivable: boolean, message: Text): Flag {
  return {
    code,
    rule: ref.rule,
    citation: formatCitations(ref.citations),
    certainty: ref.certainty,
    waivable,
    message,
  };
}

export function warning(ref: RuleRef, code: string, message: Text): Message {
  return { code, citation: formatCitations(ref.citations), certainty: ref.certainty, message };
}

/** Joins bilingual fragments: join([a, b], ' ') → { vi: a.vi + ' ' + b.vi, en: … }. */
export function join(parts: (Text | string)[], separator = ''): Text {
  const pick = (lang: 'vi' | 'en') => parts.map((p) => (typeof p === 'string' ? p : p[lang])).join(separator);
  return { vi: pick('vi'), en: pick('en') };
}

/** Bad input or settings. `message` holds both languages, Vietnamese first. */
export class RuleError extends Error {
  override name = 'RuleError';
  constructor(
    readonly code: string,
    readonly text: Text,
  ) {
    super(`${text.vi} / ${text.en}`);
  }
}

export function fail(code: string, vi: string, en: string): never {
  throw new RuleError(code, { vi, en });
}
