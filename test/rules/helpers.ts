// Builders for rule inputs: a meeting and subjects whose counts fill the ballots (the rest blank).
import type { RuleInput, RuleOutcome } from '../../src/shared/rules/index.ts';

export type Meeting = RuleInput['meeting'];
export type Subject = RuleInput['subjects'][number];

export const meeting = (summoned: number, over: Partial<Meeting> = {}): Meeting => ({
  summoned,
  present: summoned,
  excluded: 0,
  activated: summoned,
  ballots: summoned,
  ...over,
});

/** A subject whose counts are those given; the ballots not counted are blank. */
export function subject(
  id: string,
  given: Partial<Record<string, number>>,
  ballots: number,
  over: Partial<Subject> = {},
): Subject {
  const counts = Object.fromEntries(
    Object.entries(given).filter((e): e is [string, number] => e[1] !== undefined),
  );
  const used = Object.values(counts).reduce((a, b) => a + b, 0);
  return { id, name: `Đảng viên ${id}`, role: 'member', facts: [], counts, blank: ballots - used, ...over };
}

/** Settings as table rows write them: rows differ in which keys they have. */
export type Settings = Record<string, NonNullable<RuleInput['settings']>[string] | undefined>;

export const proposals = (o: RuleOutcome): Record<string, string> =>
  Object.fromEntries(o.subjects.map((s) => [s.id, s.proposal]));

export const flagCodes = (o: RuleOutcome, id: string): string[] =>
  o.subjects.find((s) => s.id === id)!.flags.map((f) => f.code);

export const traceTexts = (o: RuleOutcome, id: string, lang: 'vi' | 'en' = 'en'): string[] =>
  o.subjects.find((s) => s.id === id)!.trace.map((t) => `${t.citation}: ${t.text[lang]} (${t.certainty})`);

export const warningCodes = (o: RuleOutcome): string[] => o.warnings.map((w) => w.code);
