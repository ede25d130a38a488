// SPEC §4, the batch rule across ballots: ballots checked together are each judged on their own equations,
// so one bad ballot in a shared batch is refused and names its bad proof, and the others are accepted.
import { describe, expect, it } from 'vitest';
import { ORDER } from '../../crypto/group.ts';
import {
  type BallotPayload,
  base64url as b64,
  checkBallot,
  checkBallots,
  credentialFromToken,
  decodeScalar,
  encodeScalar,
  encryptBallot,
  fromBase64url,
  type MeetingContext,
  meetingContext,
} from '../../crypto/index.ts';
import { seededRandom } from '../../crypto/random.ts';
import { seededDemo, signBallot } from './helpers.ts';

const demo = seededDemo('batch-ballots', { voters: 1, questions: 2, options: 3, trustees: { n: 1, k: 1 } });
const jointKey = JSON.parse(demo.record.events.find((e) => e.type === 'joint-key')!.payload).K as string;
const mc: MeetingContext = meetingContext(demo.record.events[0]!.payload, jointKey);
const random = seededRandom('batch-ballots/voters');
const credentials = [0, 1, 2, 3].map(() => credentialFromToken(mc.manifest.meetingId, random(16)));
const ballots: BallotPayload[] = credentials.map(
  (credential, v) => encryptBallot(mc, credential, [v % 3, null], { random }).ballot,
);

/** Voter i's ballot with one response of one option's proof changed, signed again: only that proof fails. */
function withBadProof(i: number): BallotPayload {
  const bad = structuredClone(ballots[i]!);
  const proof = bad.questions[1]!.options[2]!.proof;
  proof.z1 = b64(encodeScalar((decodeScalar(fromBase64url(proof.z1, 32)) + 1n) % ORDER));
  return signBallot(mc, bad, credentials[i]!, random);
}

describe('checkBallots', () => {
  it('accepts honest ballots checked together, with the same hashes as one by one', () => {
    const together = checkBallots(mc, ballots, random);
    expect(together.map((c) => c.ok)).toEqual([true, true, true, true]);
    expect(together.map((c) => c.statements!.ballotHash)).toEqual(
      ballots.map((b) => checkBallot(mc, b, random).statements!.ballotHash),
    );
  });

  it('refuses exactly the ballot with a bad proof and names the proof', () => {
    const mixed = [ballots[0], withBadProof(1), ballots[2], ballots[3]];
    const checks = checkBallots(mc, mixed, random);
    expect(checks.map((c) => c.ok)).toEqual([true, false, true, true]);
    const bad = checks[1]!;
    expect(bad.ok ? [] : bad.problems).toEqual(['question q2, option 2: proof does not verify']);
  });

  it('refuses a ballot that does not decode without touching the others', () => {
    const broken = { ...ballots[2]!, pk: 'not a key' };
    const checks = checkBallots(mc, [ballots[0], broken, withBadProof(3)], random);
    expect(checks.map((c) => c.ok)).toEqual([true, false, false]);
    expect(checks[1]!.statements).toBeUndefined();
    expect(checks[2]!.ok ? [] : checks[2]!.problems).toEqual([
      'question q2, option 2: proof does not verify',
    ]);
  });
});
