// Check `ballots` (SPEC §8.5): shape, the signature by an activated key, each key at most once, every
// zero-or-one proof. The ballots are read as the record streams in, a group at a time: each group's proofs
// are checked in one batch across its ballots (checkBallots, which falls back to each ballot alone and names
// the bad proof), its ciphertexts are added into the running tally, and the ballots are then let go, keeping
// only what the later checks need (height, key, hash, the proofs' verdicts): memory stays that of one group
// whatever the meeting's size. The credentials are judged at the end, against the whole record's
// activations, exactly as if every ballot had been held until then.

import { checkBallots, confirmationCode, type FailingStatement } from '../ballot.ts';
import { base64url as b64 } from '../bytes.ts';
import type { MeetingContext } from '../meeting.ts';
import type { RandomSource } from '../random.ts';
import type { RecordEvent } from '../record.ts';
import { addCiphertexts, type CiphertextSums, emptySums } from '../tally.ts';
import type { Activations } from './credentials.ts';
import { type Reason, reason } from './reasons.ts';

/** A ballot of the record that decodes (whether or not its proofs hold); `paper` when its credential is a
 * paper ballot's (SPEC §3.1). */
export type RecordedBallot = { height: number; ballotHash: string; confirmationCode: string; paper: boolean };

/** What check `result` reads of each ballot (SPEC §8.8, paper ballots), or why the payload does not read. */
export type PaperFacts = { height: number; pk: unknown; decidedByHand: unknown } | Error;

/**
 * Ballots checked together. The batch's multi-scalar multiplication costs less per point the more points
 * it has (its buckets are shared), and a group's decoded points are what the verifier holds at its peak:
 * 8 ballots of 100 questions × 4 options are about 24,000 points (16 were no faster and twice the memory).
 */
export const BALLOTS_PER_BATCH = 8;

/** One ballot's verdict, as far as it can be given before the record's credentials are all known. */
type Verdict =
  | { height: number; problem: Reason }
  | { height: number; pk: string; failing: FailingStatement[]; ballotHash: Uint8Array };

export class BallotsCheck {
  readonly sums: CiphertextSums;
  readonly paper: PaperFacts[] = [];
  private verdicts: Verdict[] = [];
  private group: Array<{ height: number; payload: unknown }> = [];

  constructor(
    private readonly mc: MeetingContext,
    private readonly random: RandomSource,
  ) {
    this.sums = emptySums(mc);
  }

  get checked(): number {
    return this.verdicts.length;
  }

  /** Takes one ballot event; returns true when a group was checked (progress). */
  add(e: RecordEvent): boolean {
    let payload: unknown;
    try {
      payload = JSON.parse(e.payload) as unknown;
      const ballot = payload as { pk: unknown; decidedByHand?: unknown };
      this.paper.push({ height: e.height, pk: ballot.pk, decidedByHand: ballot.decidedByHand });
    } catch (err) {
      if (payload === undefined) payload = err as Error;
      this.paper.push(err as Error);
    }
    this.group.push({ height: e.height, payload });
    if (this.group.length < BALLOTS_PER_BATCH) return false;
    this.flush();
    return true;
  }

  /** Checks the group read so far. */
  flush(): void {
    const group = this.group;
    if (group.length === 0) return;
    this.group = [];
    const checks = checkBallots(
      this.mc,
      group.map((b) => b.payload),
      this.random,
    );
    group.forEach(({ height, payload }, i) => {
      const check = checks[i]!;
      if (payload instanceof Error)
        this.verdicts.push({
          height,
          problem: reason('ballots.malformed', { height, detail: payload.message }),
        });
      else if (!check.ok && !check.statements)
        this.verdicts.push({
          height,
          problem: reason('ballots.malformed', { height, detail: check.problems.join('; ') }),
        });
      else if (check.statements) {
        const { statements } = check;
        addCiphertexts(this.sums, statements.ciphertexts);
        this.verdicts.push({
          height,
          pk: b64(statements.pk),
          failing: check.ok ? [] : (check.failing ?? []),
          ballotHash: statements.ballotHash,
        });
      }
    });
  }

  /** The problems and the decoded ballots, the credentials judged against the record's activations. */
  finish(activations: Activations): { problems: Reason[]; ballots: RecordedBallot[] } {
    this.flush();
    const problems: Reason[] = [];
    const ballots: RecordedBallot[] = [];
    /** The height of each credential's first ballot. */
    const voted = new Map<string, number>();
    for (const v of this.verdicts) {
      if ('problem' in v) {
        problems.push(v.problem);
        continue;
      }
      const { height, pk } = v;
      const activation = activations.get(pk);
      if (!activation || activation.activatedAt > height)
        problems.push(reason('ballots.not_activated', { height, pk }));
      else if (activation.voidedAt !== null && activation.voidedAt < height)
        problems.push(reason('ballots.voided', { height, pk, voided: activation.voidedAt }));
      const first = voted.get(pk);
      if (first !== undefined) problems.push(reason('ballots.voted_twice', { height, pk, first }));
      else voted.set(pk, height);
      for (const { where, question, option } of v.failing)
        problems.push(
          question === undefined
            ? reason('ballots.signature', { height })
            : option === undefined
              ? reason('ballots.sum', { height, where, number: question })
              : reason('ballots.proof', { height, where, number: question, option }),
        );
      ballots.push({
        height: v.height,
        ballotHash: b64(v.ballotHash),
        confirmationCode: confirmationCode(v.ballotHash),
        paper: activation?.paper ?? false,
      });
    }
    return { problems, ballots };
  }
}
