// A mixed meeting over the API (SPEC §3.1): 3 members on cards and 2 on paper ballots whose credentials the
// board's phone uses after scanning. The paper ballots are registered and activated apart, each is cast
// once (a second scan is refused as spent), and the result, the record and the minutes count them and the
// rows the board decided by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivationPayload } from '../../crypto/index.ts';
import { MeetingDriver, type TestApp, testApp, verify } from './helpers.ts';

describe('paper ballots next to cards', () => {
  let t: TestApp;
  let m: MeetingDriver;

  beforeAll(async () => {
    t = testApp();
    m = await MeetingDriver.create(t);
    await m.ceremony();
    await m.cards(3);
    await m.cards(2, 'paper');
    await m.expectOk(m.organiser.put(m.path('/attendance'), { summoned: 5, present: 5 }), 200);
  });
  afterAll(() => t.close());

  it('registers the paper ballots as paper and activates them in their own event', async () => {
    const listed = (await m.organiser.get(m.path('/cards'))).body.cards;
    expect(listed.map((c: { medium: string }) => c.medium)).toEqual([
      'card',
      'card',
      'card',
      'paper',
      'paper',
    ]);
    await m.expectOk(m.organiser.post(m.path('/cards/activate'), { from: 1, to: 5 }), 200);
    const record = await m.record();
    const activations = record.events
      .filter((e: { type: string }) => e.type === 'credentials-activated')
      .map((e: { payload: string }) => JSON.parse(e.payload) as ActivationPayload);
    expect(activations.map((a: ActivationPayload) => [a.keys.length, a.medium])).toEqual([
      [3, undefined],
      [2, 'paper'],
    ]);
  });

  it('refuses a medium it does not know', async () => {
    const reply = await m.organiser.post(m.path('/cards'), {
      cards: [{ serial: 9, pk: 'A'.repeat(43), medium: 'fax' }],
    });
    expect(reply.status).toBe(400);
  });

  it('refuses rows decided by hand on a phone’s ballot, twice, or of no question, and stores nothing', async () => {
    await m.open();
    const [q1] = JSON.parse(m.manifest).questions.map((q: { id: string }) => q.id);
    const cast = async (card: number, decidedByHand: string[]) =>
      t
        .client()
        .post(`/api/vote/${m.id}/ballots`, { ...(await m.ballot(card, [0, 0])).ballot, decidedByHand });
    for (const [card, rows] of [
      [1, [q1]],
      [4, [q1, q1]],
      [4, ['no-such-question']],
    ] as const) {
      const reply = await cast(card, [...rows]);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('decided_by_hand_invalid');
    }
    expect((await t.store.counts(m.id)).cast).toBe(0);
  });

  it('casts each paper ballot once, and counts the paper ballots in the result, record and minutes', async () => {
    const [q1] = JSON.parse(m.manifest).questions.map((q: { id: string }) => q.id);
    for (const card of [1, 2, 3, 4]) await m.expectOk(m.vote(card, [card % 2, null]));
    const decided = { ...(await m.ballot(5, [1, null])).ballot, decidedByHand: [q1] };
    await m.expectOk(t.client().post(`/api/vote/${m.id}/ballots`, decided));
    const again = await m.vote(5, [0, 0]);
    expect(again.status).toBe(409);
    const result = await m.certifiedResult();
    expect(result).toMatchObject({ ballots: 5, paperBallots: 2, decidedByHand: 1 });
    expect(result.questions[0]!.counts.slice(0, 2)).toEqual([2, 3]);
    const report = verify(await m.record());
    expect(report.ok, JSON.stringify(report.checks.filter((c) => c.status !== 'pass'))).toBe(true);
    expect(report.paperBallots).toBe(2);
    const minutes = (await t.client().get(m.path('/minutes'))).body;
    expect(minutes.ballots).toEqual({ cast: 5, counted: 5, paper: 2, decidedByHand: 1 });
  });
});
