// The voter's side, with no account: the ballot's public data, a card's state, and submitting a ballot. A ballot is
// checked off the event loop (the verifier), then the credential is spent and the ballot stored in one
// atomic write; the answer is the server's signed receipt (SPEC §7). The same ballot again gets the same
// receipt, even after the poll closed (a phone that lost its answer); another ballot on a spent card is
// refused.
import { type Context, Hono } from 'hono';
import { publicMeeting } from '../server/auth.ts';
import type { Deps, Env } from '../server/context.ts';
import { fail, failWith } from '../server/errors.ts';
import { messages } from '../server/messages.ts';
import { ballotSchema } from '../server/payload-schemas.ts';
import {
  base64url,
  confirmationCode,
  fromBase64url,
  isCredentialKey,
  type JointKeyPayload,
  receiptFor,
} from '../server/protocol.ts';
import { meetingRef, payloadsOf } from '../server/tally.ts';
import { readJson } from '../server/validate.ts';
import { type Card, CredentialSpentError, type SpentCredential } from '../store/store.ts';

const MAX_BALLOT_BYTES = 4 * 1024 * 1024;

export function ballotRoutes(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();
  const { store, queue, keys } = deps;

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

  function refuseCard(card: Card | null): void {
    if (!card) throw fail(403, 'credential_unknown');
    if (card.state === 'voided') throw fail(403, 'credential_voided');
    if (card.state !== 'active') throw fail(403, 'credential_not_active');
  }

  app.get('/:id', async (c) => {
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
  });

  /**
   * A card's state by its public key, so the booth can tell the voter before the ballot is filled. This
   * leaks nothing: the record already publishes every card's key with its serial (registration),
   * activation, voiding and the ballot cast with it (SPEC §6), and the key says nothing about the choices.
   */
  app.get('/:id/cards/:pk', async (c) => {
    const meeting = await publicMeeting(deps, c.req.param('id'));
    const pk = c.req.param('pk');
    if (!isCredentialKey(pk)) throw fail(400, 'point_invalid', { path: 'pk' });
    const card = await store.cardByKey(meeting.id, pk);
    // card_unknown as for a serial, with the words a voter needs (no serial is known here)
    if (!card) throw failWith(404, 'card_unknown', messages.credential_unknown);
    const spent = await store.spentCredential(meeting.id, pk);
    const state = spent ? 'spent' : card.state === 'active' ? 'activated' : card.state;
    return c.json({ serial: card.serial, state });
  });

  app.post('/:id/ballots', async (c) => {
    const meeting = await publicMeeting(deps, c.req.param('id'));
    const ballot = await readJson(c, ballotSchema, MAX_BALLOT_BYTES);
    const card = await store.cardByKey(meeting.id, ballot.pk);
    const spentBefore = card && (await store.spentCredential(meeting.id, ballot.pk));
    if (!spentBefore) {
      if (meeting.status !== 'open') throw fail(409, 'poll_not_open');
      refuseCard(card);
    }

    const verdict = await deps.verifier.verifyBallot({ meeting: meetingRef(meeting), ballot });
    if (spentBefore) {
      if (verdict.ok && verdict.ballotHash === spentBefore.ballotHash)
        return receipt(c, meeting.id, spentBefore, 200);
      throw fail(409, 'credential_spent');
    }
    if (!verdict.ok) throw fail(400, 'ballot_invalid', { reason: verdict.problems.join('; ') });
    const payload = JSON.stringify(ballot);

    const outcome = await queue(meeting.id, async () => {
      const at = await store.head(meeting.id);
      const current = (await store.meeting(meeting.id))!;
      const spent = await store.spentCredential(meeting.id, ballot.pk);
      if (spent) return { spent, fresh: false };
      if (current.status !== 'open') throw fail(409, 'poll_not_open');
      refuseCard(await store.cardByKey(meeting.id, ballot.pk));
      try {
        const head = await store.castBallot(meeting.id, at, {
          pk: ballot.pk,
          ballotHash: verdict.ballotHash,
          event: { type: 'ballot', payload },
        });
        return { spent: { pk: ballot.pk, ballotHash: verdict.ballotHash, height: head.height }, fresh: true };
      } catch (error) {
        if (error instanceof CredentialSpentError) return { spent: error.spent, fresh: false };
        throw error;
      }
    });
    if (outcome.spent.ballotHash !== verdict.ballotHash) throw fail(409, 'credential_spent');
    return receipt(c, meeting.id, outcome.spent, outcome.fresh ? 201 : 200);
  });

  return app;
}
