// The board's key ceremony (SPEC §2) as the meeting's commands: phase 1 commitments, phase 2 encrypted
// shares, phase 3 a signed acknowledgement of the joint key, or a complaint that restarts the ceremony with
// a new round. Each is one step (step.ts) and is checked against this round's state under the queue.
import type { Deps } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import type { CeremonyOutcome, Meeting, NewEvent, Store } from '../store/store.ts';
import {
  type AckPayload,
  type CommitmentsPayload,
  ceremonyAckMessage,
  commitmentsProblems,
  ed25519Verify,
  fromBase64url,
  type JointKeyPayload,
  jointKeyPayload,
  manifestHash,
  type SharesPayload,
} from './protocol.ts';
import { step } from './step.ts';
import { payloadsOf } from './tally.ts';

export type Round = {
  commitments: CommitmentsPayload[];
  shares: SharesPayload[];
  acks: AckPayload[];
  jointKey: JointKeyPayload | null;
};

type CeremonyDeps = Pick<Deps, 'store' | 'queue'>;
export type CeremonyAnswer = { height: number; round: number; outcome: CeremonyOutcome['kind'] };

/** A signature check that counts a malformed key or signature as a failure. */
function verifies(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/** This round's commitments, shares and acknowledgements, and the joint key once there is one. */
export async function roundOf(store: Store, meeting: Meeting): Promise<Round> {
  const events = await store.events(meeting.id, {
    types: ['trustee-commitments', 'trustee-shares', 'trustee-ack', 'joint-key'],
  });
  const mine = <T extends { round: number }>(type: string) =>
    payloadsOf<T>(events, type).filter((p) => p.round === meeting.round);
  return {
    commitments: mine<CommitmentsPayload>('trustee-commitments'),
    shares: mine<SharesPayload>('trustee-shares'),
    acks: mine<AckPayload>('trustee-ack'),
    jointKey: payloadsOf<JointKeyPayload>(events, 'joint-key').at(-1) ?? null,
  };
}

/** A trustee index must be on the meeting's board: `400 trustee_index`, before any proof is checked. */
export function trusteeOnBoard(meeting: Meeting, index: number): void {
  if (index > meeting.trustees.n) throw fail(400, 'trustee_index', { n: meeting.trustees.n });
}

/** One ceremony step in `payload.round`: refused unless it is this round's. */
async function ceremonyStep(
  deps: CeremonyDeps,
  meetingId: string,
  payload: { round: number },
  decide: (meeting: Meeting, round: Round) => { events: NewEvent[]; outcome: CeremonyOutcome },
): Promise<CeremonyAnswer> {
  const { answer, head } = await step(deps, meetingId, 'ceremony', async (meeting, at) => {
    if (payload.round !== meeting.round)
      throw fail(409, 'ceremony_round', { round: meeting.round, got: payload.round });
    const { events, outcome } = decide(meeting, await roundOf(deps.store, meeting));
    return {
      answer: { round: outcome.kind === 'restart' ? outcome.round : meeting.round, outcome: outcome.kind },
      events,
      write: () => deps.store.recordCeremony(meetingId, at, events, outcome),
    };
  });
  return { height: head!.height, ...answer };
}

const none: CeremonyOutcome = { kind: 'none' };

export async function publishCommitments(
  deps: CeremonyDeps,
  meeting: Meeting,
  payload: CommitmentsPayload,
): Promise<CeremonyAnswer> {
  trusteeOnBoard(meeting, payload.index);
  const problems = commitmentsProblems(meeting.manifest, payload, meeting.trustees);
  if (problems.length > 0) throw fail(400, 'ceremony_invalid', { reason: problems.join('; ') });
  return ceremonyStep(deps, meeting.id, payload, (_, round) => {
    if (round.commitments.some((x) => x.index === payload.index))
      throw fail(409, 'ceremony_duplicate', { index: payload.index, round: payload.round });
    return { events: [{ type: 'trustee-commitments', payload: JSON.stringify(payload) }], outcome: none };
  });
}

export async function publishShares(
  deps: CeremonyDeps,
  meeting: Meeting,
  payload: SharesPayload,
): Promise<CeremonyAnswer> {
  trusteeOnBoard(meeting, payload.from);
  const { n } = meeting.trustees;
  const to = payload.shares.map((s) => s.to).sort((a, b) => a - b);
  const expected = Array.from({ length: n }, (_, i) => i + 1).filter((j) => j !== payload.from);
  if (to.join() !== expected.join())
    throw fail(400, 'ceremony_invalid', { reason: `one share to each of trustees ${expected.join(', ')}` });
  return ceremonyStep(deps, meeting.id, payload, (current, round) => {
    if (round.commitments.length < current.trustees.n)
      throw fail(409, 'ceremony_phase', { n: current.trustees.n });
    if (round.shares.some((x) => x.from === payload.from))
      throw fail(409, 'ceremony_duplicate', { index: payload.from, round: payload.round });
    return { events: [{ type: 'trustee-shares', payload: JSON.stringify(payload) }], outcome: none };
  });
}

/** Phase 3: an acknowledgement signed over the joint key (the last one publishes it), or a complaint. */
export async function acknowledge(
  deps: CeremonyDeps,
  meeting: Meeting,
  payload: AckPayload,
): Promise<CeremonyAnswer> {
  trusteeOnBoard(meeting, payload.index);
  return ceremonyStep(deps, meeting.id, payload, (current, round) => {
    const { n } = current.trustees;
    if (round.shares.length < n) throw fail(409, 'ceremony_phase', { n });
    if (round.acks.some((x) => x.index === payload.index))
      throw fail(409, 'ceremony_duplicate', { index: payload.index, round: payload.round });
    const event: NewEvent = { type: 'trustee-ack', payload: JSON.stringify(payload) };
    if (!payload.ok) {
      if (payload.against === payload.index || payload.against > n)
        throw fail(400, 'ceremony_invalid', { reason: `against must name another trustee (1…${n})` });
      return { events: [event], outcome: { kind: 'restart', round: current.round + 1 } };
    }
    const mh = manifestHash(current.manifest);
    const jointKey = jointKeyPayload(mh, current.round, round.commitments);
    const signer = round.commitments.find((x) => x.index === payload.index)!;
    const signed = verifies(() =>
      ed25519Verify(
        fromBase64url(payload.signature, 64),
        ceremonyAckMessage(mh, fromBase64url(jointKey.K, 32)),
        fromBase64url(signer.ed25519, 32),
      ),
    );
    if (!signed)
      throw fail(400, 'ceremony_invalid', { reason: `the signature of trustee ${payload.index} fails` });
    if (round.acks.length + 1 < n) return { events: [event], outcome: none };
    return {
      events: [event, { type: 'joint-key', payload: JSON.stringify(jointKey) }],
      outcome: { kind: 'joint-key', jointKey: jointKey.K, ctx: jointKey.ctx },
    };
  });
}
