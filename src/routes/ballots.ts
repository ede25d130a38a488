// The voter's side, with no account: the ballot's public data, a card's state, and submitting a ballot
// (src/meeting/ballots.ts decides whether it is cast); the answer is the server's signed receipt (SPEC §7).
// The same ballot again gets the same receipt, even after the poll closed (a phone that lost its answer).
import { type Context, Hono } from 'hono';
import { publicMeeting } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';
import { fail, failWith } from '../http/errors.ts';
import { messages } from '../http/messages.ts';
import { ballotSchema } from '../http/payload-schemas.ts';
import { jsonBody } from '../http/validate.ts';
import { castBallot } from '../meeting/ballots.ts';
import {
  base64url,
  confirmationCode,
  fromBase64url,
  isCredentialKey,
  type JointKeyPayload,
  receiptFor,
} from '../meeting/protocol.ts';
import { payloadsOf } from '../meeting/tally.ts';
import type { SpentCredential } from '../store/store.ts';

const MAX_BALLOT_BYTES = 4 * 1024 * 1024;

export function ballotRoutes(deps: Deps) {
  const { store, keys } = deps;

  function receipt(c: Context<Env>, meetingId: string, spent: SpentCredential, status: 200 | 201) {
    return c.json(
      {
        receipt: receiptFor(meetingId, spent.height, spent.ballotHash, keys.receipt.secretKey),
        confirmationCode: confirmationCode(fromBase64url(spent.ballotHash, 64)),
        serverKey: base64url(keys.receipt.publicKey),
      },
      status,
    );
  }

  return (
    new Hono<Env>()
      .get('/:id', async (c) => {
        const meeting = await publicMeeting(deps, c.req.param('id'));
        const events = await store.events(meeting.id, { types: ['joint-key', 'poll-opened'] });
        const opened = payloadsOf<{ serverKey: string }>(events, 'poll-opened');
        return c.json({
          meetingId: meeting.id,
          title: meeting.title,
          status: meeting.status,
          manifest: meeting.manifest,
          jointKey: payloadsOf<JointKeyPayload>(events, 'joint-key').at(-1) ?? null,
          ctx: meeting.ctx,
          serverKey: opened[0]?.serverKey ?? null,
        });
      })

      /**
       * A card's state by its public key, so the booth can tell the voter before the ballot is filled. This
       * leaks nothing: the record already publishes every card's key with its serial (registration),
       * activation, voiding and the ballot cast with it (SPEC §6), and the key says nothing about the choices.
       */
      .get('/:id/cards/:pk', async (c) => {
        const meeting = await publicMeeting(deps, c.req.param('id'));
        const pk = c.req.param('pk');
        if (!isCredentialKey(pk)) throw fail(400, 'point_invalid', { path: 'pk' });
        const card = await store.cardByKey(meeting.id, pk);
        // card_unknown as for a serial, with the words a voter needs (no serial is known here)
        if (!card) throw failWith(404, 'card_unknown', messages.credential_unknown);
        const spent = await store.spentCredential(meeting.id, pk);
        const state = spent ? 'spent' : card.state === 'active' ? 'activated' : card.state;
        return c.json({ serial: card.serial, state });
      })

      .post('/:id/ballots', jsonBody(ballotSchema, MAX_BALLOT_BYTES), async (c) => {
        const meeting = await publicMeeting(deps, c.req.param('id'));
        const ballot = c.req.valid('json');
        const cast = await castBallot(deps, meeting, ballot);
        return receipt(c, meeting.id, cast.spent, cast.fresh ? 201 : 200);
      })
  );
}
