// Check `ballots` (SPEC §8.5): shape, the signature by an activated key, each key at most once, every
// zero-or-one proof. The record is read a few ballots at a time: each group's proofs are checked in one
// batch across its ballots (checkBallots, which falls back to each ballot alone and names the bad proof),
// its ciphertexts are added into the running tally, and its decoded points are then let go, so memory
// stays that of a few ballots whatever the meeting's size.

import { checkBallots, confirmationCode } from '../ballot.ts';
import { base64url as b64 } from '../bytes.ts';
import type { MeetingContext } from '../meeting.ts';
import type { RandomSource } from '../random.ts';
import type { RecordEvent } from '../record.ts';
import { addCiphertexts, type CiphertextSums, emptySums } from '../tally.ts';
import type { Activations } from './credentials.ts';

/** A ballot of the record that decodes (whether or not its proofs hold); `paper` when its credential is a
 * paper ballot's (SPEC §3.1). */
export type RecordedBallot = { height: number; ballotHash: string; confirmationCode: string; paper: boolean };

/** Ballots checked together: large enough for the batch to pay, small enough to hold in a phone's memory. */
export const BALLOTS_PER_BATCH = 8;

export function ballotsCheck(
  events: RecordEvent[],
  mc: MeetingContext,
  activations: Activations,
  random: RandomSource,
  onBallot?: (done: number, total: number) => void,
): { problems: string[]; ballots: RecordedBallot[]; sums: CiphertextSums } {
  const problems: string[] = [];
  const ballots: RecordedBallot[] = [];
  const sums = emptySums(mc);
  const voted = new Set<string>();
  const ballotEvents = events.filter((e) => e.type === 'ballot');
  for (let start = 0; start < ballotEvents.length; start += BALLOTS_PER_BATCH) {
    const group = ballotEvents.slice(start, start + BALLOTS_PER_BATCH);
    const payloads = group.map((e) => {
      try {
        return JSON.parse(e.payload) as unknown;
      } catch (err) {
        return err as Error;
      }
    });
    const checks = checkBallots(mc, payloads, random);
    group.forEach((e, i) => {
      const at = `ballot at height ${e.height}`;
      const payload = payloads[i];
      const check = checks[i]!;
      if (payload instanceof Error) {
        problems.push(`${at}: ${payload.message}`);
        return;
      }
      if (!check.statements) {
        if (!check.ok) problems.push(`${at}: ${check.problems.join('; ')}`);
        return;
      }
      const { statements } = check;
      const pk = b64(statements.pk);
      const activation = activations.get(pk);
      if (!activation || activation.activatedAt > e.height)
        problems.push(`${at}: credential ${pk} is not activated`);
      else if (activation.voidedAt !== null && activation.voidedAt < e.height)
        problems.push(`${at}: credential ${pk} was voided`);
      if (voted.has(pk)) problems.push(`${at}: credential ${pk} has already voted`);
      voted.add(pk);
      if (!check.ok) for (const problem of check.problems) problems.push(`${at}, ${problem}`);
      addCiphertexts(sums, statements.ciphertexts);
      ballots.push({
        height: e.height,
        ballotHash: b64(statements.ballotHash),
        confirmationCode: confirmationCode(statements.ballotHash),
        paper: activation?.paper ?? false,
      });
    });
    onBallot?.(start + group.length, ballotEvents.length);
  }
  return { problems, ballots, sums };
}
