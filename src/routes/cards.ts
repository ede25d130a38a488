// Cards, for the organiser: the browser uploads (serial, pk) for each printed card and keeps the tokens
// to itself; the board activates the cards it hands out and voids lost ones (and ones never printed), by
// serial.

import { Hono } from 'hono';
import { ownMeeting } from '../server/auth.ts';
import type { Deps, Env } from '../server/context.ts';
import { fail } from '../server/errors.ts';
import { isCredentialKey } from '../server/protocol.ts';
import { sortByBytes } from '../server/snapshot.ts';
import { is, readJson } from '../server/validate.ts';
import { pollHasClosed } from '../shared/domain.ts';
import { DuplicateCardError } from '../store/store.ts';

const MAX_SERIAL = 1_000_000;
const serial = is.int({ min: 1, max: MAX_SERIAL });
const uploadBody = is.object({
  cards: is.array(is.object({ serial, pk: is.bytes(32) }), { min: 1, max: 2000 }),
});
const activateBody = is.object({
  serials: is.optional(is.array(serial, { min: 1, max: 2000 })),
  from: is.optional(serial),
  to: is.optional(serial),
});

export function cardRoutes(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();
  const { store, queue } = deps;

  app.post('/:id/cards', async (c) => {
    const meeting = await ownMeeting(deps, c, c.req.param('id'));
    const body = await readJson(c, uploadBody, 512 * 1024);
    if (pollHasClosed(meeting.status)) throw fail(409, 'poll_closed');
    body.cards.forEach((card, i) => {
      if (!isCredentialKey(card.pk)) throw fail(400, 'point_invalid', { path: `cards[${i}].pk` });
    });
    const serials = new Set(body.cards.map((card) => card.serial));
    const keys = new Set(body.cards.map((card) => card.pk));
    if (serials.size !== body.cards.length || keys.size !== body.cards.length)
      throw fail(409, 'card_duplicate');
    try {
      await store.addCards(meeting.id, body.cards);
    } catch (error) {
      if (error instanceof DuplicateCardError) throw fail(409, 'card_duplicate');
      throw error;
    }
    return c.json({ registered: body.cards.length }, 201);
  });

  app.get('/:id/cards', async (c) => {
    const meeting = await ownMeeting(deps, c, c.req.param('id'));
    return c.json({ cards: await store.cards(meeting.id) });
  });

  app.post('/:id/cards/activate', async (c) => {
    const meeting = await ownMeeting(deps, c, c.req.param('id'));
    const body = await readJson(c, activateBody);
    const wanted = new Set(body.serials ?? []);
    if (body.from !== undefined || body.to !== undefined) {
      const from = body.from ?? body.to!;
      const to = body.to ?? body.from!;
      if (to - from >= 2000 || to < from)
        throw fail(400, 'invalid_body', { path: 'to', expected: 'from ≤ to < from + 2000' });
      for (let s = from; s <= to; s++) wanted.add(s);
    }
    if (wanted.size === 0 || wanted.size > 2000) throw fail(400, 'cards_empty');
    const serials = [...wanted].sort((a, b) => a - b);
    const result = await queue(meeting.id, async () => {
      const at = await store.head(meeting.id);
      const current = (await store.meeting(meeting.id))!;
      if (pollHasClosed(current.status)) throw fail(409, 'poll_closed');
      const found = await store.cards(meeting.id, { serials });
      for (const s of serials) {
        const card = found.find((f) => f.serial === s);
        if (!card) throw fail(404, 'card_unknown', { serial: s });
        if (card.state !== 'issued') throw fail(409, 'card_not_issued', { serial: s });
      }
      const keys = sortByBytes(found.map((card) => card.pk));
      const head = await store.activateCards(meeting.id, at, serials, {
        type: 'credentials-activated',
        payload: JSON.stringify({ keys }),
      });
      return { head, activated: serials.length };
    });
    return c.json({ activated: result.activated, height: result.head.height });
  });

  app.post('/:id/cards/:serial/void', async (c) => {
    const meeting = await ownMeeting(deps, c, c.req.param('id'));
    const number = Number(c.req.param('serial'));
    if (!Number.isInteger(number) || number < 1 || number > MAX_SERIAL)
      throw fail(404, 'card_unknown', { serial: c.req.param('serial') });
    const head = await queue(meeting.id, async () => {
      const at = await store.head(meeting.id);
      const current = (await store.meeting(meeting.id))!;
      if (pollHasClosed(current.status)) throw fail(409, 'poll_closed');
      const [card] = await store.cards(meeting.id, { serials: [number] });
      if (!card) throw fail(404, 'card_unknown', { serial: number });
      if (card.state === 'voided') throw fail(409, 'card_voided', { serial: number });
      // A card never activated has its key in no event (SPEC §3: only activated keys are published), so
      // voiding it (a set registered but never printed) records nothing; it can no longer be activated.
      const event =
        card.state === 'active'
          ? { type: 'credential-voided', payload: JSON.stringify({ key: card.pk }) }
          : null;
      return store.voidCard(meeting.id, at, number, event);
    });
    return c.json({ voided: number, height: head.height });
  });

  return app;
}
