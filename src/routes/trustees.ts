// The key ceremony of the vote-counting board (SPEC §2), run from the trustees' phones: anyone may read
// its state; a holder of the meeting's trustee code publishes phase 1 (commitments), phase 2 (encrypted
// shares) and phase 3 (a signed acknowledgement, or a complaint that restarts the ceremony). What each
// step may do is decided in src/meeting/ceremony.ts.
import { Hono } from 'hono';
import { publicMeeting, trusteeOnly } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';
import {
  ackHeadSchema,
  ackOkSchema,
  commitmentsSchema,
  complaintSchema,
  sharesSchema,
} from '../http/payload-schemas.ts';
import { jsonBody, type Schema } from '../http/validate.ts';
import { acknowledge, publishCommitments, publishShares, roundOf } from '../meeting/ceremony.ts';
import type { AckPayload } from '../meeting/protocol.ts';

/** An acknowledgement, or a complaint when `ok` is false (SPEC §2, phase 3). */
const ackSchema: Schema<AckPayload> = (value, path) => {
  const head = ackHeadSchema(value, path);
  return head.ok ? ackOkSchema(value, path) : complaintSchema(value, path);
};

export function trusteeRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:id/ceremony', async (c) => {
      const meeting = await publicMeeting(deps, c.req.param('id'));
      const round = await roundOf(deps.store, meeting);
      return c.json({
        meetingId: meeting.id,
        manifest: meeting.manifest,
        manifestHash: meeting.manifestHash,
        trustees: meeting.trustees,
        round: meeting.round,
        status: meeting.status,
        ...round,
      });
    })

    .post('/:id/ceremony/commitments', trusteeOnly(deps), jsonBody(commitmentsSchema), async (c) => {
      const payload = c.req.valid('json');
      const meeting = await publicMeeting(deps, c.req.param('id'));
      return c.json(await publishCommitments(deps, meeting, payload), 201);
    })

    .post('/:id/ceremony/shares', trusteeOnly(deps), jsonBody(sharesSchema), async (c) => {
      const payload = c.req.valid('json');
      const meeting = await publicMeeting(deps, c.req.param('id'));
      return c.json(await publishShares(deps, meeting, payload), 201);
    })

    .post('/:id/ceremony/acks', trusteeOnly(deps), jsonBody(ackSchema), async (c) => {
      const payload = c.req.valid('json');
      const meeting = await publicMeeting(deps, c.req.param('id'));
      return c.json(await acknowledge(deps, meeting, payload), 201);
    });
}
