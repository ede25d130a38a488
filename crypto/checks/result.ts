// Check `result` (SPEC §8.8): the result belongs to this meeting, counts the ballots, the paper ballots
// among them and the activated credentials of the record, has consistent blanks, and its outcome is what
// the named rule set gives.

import type { MeetingContext } from '../meeting.ts';
import type { AttendancePayload, ResultPayload } from '../payloads.ts';
import type { RecordEvent } from '../record.ts';
import type { PaperFacts } from './ballots.ts';
import { type Activations, liveCredentials } from './credentials.ts';
import { type Reason, reason } from './reasons.ts';

/**
 * The record as the streaming verifier keeps it: every event, a ballot's without its payload; each
 * event's hash (or why it has none); what check `result` reads of each ballot.
 */
export type KeptRecord = { events: RecordEvent[]; hashes: Array<string | Error>; paper: PaperFacts[] };

/** Recomputes a result's outcome (the rules engine); the verifier stays free of it unless given one. */
export type OutcomeFunction = (args: {
  manifest: MeetingContext['manifest'];
  attendance: AttendancePayload | null;
  activated: number;
  ballots: number;
  questions: ResultPayload['questions'];
}) => unknown;

/** JSON equality that ignores key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * SPEC §7: `paperBallots` counts the ballots signed by a paper ballot's key, required once one is
 * activated; phieukin's `decidedByHand`, when present, sums the rows those ballots say the board decided
 * by hand, each list distinct question ids of the manifest and found on paper ballots only.
 */
function paperProblems(
  ballots: PaperFacts[],
  mc: MeetingContext,
  activations: Activations,
  r: Pick<ResultPayload, 'paperBallots' | 'decidedByHand'>,
): Reason[] {
  const problems: Reason[] = [];
  const questions = new Set(mc.manifest.questions.map((q) => q.id));
  const anyPaper = [...activations.values()].some((a) => a.paper);
  let paper = 0;
  let decidedByHand = 0;
  for (const ballot of ballots) {
    if (ballot instanceof Error) throw ballot;
    const onPaper = activations.get(ballot.pk as string)?.paper === true;
    if (onPaper) paper++;
    const rows = ballot.decidedByHand;
    if (rows === undefined) continue;
    const valid =
      onPaper &&
      Array.isArray(rows) &&
      new Set(rows).size === rows.length &&
      rows.every((id) => questions.has(id as string));
    if (valid) decidedByHand += rows.length;
    else problems.push(reason('result.decided_by_hand', { height: ballot.height }));
  }
  if (r.paperBallots === undefined) {
    if (anyPaper) problems.push(reason('result.paper_missing', { paper }));
  } else if (r.paperBallots !== paper)
    problems.push(reason('result.paper', { published: String(r.paperBallots), paper }));
  if (r.decidedByHand !== undefined && r.decidedByHand !== decidedByHand)
    problems.push(
      reason('result.decided_by_hand_rows', { published: String(r.decidedByHand), rows: decidedByHand }),
    );
  return problems;
}

export function resultCheck(
  { events, hashes, paper }: KeptRecord,
  mc: MeetingContext,
  activations: Activations,
  outcome: OutcomeFunction | undefined,
): Reason[] {
  const event = events.find((e) => e.type === 'result');
  if (!event) return [];
  const r = JSON.parse(event.payload) as ResultPayload;
  const { manifest } = mc;
  const problems: Reason[] = [];
  const ballots = events.filter((e) => e.type === 'ballot').length;
  const activated = liveCredentials(activations);
  if (r.meetingId !== manifest.meetingId) problems.push(reason('result.meeting', {}));
  if (r.ctx !== JSON.parse(events.find((e) => e.type === 'joint-key')!.payload).ctx)
    problems.push(reason('result.context', {}));
  if (r.ballots !== ballots)
    problems.push(reason('result.ballots', { published: String(r.ballots), ballots }));
  if (r.activated !== activated)
    problems.push(reason('result.activated', { published: String(r.activated), activated }));
  problems.push(...paperProblems(paper, mc, activations, r));
  if (r.ruleSet !== manifest.ruleSet) problems.push(reason('result.rule_set', {}));
  const previous = hashes[event.height - 1];
  if (previous instanceof Error && r.recordHead !== undefined) throw previous;
  if (r.recordHead !== undefined && (previous === undefined || r.recordHead !== previous))
    problems.push(reason('result.record_head', {}));
  if (r.countedAt !== undefined && !(Number.isSafeInteger(r.countedAt) && r.countedAt >= 0))
    problems.push(reason('result.counted_at', {}));
  if (!Array.isArray(r.questions) || r.questions.length !== manifest.questions.length)
    return [...problems, reason('result.questions', {})];
  manifest.questions.forEach((q, i) => {
    const rq = r.questions[i]!;
    const sum = Array.isArray(rq.counts) ? rq.counts.reduce((a, b) => a + b, 0) : Number.NaN;
    const question = { question: q.id, number: i + 1 };
    if (rq.id !== q.id || rq.counts.length !== q.options.length)
      problems.push(reason('result.question_shape', question));
    else if (rq.blank !== ballots - sum)
      problems.push(
        reason('result.blank', { ...question, published: String(rq.blank), expected: ballots - sum }),
      );
  });
  if (manifest.ruleSet === 'none') {
    if (r.outcome !== null) problems.push(reason('result.outcome_none', {}));
  } else if (!outcome) {
    problems.push(reason('result.outcome_unchecked', { ruleSet: manifest.ruleSet }));
  } else {
    const attendance = events.filter((e) => e.type === 'attendance').at(-1);
    const expected = outcome({
      manifest,
      attendance: attendance ? (JSON.parse(attendance.payload) as AttendancePayload) : null,
      activated,
      ballots,
      questions: r.questions,
    });
    if (!sameJson(expected, r.outcome))
      problems.push(reason('result.outcome', { ruleSet: String(r.ruleSet) }));
  }
  return problems;
}
