// A whole meeting through app.request(): the record it produces passes every check of the verifier.
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingDriver, type TestApp, testApp, verify } from './helpers.ts';

describe('a whole meeting over the API', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('runs from roster to certified result, and the record verifies', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ready(4);
    await m.open();
    for (let card = 1; card <= 4; card++) {
      const reply = await m.vote(card, card === 4 ? [0, null] : [1, 2]);
      expect(reply.status).toBe(201);
    }
    await m.close();
    expect((await m.share(2)).status).toBe(201);
    const combined = await m.share(3);
    expect(combined.status).toBe(201);
    expect(combined.body.result.questions).toEqual([
      { id: 'q1', counts: [1, 3, 0, 0], blank: 0 },
      { id: 'q2', counts: [0, 0, 3, 0], blank: 1 },
    ]);
    expect(combined.body.result.trusteesUsed).toEqual([2, 3]);
    expect(combined.body.result.outcome.subjects[0].proposal).toBe('httnv');
    expect((await m.certify(2)).status).toBe(201);
    expect((await m.certify(3)).status).toBe(201);
    const report = verify(await m.record());
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.ballots).toBe(4);
  });
});
