// The key ceremony of the vote-counting board (SPEC §2), run from the trustees' phones: anyone may read
// its state; a holder of the meeting's trustee code publishes phase 1 (commitments), phase 2 (encrypted
// shares) and phase 3 (a signed acknowledgement, or a complaint that restarts the ceremony). What each
// step may do is decided in src/meeting/ceremony.ts.
import { Hono } from 'hono';
import { acknowledge, publishCommitments, publishShares, roundOf } from '../meeting/ceremony.ts';
import { publicMeeting, trusteeOnly } from '../server/auth.ts';
import type { Deps, Env } from '../server/context.ts';
import {
  ackHeadSchema,
  ackOkSchema,
  commitmentsSchema,
  complaintSchema,
  sharesSchema,
} from '../server/payload-schemas.ts';
import type { AckPayload } from '../server/protocol.ts';
import { readJson } from '../server/validate.ts';

export function trusteeRoutes(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/:id/ceremony', async (c) => {
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
  });

  app.post('/:id/ceremony/commitments', trusteeOnly(deps), async (c) => {
    const payload = await readJson(c, commitmentsSchema);
    const meeting = await publicMeeting(deps, c.req.param('id'));
    return c.json(await publishCommitments(deps, meeting, payload), 201);
  });

  app.post('/:id/ceremony/shares', trusteeOnly(deps), async (c) => {
    const payload = await readJson(c, sharesSchema);
    const meeting = await publicMeeting(deps, c.req.param('id'));
    return c.json(await publishShares(deps, meeting, payload), 201);
  });

  app.post('/:id/ceremony/acks', trusteeOnly(deps), async (c) => {
    const payload: AckPayload = await readJson(c, (value, path) => {
      const head = ackHeadSchema(value, path);
      return head.ok ? ackOkSchema(value, path) : complaintSchema(value, path);
    });
    const meeting = await publicMeeting(deps, c.req.param('id'));
    return c.json(await acknowledge(deps, meeting, payload), 201);
  });

  return app;
}
