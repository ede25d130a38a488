// Many phones at once on one card: exactly one ballot is accepted, the rest are refused, and the record
// still verifies.
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingDriver, type TestApp, testApp, verify } from './helpers.ts';

describe('concurrent submissions', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('of 50 different ballots on one credential at once, exactly one is accepted', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t, { body: { subjects: ['m1'] } });
    await m.ready(2);
    await m.open();
    const ballots = await Promise.all(
      Array.from({ length: 50 }, (_, i) => m.ballot(1, [i % 5 === 4 ? null : i % 4])),
    );
    const replies = await Promise.all(
      ballots.map(({ ballot }) => t.client().post(`/api/vote/${m.id}/ballots`, ballot)),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    const accepted = replies.find((r) => r.status === 201)!;
    for (const [i, r] of replies.entries()) {
      if (r.status === 201) continue;
      const same = ballots[i]!.confirmationCode === accepted.body.confirmationCode;
      expect(r.status).toBe(same ? 200 : 409);
    }
    expect((await m.vote(2, [1])).status).toBe(201);
    await m.close();
    await m.share(1);
    const combined = await m.share(2);
    expect(combined.body.result.ballots).toBe(2);
    await m.certify(1);
    await m.certify(2);
    const report = verify(await m.record());
    expect(report.ok).toBe(true);
    expect(report.ballots).toBe(2);
    expect(report.confirmationCodes).toContain(accepted.body.confirmationCode);
  });

  it('answers the same ballot sent 20 times at once with one receipt', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t, { body: { subjects: ['m1'] } });
    await m.ready(1);
    await m.open();
    const { ballot } = await m.ballot(1, [2]);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => t.client().post(`/api/vote/${m.id}/ballots`, ballot)),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect((await t.client().get(m.path('/counts'))).body.cast).toBe(1);
  });
});
