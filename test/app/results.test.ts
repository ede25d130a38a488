// Counting: the encrypted tally, decryption shares checked on arrival, the result once k are in, and the
// board's certification signatures.
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingDriver, type TestApp, testApp, verify } from './helpers.ts';

describe('tally, shares, result and certification', () => {
  let t: TestApp;
  afterEach(() => t.close());

  async function closedMeeting(): Promise<MeetingDriver> {
    const m = await MeetingDriver.create(t);
    await m.ready(3);
    await m.open();
    await m.vote(1, [0, 1]);
    await m.vote(2, [0, null]);
    return m;
  }

  it('publishes the encrypted tally only after close, and takes shares only then', async () => {
    t = testApp();
    const m = await closedMeeting();
    const before = await t.client().get(m.path('/tally'));
    expect(before.body).toMatchObject({ status: 'open', tally: null, ballots: null });
    await m.close();
    const after = await t.client().get(m.path('/tally'));
    expect(after.body).toMatchObject({ status: 'closed', ballots: 2, sharesFrom: [] });
    expect(after.body.tally.questions.map((q: { id: string }) => q.id)).toEqual(['q1', 'q2']);
    expect(after.body.jointKey.verificationKeys).toHaveLength(3);
  });

  it('refuses a share before close', async () => {
    t = testApp();
    const m = await closedMeeting();
    const share = {
      index: 1,
      questions: [
        {
          id: 'q1',
          options: [0, 1].map(() => ({
            D: 'A'.repeat(43),
            proof: { a: 'A'.repeat(43), b: 'A'.repeat(43), z: 'A'.repeat(43) },
          })),
        },
      ],
    };
    const reply = await m.trustee.post(m.path('/shares'), share);
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('not_closed');
  });

  it('checks each share’s proofs on arrival, takes one per trustee, and combines k into the result', async () => {
    t = testApp();
    const m = await closedMeeting();
    await m.close();
    const first = await m.share(1);
    expect(first.status).toBe(201);
    expect(first.body.result).toBeNull();
    const again = await m.share(1);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('share_duplicate');
    expect((await t.client().get(m.path('/result'))).status).toBe(404);
    const second = await m.share(3);
    expect(second.status).toBe(201);
    expect(second.body.result).toMatchObject({
      meetingId: m.id,
      ballots: 2,
      activated: 3,
      ruleSet: 'QD366-2025',
      trusteesUsed: [1, 3],
      questions: [
        { id: 'q1', counts: [2, 0, 0, 0], blank: 0 },
        { id: 'q2', counts: [0, 1, 0, 0], blank: 1 },
      ],
    });
    const late = await m.share(2);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('result_exists');
  });

  it('refuses a share whose proof fails, storing nothing', async () => {
    t = testApp();
    const m = await closedMeeting();
    await m.close();
    const honest = m.trustee.post.bind(m.trustee);
    const forging = m.trustee;
    forging.post = (path, body) => {
      const share = structuredClone(body) as { questions: { options: { D: string }[] }[] };
      const [a, b] = [share.questions[0]!.options[0]!, share.questions[0]!.options[1]!];
      [a.D, b.D] = [b.D, a.D];
      return honest(path, share);
    };
    const driver = Object.create(m) as MeetingDriver;
    Object.defineProperty(driver, 'trustee', { get: () => forging });
    const reply = await driver.share(2);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('share_invalid');
    expect(reply.body.error.message).toContain('trustee 2, question q1, option 0');
    expect((await t.client().get(m.path('/tally'))).body.sharesFrom).toEqual([]);
  });

  it('takes one valid certification per trustee, and says when k have signed', async () => {
    t = testApp();
    const m = await closedMeeting();
    await m.close();
    const early = await m.trustee.post(m.path('/certifications'), { index: 1, signature: 'A'.repeat(86) });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('result_missing');
    await m.share(1);
    await m.share(2);
    const forged = await m.trustee.post(m.path('/certifications'), { index: 1, signature: 'A'.repeat(86) });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('certification_invalid');
    expect((await m.certify(3)).status).toBe(201);
    expect((await t.client().get(m.path('/result'))).body.certified).toBe(false);
    expect((await m.certify(3)).body.error.code).toBe('certification_duplicate');
    expect((await m.certify(1)).status).toBe(201);
    const result = (await t.client().get(m.path('/result'))).body;
    expect(result.certified).toBe(true);
    expect(result.certifications.map((c: { index: number }) => c.index)).toEqual([3, 1]);
    expect(JSON.parse(result.resultPayload)).toEqual(result.result);
    expect(verify(await m.record()).ok).toBe(true);
  });
});
