// The key ceremony through the API: only the trustee code's holders publish, each step in its order and
// once per trustee and round, proofs and signatures checked; a complaint starts a new round.
import { afterEach, describe, expect, it } from 'vitest';
import { dealShares, manifestHash, startCeremony } from '../../crypto/index.ts';
import { MeetingDriver, type TestApp, testApp, verify } from './helpers.ts';

describe('key ceremony', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('needs the trustee code', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    const started = startCeremony(manifestHash(m.manifest), { round: 1, index: 1, n: 3, k: 2 });
    const none = await t.client().post(m.path('/ceremony/commitments'), started.commitments);
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('trustee_code_invalid');
    const wrong = await t
      .client({ 'x-trustee-code': 'guess' })
      .post(m.path('/ceremony/commitments'), started.commitments);
    expect(wrong.status).toBe(403);
    const unknown = await t
      .client({ 'x-trustee-code': 'guess' })
      .post('/api/meetings/nope/ceremony/commitments', {});
    expect(unknown.status).toBe(404);
  });

  it('a board of one trustee (n = 1, k = 1) finishes with the empty share list it deals, and counts', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t, { body: { trustees: { n: 1, k: 1 } } });
    await m.commitments();
    const state = (await t.client().get(m.path('/ceremony'))).body;
    const dealt = dealShares(manifestHash(m.manifest), m.trustees[0]!.secrets, state.commitments);
    expect(dealt.shares).toEqual([]);
    expect((await m.trustee.post(m.path('/ceremony/shares'), dealt)).status).toBe(201);
    await m.acks();
    expect((await t.store.meeting(m.id))!.status).toBe('ready');
    await m.cards(2);
    await m.expectOk(m.organiser.put(m.path('/attendance'), { summoned: 2, present: 2 }), 200);
    await m.expectOk(m.organiser.post(m.path('/cards/activate'), { from: 1, to: 2 }), 200);
    await m.open();
    await m.expectOk(m.vote(1, [1, 0]));
    await m.close();
    await m.expectOk(m.share(1));
    await m.expectOk(m.certify(1));
    expect(verify(await m.record()).ok).toBe(true);
  });

  it.each([
    {
      phase: 'commitments',
      body: (mh: Uint8Array) => startCeremony(mh, { round: 1, index: 4, n: 4, k: 2 }).commitments,
    },
    {
      phase: 'shares',
      body: () => ({
        round: 1,
        from: 4,
        shares: [1, 2, 3].map((to) => ({ to, R: 'A'.repeat(43), ct: 'A'.repeat(43), mac: 'A'.repeat(43) })),
      }),
    },
    { phase: 'acks', body: () => ({ round: 1, index: 4, ok: true, signature: 'A'.repeat(86) }) },
  ])(
    'trustee 4 of a 3-trustee board gets 400 trustee_index in phase $phase (docs/api.md)',
    async ({ phase, body }) => {
      t = testApp();
      const m = await MeetingDriver.create(t);
      const reply = await m.trustee.post(m.path(`/ceremony/${phase}`), body(manifestHash(m.manifest)));
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('trustee_index');
      expect((await m.record()).events).toHaveLength(1);
    },
  );

  it('checks the proofs of phase 1 and takes one message per trustee', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    const mh = manifestHash(m.manifest);
    const started = startCeremony(mh, { round: 1, index: 1, n: 3, k: 2 });
    const forged = structuredClone(started.commitments);
    forged.coefficients[1]!.pok.z = started.commitments.coefficients[0]!.pok.z;
    const bad = await m.trustee.post(m.path('/ceremony/commitments'), forged);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('proof for coefficient 1 fails');
    const wrongK = startCeremony(mh, { round: 1, index: 1, n: 3, k: 3 });
    expect((await m.trustee.post(m.path('/ceremony/commitments'), wrongK.commitments)).status).toBe(400);
    const outOfRange = startCeremony(mh, { round: 1, index: 4, n: 4, k: 2 });
    expect((await m.trustee.post(m.path('/ceremony/commitments'), outOfRange.commitments)).status).toBe(400);
    expect((await m.trustee.post(m.path('/ceremony/commitments'), started.commitments)).status).toBe(201);
    const again = await m.trustee.post(
      m.path('/ceremony/commitments'),
      startCeremony(mh, { round: 1, index: 1, n: 3, k: 2 }).commitments,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ceremony_duplicate');
    const laterRound = startCeremony(mh, { round: 2, index: 2, n: 3, k: 2 });
    expect(
      (await m.trustee.post(m.path('/ceremony/commitments'), laterRound.commitments)).body.error.code,
    ).toBe('ceremony_round');
    expect((await m.record()).events).toHaveLength(2);
  });

  it('takes shares only after all commitments, and acks only after all shares', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.commitments();
    const state = (await t.client().get(m.path('/ceremony'))).body;
    expect(state.commitments).toHaveLength(3);
    expect(state.status).toBe('ceremony');
    await m.shares();
    const again = await m.trustee.post(
      m.path('/ceremony/shares'),
      (await t.client().get(m.path('/ceremony'))).body.shares[0],
    );
    expect(again.body.error.code).toBe('ceremony_duplicate');
    await m.acks();
    const done = await t.client().get(m.path('/ceremony'));
    expect(done.body.status).toBe('ready');
    expect(done.body.jointKey.K).toBe((await t.store.meeting(m.id))!.jointKey);
    expect((await m.record()).events.map((e: { type: string }) => e.type).slice(-2)).toEqual([
      'trustee-ack',
      'joint-key',
    ]);
    const late = await m.trustee.post(m.path('/ceremony/acks'), {
      round: 1,
      index: 1,
      ok: false,
      against: 2,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('ceremony_done');
  });

  it('refuses steps out of order and malformed shares', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    const shares = {
      round: 1,
      from: 1,
      shares: [2, 3].map((to) => ({ to, R: 'A'.repeat(43), ct: 'A'.repeat(43), mac: 'A'.repeat(43) })),
    };
    const early = await m.trustee.post(m.path('/ceremony/shares'), shares);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ceremony_phase');
    const missing = await m.trustee.post(m.path('/ceremony/shares'), {
      ...shares,
      shares: shares.shares.slice(0, 1),
    });
    expect(missing.status).toBe(400);
    const ack = await m.trustee.post(m.path('/ceremony/acks'), {
      round: 1,
      index: 1,
      ok: true,
      signature: 'A'.repeat(86),
    });
    expect(ack.body.error.code).toBe('ceremony_phase');
  });

  it('refuses an acknowledgement whose signature fails', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.commitments();
    await m.shares();
    const reply = await m.trustee.post(m.path('/ceremony/acks'), {
      round: 1,
      index: 1,
      ok: true,
      signature: 'A'.repeat(86),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ceremony_invalid');
  });

  it('restarts with a new round after a complaint; only the new round counts', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.commitments();
    await m.shares();
    const complaint = await m.trustee.post(m.path('/ceremony/acks'), {
      round: 1,
      index: 2,
      ok: false,
      against: 1,
    });
    expect(complaint.status).toBe(201);
    expect(complaint.body).toMatchObject({ round: 2, outcome: 'restart' });
    const stale = await m.trustee.post(m.path('/ceremony/acks'), {
      round: 1,
      index: 3,
      ok: false,
      against: 1,
    });
    expect(stale.body.error.code).toBe('ceremony_round');
    const state = (await t.client().get(m.path('/ceremony'))).body;
    expect(state).toMatchObject({ round: 2, commitments: [], shares: [], acks: [] });
    await m.commitments(2);
    await m.shares();
    await m.acks();
    expect((await t.store.meeting(m.id))?.status).toBe('ready');
    const jointKey = (await m.record()).events.at(-1);
    expect(JSON.parse(jointKey.payload).round).toBe(2);
  });
});
