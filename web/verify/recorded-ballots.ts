// A quick look at a record for one voter's phone: the confirmation code of every ballot in it, computed
// from each ballot's bytes alone (SPEC §4: ballotHash over ctx, pk and the ballot bytes) without decoding a
// point or checking a proof, so a hundred ballots take milliseconds; and the server's receipt key that the
// record publishes when the poll opens (SPEC §7). Proving the record right is the verifier's work
// (verifyRecord, the /verify page); this only answers "is my ballot there, where my receipt says?".
import {
  type BallotPayload,
  ballotHashOf,
  base64url,
  concatBytes,
  confirmationCode,
  contextHash,
  fromBase64url,
  type JointKeyPayload,
  manifestHash,
  type PollOpenedPayload,
  parseRecord,
} from '../../crypto/index.ts';

export type RecordedBallot = { height: number; ballotHash: string; confirmationCode: string };
export type RecordedBallots = {
  /** The receipt key published by the `poll-opened` event, or null before the poll opened. */
  serverKey: string | null;
  /** The ballots in record order; a ballot too malformed to hash is left out. */
  ballots: RecordedBallot[];
};

/** SPEC §4, in the ballot's order: for each option α, β and its proof, then the question's sum proof. */
const PROOF_FIELDS = ['a0', 'b0', 'a1', 'b1', 'c0', 'z0', 'z1'] as const;

function ballotBytes(ballot: BallotPayload): Uint8Array {
  const parts: Uint8Array[] = [];
  const proof = (p: BallotPayload['questions'][number]['sum']) =>
    PROOF_FIELDS.map((field) => fromBase64url(p[field], 32));
  for (const question of ballot.questions) {
    for (const option of question.options)
      parts.push(fromBase64url(option.alpha, 32), fromBase64url(option.beta, 32), ...proof(option.proof));
    parts.push(...proof(question.sum));
  }
  return concatBytes(...parts);
}

/** Throws when the record's outer shape, manifest or joint key cannot be read. */
export function recordedBallots(recordText: string): RecordedBallots {
  const { events } = parseRecord(recordText);
  const manifestText = events[0]?.payload ?? '';
  const jointKey = events.find((e) => e.type === 'joint-key');
  const opened = events.find((e) => e.type === 'poll-opened');
  const serverKey = opened ? (JSON.parse(opened.payload) as PollOpenedPayload).serverKey : null;
  if (!jointKey) return { serverKey, ballots: [] };
  const K = fromBase64url((JSON.parse(jointKey.payload) as JointKeyPayload).K, 32);
  const ctx = contextHash(manifestHash(manifestText), K);
  const ballots: RecordedBallot[] = [];
  for (const event of events) {
    if (event.type !== 'ballot') continue;
    try {
      const ballot = JSON.parse(event.payload) as BallotPayload;
      const hash = ballotHashOf(ctx, fromBase64url(ballot.pk, 32), ballotBytes(ballot));
      ballots.push({
        height: event.height,
        ballotHash: base64url(hash),
        confirmationCode: confirmationCode(hash),
      });
    } catch {
      // a malformed ballot has no code to find; the verifier names it
    }
  }
  return { serverKey, ballots };
}
