// Ballots from phones: checked, spent once, answered with a signed receipt; the same ballot again gets the
// same receipt, another ballot on a spent card a clear refusal, and a refused ballot changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { credentialFromToken, receiptValid } from '../../crypto/index.ts';
import { MeetingDriver, type TestApp, testApp } from './helpers.ts';

describe('ballots', () => {
  let t: TestApp;
  afterEach(() => t.close());

  async function openMeeting(voters = 3): Promise<MeetingDriver> {
    const m = await MeetingDriver.create(t);
    await m.ready(voters);
    await m.open();
    return m;
  }

  it('shows the phone what it needs to vote, with no-store', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    let view = await t.client().get(`/api/vote/${m.id}`);
    expect(view.body).toMatchObject({
      meetingId: m.id,
      status: 'ceremony',
      manifest: m.manifest,
      jointKey: null,
      serverKey: null,
    });
    await m.ready(1);
    await m.open();
    view = await t.client().get(`/api/vote/${m.id}`);
    expect(view.headers.get('cache-control')).toBe('no-store');
    expect(view.body.status).toBe('open');
    const ceremony = (await t.client().get(m.path('/ceremony'))).body;
    expect(view.body.jointKey).toEqual(ceremony.jointKey);
    expect(view.body.jointKey.K).toBe((await t.store.meeting(m.id))!.jointKey);
    expect(view.body.jointKey.ctx).toBe(view.body.ctx);
    expect(view.body.serverKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await t.client().get('/api/vote/nope')).status).toBe(404);
  });

  it('accepts a ballot with a receipt signed by the key in poll-opened, and a confirmation code', async () => {
    t = testApp();
    const m = await openMeeting();
    const { ballot, confirmationCode } = await m.ballot(1, [0, 3]);
    const reply = await t.client().post(`/api/vote/${m.id}/ballots`, ballot);
    expect(reply.status).toBe(201);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.body.confirmationCode).toBe(confirmationCode);
    expect(reply.body.serverKey).toBe(m.serverKey);
    expect(receiptValid(reply.body.receipt, m.serverKey)).toBe(true);
    const record = await m.record();
    const event = record.events[reply.body.receipt.height];
    expect(event.type).toBe('ballot');
    expect(JSON.parse(event.payload)).toEqual(ballot);
    expect((await t.client().get(m.path('/counts'))).body).toMatchObject({
      status: 'open',
      activated: 3,
      cast: 1,
    });
  });

  it('answers the same ballot again with the same receipt, and refuses another ballot on the card', async () => {
    t = testApp();
    const m = await openMeeting();
    const { ballot } = await m.ballot(1);
    const first = await t.client().post(`/api/vote/${m.id}/ballots`, ballot);
    const again = await t.client().post(`/api/vote/${m.id}/ballots`, ballot);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await m.vote(1, [2, null]);
    expect(other.status).toBe(409);
    expect(other.body.error).toEqual({
      code: 'credential_spent',
      message: 'Thẻ này đã được dùng để bỏ phiếu',
    });
    const en = await t
      .client({ 'accept-language': 'en' })
      .post(`/api/vote/${m.id}/ballots`, (await m.ballot(1, [3, 3])).ballot);
    expect(en.body.error.message).toBe('This card has already been used to vote');
    expect((await m.record()).events.filter((e: { type: string }) => e.type === 'ballot')).toHaveLength(1);
    await m.close();
    const afterClose = await t.client().post(`/api/vote/${m.id}/ballots`, ballot);
    expect(afterClose.status).toBe(200);
    expect(afterClose.body).toEqual(first.body);
  });

  it('refuses a ballot whose proof fails, naming it, and stores nothing', async () => {
    t = testApp();
    const m = await openMeeting();
    const { ballot } = await m.ballot(1);
    const forged = structuredClone(ballot);
    forged.questions[1]!.options[2]!.proof.z0 = ballot.questions[1]!.options[2]!.proof.z1;
    const reply = await t.client().post(`/api/vote/${m.id}/ballots`, forged);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ballot_invalid');
    expect(reply.body.error.message).toContain('question q2, option 2');
    expect((await t.client().get(m.path('/counts'))).body.cast).toBe(0);
    expect((await t.client().post(`/api/vote/${m.id}/ballots`, ballot)).status).toBe(201);
  });

  it('refuses a ballot that does not fit the manifest or is malformed', async () => {
    t = testApp();
    const m = await openMeeting();
    const { ballot } = await m.ballot(1);
    const short = { ...ballot, questions: ballot.questions.slice(0, 1) };
    const reply = await t.client().post(`/api/vote/${m.id}/ballots`, short);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('expected 2 entries');
    const malformed = await t.client().post(`/api/vote/${m.id}/ballots`, { ...ballot, pk: 'short' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('pk');
  });

  it('refuses cards not activated, and ballots outside the open poll', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ready(2);
    await m.cards(1);
    const early = await m.vote(1);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('poll_not_open');
    await m.open();
    const inactive = await m.vote(3);
    expect(inactive.status).toBe(403);
    expect(inactive.body.error.code).toBe('credential_not_active');
    await m.close();
    const late = await m.vote(2);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('poll_not_open');
  });

  it('refuses a card not registered for the meeting', async () => {
    t = testApp();
    const m = await openMeeting(1);
    const stranger = new MeetingDriver(t, m.organiser);
    stranger.id = m.id;
    stranger.manifest = m.manifest;
    stranger.tokens = [crypto.getRandomValues(new Uint8Array(16))];
    const reply = await stranger.vote(1);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('credential_unknown');
  });

  it("tells a card's state by its public key: issued, activated, voided, spent, or unknown", async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ready(2);
    await m.cards(2);
    await m.expectOk(m.organiser.post(m.path('/cards/activate'), { serials: [4] }), 200);
    await m.expectOk(m.organiser.post(m.path('/cards/4/void')), 200);
    await m.open();
    await m.expectOk(m.vote(1));
    const pkOf = (card: number) =>
      Buffer.from(credentialFromToken(m.id, m.tokens[card - 1]!).pk).toString('base64url');
    const state = (pk: string) => t.client().get(`/api/vote/${m.id}/cards/${pk}`);
    expect((await state(pkOf(1))).body).toEqual({ serial: 1, state: 'spent' });
    expect((await state(pkOf(2))).body).toEqual({ serial: 2, state: 'activated' });
    expect((await state(pkOf(3))).body).toEqual({ serial: 3, state: 'issued' });
    expect((await state(pkOf(4))).body).toEqual({ serial: 4, state: 'voided' });

    const stranger = credentialFromToken(m.id, crypto.getRandomValues(new Uint8Array(16))).pk;
    const unknown = await state(Buffer.from(stranger).toString('base64url'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'card_unknown', message: 'Thẻ này không thuộc cuộc họp này' });
    for (const bad of ['short', 'A'.repeat(43), `${pkOf(2)}A`]) {
      const reply = await state(bad);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('point_invalid');
    }
    const elsewhere = await t.client().get(`/api/vote/nope/cards/${pkOf(2)}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe('meeting_not_found');
  });
});
