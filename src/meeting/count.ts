// The count, after the poll closes (SPEC §5, §7): the trustees' decryption shares, each proof checked on
// arrival; with the k-th valid share the totals are combined and the result written with it, the rules
// engine's outcome inside; then the trustees' certification signatures.
import type { Deps } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { isCertified } from '../shared/domain.ts';
import { outcomeForResult } from '../shared/rules/index.ts';
import type { Head, Meeting, Store } from '../store/store.ts';
import { trusteeOnBoard } from './ceremony.ts';
import { refusalOf } from './lifecycle.ts';
import {
  type CertificationPayload,
  certificationValid,
  type DecryptionSharePayload,
  fromBase64url,
  type Manifest,
  nextEventHash,
  type ResultPayload,
  type TallyPayload,
} from './protocol.ts';
import { type Attendance, latestAttendance } from './snapshot.ts';
import { step } from './step.ts';
import { ceremonyKeys, meetingRef, payloadsOf } from './tally.ts';

export type Counting = {
  ballots: number | null;
  tally: TallyPayload | null;
  shares: DecryptionSharePayload[];
  /** The result event's payload as recorded (the string the signatures cover), once there is one. */
  result: string | null;
  certifications: CertificationPayload[];
};

export async function countingOf(store: Store, meeting: Pick<Meeting, 'id'>): Promise<Counting> {
  const events = await store.events(meeting.id, {
    types: ['encrypted-tally', 'decryption-share', 'result', 'certification', 'poll-closed'],
  });
  const closed = payloadsOf<{ ballots: number }>(events, 'poll-closed')[0] ?? null;
  return {
    ballots: closed?.ballots ?? null,
    tally: payloadsOf<TallyPayload>(events, 'encrypted-tally')[0] ?? null,
    shares: payloadsOf<DecryptionSharePayload>(events, 'decryption-share'),
    result: events.find((e) => e.type === 'result')?.payload ?? null,
    certifications: payloadsOf<CertificationPayload>(events, 'certification'),
  };
}

/** The meeting's result once k trustees have signed it, else null. */
export async function certifiedResult(
  store: Store,
  meeting: Pick<Meeting, 'id' | 'status' | 'trustees'>,
): Promise<ResultPayload | null> {
  if (meeting.status !== 'decrypted') return null;
  const counting = await countingOf(store, meeting);
  return counting.result && isCertified(meeting.trustees.k, counting.certifications)
    ? (JSON.parse(counting.result) as ResultPayload)
    : null;
}

/** The result payload (SPEC §7) from the combined totals: pure, so the verifier's recomputation matches. */
export function resultOf(input: {
  meeting: Meeting;
  ballots: number;
  activated: number;
  /** Of `ballots`, those cast with a paper ballot's credential (SPEC §3.1). */
  paperBallots: number;
  /** The rows of those paper ballots that the board decided by hand. */
  decidedByHand: number;
  attendance: Attendance | null;
  questions: ResultPayload['questions'];
  trusteesUsed: number[];
  recordHead: string;
  /** When the server counted (its clock, ms): the minutes' certified time of the count. */
  countedAt: number;
}): ResultPayload {
  const { meeting, ballots, activated, questions } = input;
  const manifest = JSON.parse(meeting.manifest) as Manifest;
  return {
    meetingId: meeting.id,
    ctx: meeting.ctx!,
    ballots,
    activated,
    questions,
    ruleSet: meeting.ruleSet,
    outcome: outcomeForResult({ manifest, attendance: input.attendance, activated, ballots, questions }),
    trusteesUsed: input.trusteesUsed,
    recordHead: input.recordHead,
    paperBallots: input.paperBallots,
    decidedByHand: input.decidedByHand,
    countedAt: input.countedAt,
  };
}

/** Records trustee `share.index`'s decryption share; the k-th valid one brings the result with it. */
export async function addDecryptionShare(
  deps: Pick<Deps, 'store' | 'queue' | 'verifier' | 'clock'>,
  meeting: Meeting,
  share: DecryptionSharePayload,
): Promise<{ head: Head; result: ResultPayload | null }> {
  const { store, verifier } = deps;
  // Refused early, before the costly proof check; step() checks again under the queue.
  const refused = refusalOf('decryption-share', meeting.status);
  if (refused) throw fail(409, refused);
  trusteeOnBoard(meeting, share.index);
  const keys = (await ceremonyKeys(store, meeting.id))!;
  const before = await countingOf(store, meeting);
  if (before.shares.some((s) => s.index === share.index))
    throw fail(409, 'share_duplicate', { index: share.index });
  const ref = meetingRef(meeting);
  const verdict = await verifier.verifyShare({
    meeting: ref,
    verificationKey: keys.verificationKeys.get(share.index)!,
    tally: before.tally!,
    share,
  });
  if (!verdict.ok) throw fail(400, 'share_invalid', { reason: verdict.problems.join('; ') });

  const { answer, head } = await step(deps, meeting.id, 'decryption-share', async (current, at) => {
    const now = await countingOf(store, current);
    if (now.shares.some((s) => s.index === share.index))
      throw fail(409, 'share_duplicate', { index: share.index });
    const shareEvent = { type: 'decryption-share', payload: JSON.stringify(share) };
    const { k } = current.trustees;
    if (now.shares.length + 1 < k)
      return {
        answer: null,
        events: [shareEvent],
        write: () => store.addDecryptionShare(meeting.id, at, shareEvent, null),
      };
    const chosen = [...now.shares, share].sort((a, b) => a.index - b.index).slice(0, k);
    const ballots = now.ballots!;
    let questions: ResultPayload['questions'];
    try {
      questions = await verifier.combine({ meeting: ref, tally: now.tally!, shares: chosen, ballots });
    } catch (error) {
      throw fail(409, 'combine_failed', { reason: (error as Error).message });
    }
    const { activated, paperCast, decidedByHand } = await store.counts(meeting.id);
    const result = resultOf({
      meeting: current,
      ballots,
      activated,
      paperBallots: paperCast,
      decidedByHand,
      attendance: await latestAttendance(store, meeting.id),
      questions,
      trusteesUsed: chosen.map((s) => s.index),
      recordHead: nextEventHash(at, shareEvent),
      countedAt: deps.clock.now(),
    });
    const resultEvent = { type: 'result', payload: JSON.stringify(result) };
    return {
      answer: result,
      events: [shareEvent, resultEvent],
      write: () => store.addDecryptionShare(meeting.id, at, shareEvent, resultEvent),
    };
  });
  return { head: head!, result: answer };
}

/** Records trustee `body.index`'s signature over the result, checked against its ceremony signing key. */
export async function certify(
  deps: Pick<Deps, 'store' | 'queue'>,
  meeting: Meeting,
  body: CertificationPayload,
): Promise<Head> {
  const { store } = deps;
  trusteeOnBoard(meeting, body.index);
  const { head } = await step(deps, meeting.id, 'certify', async (current, at) => {
    const state = await countingOf(store, current);
    if (!state.result) throw fail(409, 'result_missing');
    if (state.certifications.some((x) => x.index === body.index))
      throw fail(409, 'certification_duplicate', { index: body.index });
    const keys = (await ceremonyKeys(store, meeting.id))!;
    const signingKey = fromBase64url(keys.signingKeys.get(body.index)!, 32);
    if (
      !certificationValid(fromBase64url(current.manifestHash, 64), state.result, body.signature, signingKey)
    )
      throw fail(400, 'certification_invalid', { index: body.index });
    const event = { type: 'certification', payload: JSON.stringify(body) };
    return { answer: null, events: [event], write: () => store.appendEvent(meeting.id, at, event) };
  });
  return head!;
}
