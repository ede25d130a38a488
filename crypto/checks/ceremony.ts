// Check `ceremony` (SPEC §8.3): every proof of knowledge, K and each K_j recomputed from the commitments of
// the round the joint-key event names, ctx recomputed, and a signed acknowledgement from all n trustees.
import { base64url as b64, fromBase64url } from '../bytes.ts';
import { ed25519Verify, encodePoint, type Point } from '../group.ts';
import { contextHash, type Manifest } from '../manifest.ts';
import { type MeetingContext, meetingContext } from '../meeting.ts';
import type { AckPayload, CommitmentsPayload, JointKeyPayload, SharesPayload } from '../payloads.ts';
import type { RecordEvent } from '../record.ts';
import { ceremonyAckMessage, ceremonyOutcome, commitmentProblems, verificationKeysOf } from '../threshold.ts';
import { type Reason, reason } from './reasons.ts';

export type CeremonyFacts = {
  mc: MeetingContext;
  /** Ed25519 keys E_i and verification keys K_i by trustee index. */
  signingKeys: Map<number, Uint8Array>;
  verificationKeys: Map<number, Point>;
};

const payloads = <T>(events: RecordEvent[], type: string): T[] =>
  events.filter((e) => e.type === type).map((e) => JSON.parse(e.payload) as T);

/**
 * The later checks work from the keys the joint-key event publishes; this check says whether those keys
 * are the ones the ceremony produced. Throws on a malformed payload (the caller reports it).
 */
export function ceremonyCheck(
  events: RecordEvent[],
  manifest: Manifest,
  manifestText: string,
  manifestHash: Uint8Array,
): { problems: Reason[]; facts: CeremonyFacts | null } {
  const jointKey = payloads<JointKeyPayload>(events, 'joint-key').at(-1);
  if (!jointKey) return { problems: [], facts: null };
  const round = jointKey.round;
  const commitments = payloads<CommitmentsPayload>(events, 'trustee-commitments').filter(
    (c) => c.round === round,
  );
  const facts: CeremonyFacts = {
    mc: meetingContext(manifestText, jointKey.K),
    signingKeys: new Map(commitments.map((c) => [c.index, fromBase64url(c.ed25519, 32)])),
    verificationKeys: verificationKeysOf(jointKey),
  };
  return { problems: recomputationProblems(events, manifest, manifestHash, jointKey, commitments), facts };
}

function recomputationProblems(
  events: RecordEvent[],
  manifest: Manifest,
  manifestHash: Uint8Array,
  jointKey: JointKeyPayload,
  commitments: CommitmentsPayload[],
): Reason[] {
  const { n, k } = manifest.trustees;
  const round = jointKey.round;
  const problems: Reason[] = [];
  const indices = commitments.map((c) => c.index).sort((a, b) => a - b);
  if (indices.join() !== Array.from({ length: n }, (_, i) => i + 1).join())
    return [reason('ceremony.commitments', { round, n })];
  for (const c of commitments)
    for (const detail of commitmentProblems(manifestHash, c, { n, k }))
      problems.push(reason('ceremony.commitment', { detail, trustee: c.index }));
  if (problems.length > 0) return problems;

  const outcome = ceremonyOutcome(commitments);
  const K = encodePoint(outcome.K);
  if (jointKey.K !== b64(K)) problems.push(reason('ceremony.joint_key', {}));
  // SPEC §8.3: each K_j recomputed from the commitments, and nothing else: the decryption check uses the
  // published keys, so an extra index or a second entry for j would be a key no commitment vouches for.
  if (!Array.isArray(jointKey.verificationKeys) || jointKey.verificationKeys.length !== n)
    problems.push(reason('ceremony.key_count', { n }));
  for (const v of outcome.verificationKeys) {
    const published = (jointKey.verificationKeys ?? []).filter((x) => x.index === v.index);
    if (published.length !== 1 || published[0]!.key !== b64(encodePoint(v.key)))
      problems.push(reason('ceremony.verification_key', { trustee: v.index }));
  }
  if (jointKey.ctx !== b64(contextHash(manifestHash, K))) problems.push(reason('ceremony.context', {}));

  const shares = payloads<SharesPayload>(events, 'trustee-shares').filter((s) => s.round === round);
  for (let i = 1; i <= n; i++) {
    const sent = shares.filter((s) => s.from === i);
    const to = (sent[0]?.shares ?? []).map((s) => s.to).sort((a, b) => a - b);
    const expected = indices.filter((j) => j !== i);
    if (sent.length !== 1 || to.join() !== expected.join())
      problems.push(reason('ceremony.shares', { round, trustee: i }));
  }

  const signingKeys = new Map(commitments.map((c) => [c.index, fromBase64url(c.ed25519, 32)]));
  const acks = payloads<AckPayload>(events, 'trustee-ack').filter((a) => a.round === round);
  const message = ceremonyAckMessage(manifestHash, K);
  for (let j = 1; j <= n; j++) {
    const mine = acks.filter((a) => a.index === j);
    const ack = mine[0];
    if (mine.length !== 1 || !ack) problems.push(reason('ceremony.ack_missing', { round, trustee: j }));
    else if (!ack.ok)
      problems.push(reason('ceremony.complaint', { round, trustee: j, against: String(ack.against) }));
    else if (!ed25519Verify(fromBase64url(ack.signature, 64), message, signingKeys.get(j)!))
      problems.push(reason('ceremony.ack_signature', { round, trustee: j }));
  }
  problems.push(...orderProblems(events, round));
  return problems;
}

/**
 * SPEC §6, column "when" (§8.1 event order): a round's shares follow all of its commitments, trustee j's
 * acknowledgement follows every share message addressed to it, and the joint key follows the acknowledgements.
 */
function orderProblems(events: RecordEvent[], round: number): Reason[] {
  const ofRound = <T extends { round: number }>(type: string) =>
    events
      .filter((e) => e.type === type)
      .map((e) => ({ height: e.height, payload: JSON.parse(e.payload) as T }))
      .filter((x) => x.payload.round === round);
  const problems: Reason[] = [];
  const lastCommitment = Math.max(...ofRound<CommitmentsPayload>('trustee-commitments').map((x) => x.height));
  const shares = ofRound<SharesPayload>('trustee-shares');
  if (shares.some((x) => x.height < lastCommitment))
    problems.push(reason('ceremony.shares_early', { round }));
  const acks = ofRound<AckPayload>('trustee-ack');
  for (const ack of acks)
    if (shares.some((x) => x.payload.from !== ack.payload.index && x.height > ack.height))
      problems.push(reason('ceremony.ack_early', { round, trustee: ack.payload.index }));
  const jointKey = events.findLast((e) => e.type === 'joint-key');
  if (jointKey && acks.some((x) => x.height > jointKey.height))
    problems.push(reason('ceremony.joint_key_early', { round }));
  return problems;
}
