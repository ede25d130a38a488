// The worker-thread verifier gives the same answers as the inline one, and refuses work once closed.
import { afterAll, describe, expect, it } from 'vitest';
import {
  base64url,
  credentialFromToken,
  encryptBallot,
  jointKeyPayload,
  manifestHash,
  meetingContext,
  newToken,
  startCeremony,
} from '../../crypto/index.ts';
import { inlineVerifier } from '../../src/server/verifier.ts';
import { createVerifierPool } from '../../src/server/verifier-pool.ts';

const manifest = JSON.stringify({
  protocol: 'phieukin/v1',
  meetingId: 'pool',
  title: 'Pool',
  organisation: 'Chi bộ',
  kind: 'motion',
  ruleSet: 'none',
  electorate: 3,
  trustees: { n: 1, k: 1 },
  settings: {},
  questions: [
    { id: 'q1', prompt: 'Thông qua?', options: ['yes', 'no', 'abstain'].map((id) => ({ id, label: id })) },
  ],
});
const mh = manifestHash(manifest);
const ceremony = startCeremony(mh, { round: 1, index: 1, n: 1, k: 1 });
const jointKey = jointKeyPayload(mh, 1, [ceremony.commitments]).K;
const mc = meetingContext(manifest, jointKey);
const meeting = { manifest, jointKey };
const cast = (choice: number) => encryptBallot(mc, credentialFromToken('pool', newToken()), [choice]);

describe('the verifier pool', () => {
  const pool = createVerifierPool({ size: 2 });
  afterAll(() => pool.close());

  it('checks ballots and sums them as the inline verifier does', async () => {
    const ballots = [cast(0), cast(1), cast(1)];
    const verdicts = await Promise.all(ballots.map((b) => pool.verifyBallot({ meeting, ballot: b.ballot })));
    expect(verdicts).toEqual(
      ballots.map((b) => ({
        ok: true,
        ballotHash: base64url(b.ballotHash),
        confirmationCode: b.confirmationCode,
      })),
    );
    const forged = structuredClone(ballots[0]!.ballot);
    forged.questions[0]!.options[0]!.proof.c0 = forged.questions[0]!.options[1]!.proof.c0;
    const refused = await pool.verifyBallot({ meeting, ballot: forged });
    expect(refused.ok).toBe(false);
    const payloads = ballots.map((b) => JSON.stringify(b.ballot));
    expect(await pool.sumBallots({ meeting, ballots: payloads })).toEqual(
      await inlineVerifier.sumBallots({ meeting, ballots: payloads }),
    );
  });

  it('passes a job’s error back, and refuses work once closed', async () => {
    const other = createVerifierPool({ size: 1 });
    await expect(
      other.combine({ meeting, tally: { questions: [] }, shares: [], ballots: 0 }),
    ).rejects.toThrow();
    await other.close();
    await expect(other.verifyBallot({ meeting, ballot: {} })).rejects.toThrow(/closed/);
  });
});
