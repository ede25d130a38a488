// Cards, for the organiser: the browser uploads (serial, pk) for each printed card, or paper ballot with
// `medium: "paper"` (SPEC §3.1), and keeps the tokens to itself; the board activates the cards it hands
// out and voids lost ones (and ones never printed), by serial. What each may do is decided in
// src/meeting/cards.ts.

import { Hono } from 'hono';
import { ownMeeting } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { is, jsonBody } from '../http/validate.ts';
import { activateCards, registerCards, voidCard } from '../meeting/cards.ts';
import { cardListPdf } from '../pdf/card-list.ts';

const MAX_SERIAL = 1_000_000;
const serial = is.int({ min: 1, max: MAX_SERIAL });
const uploadBody = is.object({
  cards: is.array(is.object({ serial, pk: is.bytes(32), medium: is.optional(is.literal('card', 'paper')) }), {
    min: 1,
    max: 2000,
  }),
});
const activateBody = is.object({
  serials: is.optional(is.array(serial, { min: 1, max: 2000 })),
  from: is.optional(serial),
  to: is.optional(serial),
});

export function cardRoutes(deps: Deps) {
  return (
    new Hono<Env>()
      .post('/:id/cards', jsonBody(uploadBody, 512 * 1024), async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        const body = c.req.valid('json');
        return c.json({ registered: await registerCards(deps, meeting, body.cards) }, 201);
      })

      .get('/:id/cards', async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        return c.json({ cards: await deps.store.cards(meeting.id) });
      })

      /** The board's list of the cards by state as serial ranges, one A4 page, no card codes. */
      .get('/:id/card-list.pdf', async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        const { organisation } = JSON.parse(meeting.manifest) as { organisation: string };
        const pdf = await cardListPdf(
          { title: meeting.title, organisation, kind: meeting.kind, createdAt: meeting.createdAt },
          await deps.store.cards(meeting.id),
          deps.clock.now(),
          await deps.documentFonts(),
        );
        return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="danh-sach-the-${meeting.id}.pdf"`,
        });
      })

      .post('/:id/cards/activate', jsonBody(activateBody), async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        const body = c.req.valid('json');
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
        const head = await activateCards(deps, meeting, serials);
        return c.json({ activated: serials.length, height: head.height });
      })

      .post('/:id/cards/:serial/void', async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        const number = Number(c.req.param('serial'));
        if (!Number.isInteger(number) || number < 1 || number > MAX_SERIAL)
          throw fail(404, 'card_unknown', { serial: c.req.param('serial') });
        const head = await voidCard(deps, meeting, number);
        return c.json({ voided: number, height: head.height });
      })
  );
}
