// Cards: (serial, pk) uploaded by the organiser's browser, activated by serial or range, voided when lost
// or never printed.
import { afterEach, describe, expect, it } from 'vitest';
import { base64url, credentialFromToken, newToken } from '../../crypto/index.ts';
import { MeetingDriver, type TestApp, testApp } from './helpers.ts';

const key = (meetingId: string) => base64url(credentialFromToken(meetingId, newToken()).pk);

describe('cards', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('registers cards and lists them, keys only, never tokens', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    const cards = [1, 2, 3].map((serial) => ({ serial, pk: key(m.id) }));
    const reply = await m.organiser.post(m.path('/cards'), { cards });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ registered: 3 });
    const listed = await m.organiser.get(m.path('/cards'));
    expect(listed.body.cards).toEqual(cards.map((c) => ({ ...c, state: 'issued', medium: 'card' })));
    expect((await m.record()).events).toHaveLength(1);
  });

  it('refuses a key that is not a valid point, a repeated serial or key, storing none of the upload', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.cards(2);
    const identity = base64url(new Uint8Array(32));
    const notPoint = await m.organiser.post(m.path('/cards'), { cards: [{ serial: 9, pk: identity }] });
    expect(notPoint.status).toBe(400);
    expect(notPoint.body.error).toMatchObject({ code: 'point_invalid' });
    expect(notPoint.body.error.message).toContain('cards[0].pk');
    const repeated = await m.organiser.post(m.path('/cards'), {
      cards: [
        { serial: 3, pk: key(m.id) },
        { serial: 1, pk: key(m.id) },
      ],
    });
    expect(repeated.status).toBe(409);
    expect(repeated.body.error.code).toBe('card_duplicate');
    const sameInRequest = await m.organiser.post(m.path('/cards'), {
      cards: [
        { serial: 4, pk: key(m.id) },
        { serial: 4, pk: key(m.id) },
      ],
    });
    expect(sameInRequest.status).toBe(409);
    expect((await m.organiser.get(m.path('/cards'))).body.cards).toHaveLength(2);
  });

  it('activates by serial list or range as one event with the keys sorted by their bytes', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.cards(6);
    const reply = await m.organiser.post(m.path('/cards/activate'), { serials: [5], from: 1, to: 3 });
    expect(reply.status).toBe(200);
    expect(reply.body.activated).toBe(4);
    const event = (await m.record()).events.at(-1);
    expect(event.type).toBe('credentials-activated');
    const keys: string[] = JSON.parse(event.payload).keys;
    expect(keys).toHaveLength(4);
    const bytes = keys.map((k) => Buffer.from(k, 'base64url'));
    for (let i = 1; i < bytes.length; i++) expect(Buffer.compare(bytes[i - 1]!, bytes[i]!)).toBe(-1);
    expect((await m.organiser.get(m.path(''))).body.counts).toEqual({
      activated: 4,
      cast: 0,
      issued: 2,
      voided: 0,
    });
  });

  it('refuses unknown or already active serials, activating none', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.cards(3);
    const unknown = await m.organiser.post(m.path('/cards/activate'), { serials: [1, 7] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Không có thẻ số 7');
    expect((await m.organiser.post(m.path('/cards/activate'), { serials: [1] })).status).toBe(200);
    const twice = await m.organiser.post(m.path('/cards/activate'), { serials: [2, 1] });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('card_not_issued');
    expect((await m.organiser.post(m.path('/cards/activate'), {})).body.error.code).toBe('cards_empty');
    expect((await m.organiser.get(m.path(''))).body.counts.activated).toBe(1);
  });

  it('voids an active card by serial; a voided card cannot vote', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ready(3);
    expect((await m.organiser.post(m.path('/cards/9/void'))).status).toBe(404);
    const reply = await m.organiser.post(m.path('/cards/2/void'));
    expect(reply.status).toBe(200);
    const event = (await m.record()).events.at(-1);
    expect(event.type).toBe('credential-voided');
    expect((await m.organiser.post(m.path('/cards/2/void'))).body.error.code).toBe('card_voided');
    await m.open();
    const vote = await m.vote(2);
    expect(vote.status).toBe(403);
    expect(vote.body.error.message).toBe('Thẻ này đã bị hủy');
  });

  it('voids a card never activated (a set not printed) without a record event; it cannot be activated', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.cards(3);
    const events = (await m.record()).events.length;
    const reply = await m.organiser.post(m.path('/cards/2/void'));
    expect(reply.status).toBe(200);
    expect(reply.body.voided).toBe(2);
    expect((await m.record()).events).toHaveLength(events);
    const states = (await m.organiser.get(m.path('/cards'))).body.cards.map(
      (c: { state: string }) => c.state,
    );
    expect(states).toEqual(['issued', 'voided', 'issued']);
    const activate = await m.organiser.post(m.path('/cards/activate'), { from: 1, to: 3 });
    expect(activate.status).toBe(409);
    expect(activate.body.error.code).toBe('card_not_issued');
    expect((await m.organiser.post(m.path('/cards/2/void'))).body.error.code).toBe('card_voided');
    expect((await m.organiser.get(m.path(''))).body.counts).toMatchObject({ activated: 0, voided: 1 });
  });

  it('changes no card once the poll is closed', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ready(2);
    await m.cards(1);
    await m.open();
    await m.close();
    expect(
      (await m.organiser.post(m.path('/cards'), { cards: [{ serial: 10, pk: key(m.id) }] })).body.error.code,
    ).toBe('poll_closed');
    expect((await m.organiser.post(m.path('/cards/activate'), { serials: [3] })).body.error.code).toBe(
      'poll_closed',
    );
    expect((await m.organiser.post(m.path('/cards/1/void'))).body.error.code).toBe('poll_closed');
  });
});
