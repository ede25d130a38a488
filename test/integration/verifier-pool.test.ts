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
import { createVerifierPool } from '../../src/check-pool/pool.ts';
import { inlineVerifier } from '../../src/check-pool/verifier.ts';

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
    const verdicts = await Promise.all(
      ballots.map((b) => pool.verifyBallot({ meeting, ballot: b.ballot, payload: JSON.stringify(b.ballot) })),
    );
    expect(verdicts).toEqual(
      ballots.map((b) => ({
        ok: true,
        ballotHash: base64url(b.ballotHash),
        confirmationCode: b.confirmationCode,
      })),
    );
    const forged = structuredClone(ballots[0]!.ballot);
    forged.questions[0]!.options[0]!.proof.c0 = forged.questions[0]!.options[1]!.proof.c0;
    const refused = await pool.verifyBallot({ meeting, ballot: forged, payload: JSON.stringify(forged) });
    expect(refused.ok).toBe(false);
    const stored = ballots.map((b, i) => ({ height: 10 + i, payload: JSON.stringify(b.ballot) }));
    expect(await pool.sumBallots({ meeting, ballots: stored })).toEqual(
      await inlineVerifier.sumBallots({ meeting, ballots: stored }),
    );
  });

  it('keeps a running tally of the accepted ballots that equals the sum made afresh', async () => {
    const ballots = [cast(0), cast(2), cast(1), cast(0)];
    const verdicts = await Promise.all(
      ballots.map((b) => pool.verifyBallot({ meeting, ballot: b.ballot, payload: JSON.stringify(b.ballot) })),
    );
    // the store accepts three of the four checked ballots (the fourth lost a race on its card)
    const stored = ballots.slice(0, 3).map((b, i) => ({ height: 20 + i, payload: JSON.stringify(b.ballot) }));
    stored.forEach(({ height }, i) => {
      const verdict = verdicts[i]!;
      if (verdict.ok) pool.ballotAccepted({ meeting, ballotHash: verdict.ballotHash, height });
    });
    const recomputed = await inlineVerifier.sumBallots({ meeting, ballots: stored });
    // the running tally is ready: the stored payloads are not read again
    const unread = stored.map(({ height }) => ({ height, payload: 'not read' }));
    expect(await pool.sumBallots({ meeting, ballots: unread })).toEqual(recomputed);
    // the running tally is handed out once; a second close of the same ballots sums them afresh
    expect(await pool.sumBallots({ meeting, ballots: stored })).toEqual(recomputed);
  });

  it('sums afresh when a stored ballot is not in the running tally', async () => {
    const ballots = [cast(1), cast(0)];
    const [first] = await Promise.all(
      ballots.map((b) => pool.verifyBallot({ meeting, ballot: b.ballot, payload: JSON.stringify(b.ballot) })),
    );
    if (first!.ok) pool.ballotAccepted({ meeting, ballotHash: first!.ballotHash, height: 30 });
    const stored = ballots.map((b, i) => ({ height: 30 + i, payload: JSON.stringify(b.ballot) }));
    expect(await pool.sumBallots({ meeting, ballots: stored })).toEqual(
      await inlineVerifier.sumBallots({ meeting, ballots: stored }),
    );
  });

  it('checks ballots waiting together in one batch and refuses exactly the bad one', async () => {
    const single = createVerifierPool({ size: 1 });
    const ballots = [cast(0), cast(1), cast(2), cast(1), cast(0)].map((b) => b.ballot);
    const forged = structuredClone(ballots[2]!);
    forged.questions[0]!.options[1]!.proof.c0 = forged.questions[0]!.options[2]!.proof.c0;
    ballots[2] = forged;
    const verdicts = await Promise.all(
      ballots.map((ballot) => single.verifyBallot({ meeting, ballot, payload: JSON.stringify(ballot) })),
    );
    await single.close();
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, false, true, true]);
    expect(verdicts.map((v) => ('ciphertexts' in v ? 'leaked' : 'verdict'))).toEqual(
      Array(5).fill('verdict'),
    );
  });

  it('passes a job’s error back, and refuses work once closed', async () => {
    const other = createVerifierPool({ size: 1 });
    await expect(
      other.combine({ meeting, tally: { questions: [] }, shares: [], ballots: 0 }),
    ).rejects.toThrow();
    await other.close();
    await expect(other.verifyBallot({ meeting, ballot: {}, payload: '{}' })).rejects.toThrow(/closed/);
  });
});
