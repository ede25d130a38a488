// Reads of the counting stage shared by the routes: the meeting's crypto reference, the encrypted tally,
// and the keys the ceremony fixed (K_i to check shares, E_i to check signatures).

import type { MeetingRef } from '../check-pool/verifier.ts';
import type { Deps } from '../http/context.ts';
import type { Meeting, Store, StoredEvent } from '../store/store.ts';
import type { CommitmentsPayload, JointKeyPayload, TallyPayload } from './protocol.ts';

export function meetingRef(meeting: Meeting): MeetingRef {
  if (!meeting.jointKey) throw new Error(`meeting ${meeting.id} has no joint key`);
  return { manifest: meeting.manifest, jointKey: meeting.jointKey };
}

export function encryptedTally(deps: Deps, meeting: Meeting, ballots: StoredEvent[]): Promise<TallyPayload> {
  return deps.verifier.sumBallots({
    meeting: meetingRef(meeting),
    ballots: ballots.map(({ height, payload }) => ({ height, payload })),
  });
}

export const payloadsOf = <T>(events: StoredEvent[], type: string): T[] =>
  events.filter((e) => e.type === type).map((e) => JSON.parse(e.payload) as T);

export type CeremonyKeys = {
  jointKey: JointKeyPayload;
  /** K_i by trustee index (base64url). */
  verificationKeys: Map<number, string>;
  /** E_i by trustee index (base64url). */
  signingKeys: Map<number, string>;
};

/** The keys of the round the joint-key event names; null before the ceremony is over. */
export async function ceremonyKeys(store: Store, meetingId: string): Promise<CeremonyKeys | null> {
  const events = await store.events(meetingId, { types: ['trustee-commitments', 'joint-key'] });
  const jointKey = payloadsOf<JointKeyPayload>(events, 'joint-key').at(-1);
  if (!jointKey) return null;
  const commitments = payloadsOf<CommitmentsPayload>(events, 'trustee-commitments').filter(
    (c) => c.round === jointKey.round,
  );
  return {
    jointKey,
    verificationKeys: new Map(jointKey.verificationKeys.map((v) => [v.index, v.key])),
    signingKeys: new Map(commitments.map((c) => [c.index, c.ed25519])),
  };
}
