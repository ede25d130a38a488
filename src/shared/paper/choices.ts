// From the readings of one paper ballot's pages to the choices its credential casts (SPEC §3.1): every
// page of the same ballot read, one token throughout, and every `unsure` row decided by the board first.
// The booth's encryption (crypto/ballot.ts) then takes these choices unchanged, and the ballot carries
// `decidedByHand`, the rows the board decided or corrected, for the minutes to count. Pure.
import type { Choices, Manifest } from '../../../crypto/index.ts';
import type { PageReading } from './read.ts';

/** The board's decision for a row (an unsure one, or one it corrects): an option id, or null for blank. */
export type BoardDecisions = Record<string, string | null>;

export type PaperChoices =
  | { ok: true; serial: string; token: string; choices: Choices; decidedByHand: string[] }
  | { ok: false; problems: string[] };

export function paperChoices(
  manifest: Manifest,
  readings: PageReading[],
  decisions: BoardDecisions = {},
): PaperChoices {
  const problems = readings.flatMap((r) => r.problems);
  if (problems.length > 0) return { ok: false, problems };
  const serials = new Set(readings.map((r) => r.ballot));
  const tokens = new Set(readings.map((r) => r.token));
  if (readings.length === 0) return { ok: false, problems: ['no page read'] };
  if (serials.size !== 1 || tokens.size !== 1)
    return { ok: false, problems: ['the pages belong to different ballots'] };
  const answers = new Map(readings.flatMap((r) => r.answers.map((a) => [a.question, a] as const)));
  const decidedByHand: string[] = [];
  const missing: string[] = [];
  const undecided: string[] = [];
  const choices = manifest.questions.map((q) => {
    const answer = answers.get(q.id);
    if (!answer) {
      missing.push(q.id);
      return null;
    }
    let option = answer.state === 'empty' ? null : answer.option;
    if (q.id in decisions) {
      // a decision that only repeats a clear reading is no hand decision
      if (answer.state === 'unsure' || decisions[q.id] !== option) decidedByHand.push(q.id);
      option = decisions[q.id]!;
    } else if (answer.state === 'unsure') {
      undecided.push(q.id);
      return null;
    }
    if (option === null) return null;
    const index = q.options.findIndex((o) => o.id === option);
    if (index < 0) undecided.push(q.id);
    return index < 0 ? null : index;
  });
  if (missing.length > 0) problems.push(`page missing: no page holds ${missing.join(', ')}`);
  if (undecided.length > 0) problems.push(`unsure rows for the board to decide: ${undecided.join(', ')}`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, serial: [...serials][0]!, token: [...tokens][0]!, choices, decidedByHand };
}
