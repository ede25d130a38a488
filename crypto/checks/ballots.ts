// Check `ballots` (SPEC §8.5): shape, the signature by an activated key, each key at most once, every
// zero-or-one proof. All proofs of all ballots are checked in one batch; when the batch fails, each ballot
// is checked alone so the report names the ballot, question and option.

import { type BallotStatements, ballotStatements, confirmationCode, failingStatements } from '../ballot.ts';
import { allRelationsHold } from '../batch.ts';
import type { MeetingContext } from '../meeting.ts';
import type { RandomSource } from '../random.ts';
import type { RecordEvent } from '../record.ts';
import type { Activations } from './credentials.ts';

/** A ballot that passed its shape; `paper` when its credential is a paper ballot's (SPEC §3.1). */
export type AcceptedBallot = {
  height: number;
  statements: BallotStatements;
  confirmationCode: string;
  paper: boolean;
};

export function ballotsCheck(
  events: RecordEvent[],
  mc: MeetingContext,
  activations: Activations,
  random: RandomSource,
  onBallot?: (done: number, total: number) => void,
): { problems: string[]; ballots: AcceptedBallot[] } {
  const problems: string[] = [];
  const ballots: AcceptedBallot[] = [];
  const voted = new Set<string>();
  const ballotEvents = events.filter((e) => e.type === 'ballot');
  ballotEvents.forEach((e, n) => {
    const at = `ballot at height ${e.height}`;
    try {
      const statements = ballotStatements(mc, JSON.parse(e.payload));
      const pk = (JSON.parse(e.payload) as { pk: string }).pk;
      const activation = activations.get(pk);
      if (!activation || activation.activatedAt > e.height)
        problems.push(`${at}: credential ${pk} is not activated`);
      else if (activation.voidedAt !== null && activation.voidedAt < e.height)
        problems.push(`${at}: credential ${pk} was voided`);
      if (voted.has(pk)) problems.push(`${at}: credential ${pk} has already voted`);
      voted.add(pk);
      ballots.push({
        height: e.height,
        statements,
        confirmationCode: confirmationCode(statements.ballotHash),
        paper: activation?.paper ?? false,
      });
    } catch (err) {
      problems.push(`${at}: ${(err as Error).message}`);
    }
    onBallot?.(n + 1, ballotEvents.length);
  });
  const relations = ballots.flatMap((b) => b.statements.items.flatMap((i) => i.relations));
  if (!allRelationsHold(relations, random))
    for (const b of ballots)
      for (const where of failingStatements(b.statements.items))
        problems.push(`ballot at height ${b.height}, ${where}: proof does not verify`);
  return { problems, ballots };
}
