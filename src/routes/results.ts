// The count, after the poll closes: the encrypted tally (public), the trustees' decryption shares, the
// result once k valid shares are in, and the trustees' certification signatures (SPEC §5, §7). What each
// may do is decided in src/meeting/count.ts.
import { Hono } from 'hono';
import { publicMeeting, trusteeOnly } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { certificationSchema, decryptionShareSchema } from '../http/payload-schemas.ts';
import { jsonBody } from '../http/validate.ts';
import { addDecryptionShare, certify, countingOf } from '../meeting/count.ts';
import type { DecryptionSharePayload, ResultPayload } from '../meeting/protocol.ts';
import { ceremonyKeys } from '../meeting/tally.ts';
import { isCertified } from '../shared/domain.ts';

export function resultRoutes(deps: Deps) {
  const { store } = deps;

  return new Hono<Env>()
    .get('/:id/tally', async (c) => {
      const meeting = await publicMeeting(deps, c.req.param('id'));
      const [state, keys] = await Promise.all([countingOf(store, meeting), ceremonyKeys(store, meeting.id)]);
      return c.json({
        meetingId: meeting.id,
        status: meeting.status,
        manifest: meeting.manifest,
        jointKey: keys?.jointKey ?? null,
        ballots: state.ballots,
        tally: state.tally,
        sharesFrom: state.shares.map((s) => s.index),
      });
    })

    .post('/:id/shares', trusteeOnly(deps), jsonBody(decryptionShareSchema, 2 * 1024 * 1024), async (c) => {
      const share: DecryptionSharePayload = c.req.valid('json');
      const meeting = await publicMeeting(deps, c.req.param('id'));
      const { head, result } = await addDecryptionShare(deps, meeting, share);
      return c.json({ height: head.height, result }, 201);
    })

    .get('/:id/result', async (c) => {
      const meeting = await publicMeeting(deps, c.req.param('id'));
      const state = await countingOf(store, meeting);
      if (!state.result) throw fail(404, 'result_missing');
      return c.json({
        meetingId: meeting.id,
        result: JSON.parse(state.result) as ResultPayload,
        resultPayload: state.result,
        certifications: state.certifications,
        certified: isCertified(meeting.trustees.k, state.certifications),
      });
    })

    .post('/:id/certifications', trusteeOnly(deps), jsonBody(certificationSchema), async (c) => {
      const body = c.req.valid('json');
      const meeting = await publicMeeting(deps, c.req.param('id'));
      const head = await certify(deps, meeting, body);
      return c.json({ height: head.height }, 201);
    });
}
