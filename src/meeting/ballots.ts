// Casting a ballot (SPEC §4, §7): the ballot's proofs are checked off the event loop (the verifier) before
// the meeting's queue is entered, then the credential is spent and the ballot stored in one atomic write.
// The same ballot again answers with the credential it already spent (a phone that lost its receipt, even
// after the close); another ballot on a spent card is refused.

import type { Manifest } from '../../crypto/index.ts';
import type { Deps } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { type Card, CredentialSpentError, type Meeting, type SpentCredential } from '../store/store.ts';
import { refusalOf } from './lifecycle.ts';
import type { BallotPayload } from './protocol.ts';
import { step } from './step.ts';
import { meetingRef } from './tally.ts';

/** The credential the ballot spent, and whether this request spent it (false: it was spent before). */
export type Cast = { spent: SpentCredential; fresh: boolean };

/**
 * A paper ballot's `decidedByHand` (SPEC §3.1): distinct question ids of the meeting, on a paper ballot's
 * credential only. Its length is what the minutes count.
 */
function decidedByHandOf(meeting: Meeting, card: Card, ballot: BallotPayload): number {
  const rows = ballot.decidedByHand;
  if (rows === undefined) return 0;
  const questions = new Set((JSON.parse(meeting.manifest) as Manifest).questions.map((q) => q.id));
  const valid =
    card.medium === 'paper' && new Set(rows).size === rows.length && rows.every((id) => questions.has(id));
  if (!valid) throw fail(400, 'decided_by_hand_invalid');
  return rows.length;
}

function refuseCard(card: Card | null): void {
  if (!card) throw fail(403, 'credential_unknown');
  if (card.state === 'voided') throw fail(403, 'credential_voided');
  if (card.state !== 'active') throw fail(403, 'credential_not_active');
}

export async function castBallot(
  deps: Pick<Deps, 'store' | 'queue' | 'verifier'>,
  meeting: Meeting,
  ballot: BallotPayload,
): Promise<Cast> {
  const { store } = deps;
  const card = await store.cardByKey(meeting.id, ballot.pk);
  const spentBefore = card && (await store.spentCredential(meeting.id, ballot.pk));
  // Refused early, before the costly proof check; step() checks the status again under the queue.
  if (!spentBefore) {
    const refused = refusalOf('cast-ballot', meeting.status);
    if (refused) throw fail(409, refused);
    refuseCard(card);
  }
  const decidedByHand = card ? decidedByHandOf(meeting, card, ballot) : 0;
  // the ballot as stored, made once: the pool's thread parses this text rather than a copy of the object
  const payload = JSON.stringify(ballot);
  const verdict = await deps.verifier.verifyBallot({ meeting: meetingRef(meeting), ballot, payload });
  if (spentBefore) {
    if (verdict.ok && verdict.ballotHash === spentBefore.ballotHash)
      return { spent: spentBefore, fresh: false };
    throw fail(409, 'credential_spent');
  }
  if (!verdict.ok) throw fail(400, 'ballot_invalid', { reason: verdict.problems.join('; ') });
  const event = { type: 'ballot', payload };

  let cast: Cast;
  try {
    const { answer, head } = await step(deps, meeting.id, 'cast-ballot', async (_, at) => {
      const spent = await store.spentCredential(meeting.id, ballot.pk);
      if (spent) return { answer: spent };
      refuseCard(await store.cardByKey(meeting.id, ballot.pk));
      const write = async () => {
        const head = await store.castBallot(meeting.id, at, {
          pk: ballot.pk,
          ballotHash: verdict.ballotHash,
          event,
          decidedByHand,
        });
        // still under the queue, so the running tally has the ballot before any close can read it
        deps.verifier.ballotAccepted({
          meeting: meetingRef(meeting),
          ballotHash: verdict.ballotHash,
          height: head.height,
        });
        return head;
      };
      return { answer: null, events: [event], write };
    });
    cast = answer
      ? { spent: answer, fresh: false }
      : { spent: { pk: ballot.pk, ballotHash: verdict.ballotHash, height: head!.height }, fresh: true };
  } catch (error) {
    // another request spent the card between our read and our write (another process, or a retry)
    if (!(error instanceof CredentialSpentError)) throw error;
    cast = { spent: error.spent, fresh: false };
  }
  if (cast.spent.ballotHash !== verdict.ballotHash) throw fail(409, 'credential_spent');
  return cast;
}
