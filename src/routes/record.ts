// The meeting record (SPEC §6), public: anyone with the meeting's address can fetch and verify it; and the
// voter's small list of every confirmation code with its ballot's height (SPEC §7), a few kilobytes, which
// the booth reads instead of the whole record and the verifier compares with the record.
import { Hono } from 'hono';
import { publicMeeting } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';
import { type CodeList, confirmationCode, fromBase64url } from '../meeting/protocol.ts';
import { payloadsOf } from '../meeting/tally.ts';

export function recordRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:id/record', async (c) => {
      const meeting = await publicMeeting(deps, c.req.param('id'));
      const events = await deps.store.events(meeting.id);
      c.header('Content-Disposition', `inline; filename="phieukin-${meeting.id}.json"`);
      return c.json({
        protocol: 'phieukin/v1',
        events: events.map(({ height, parent, type, payload }) => ({ height, parent, type, payload })),
      });
    })
    .get('/:id/codes', async (c) => {
      const meeting = await publicMeeting(deps, c.req.param('id'));
      const opened = await deps.store.events(meeting.id, { types: ['poll-opened'] });
      const cast = await deps.store.spentCredentials(meeting.id);
      return c.json({
        meetingId: meeting.id,
        serverKey: payloadsOf<{ serverKey: string }>(opened, 'poll-opened')[0]?.serverKey ?? null,
        ballots: cast.map((b) => ({
          height: b.height,
          code: confirmationCode(fromBase64url(b.ballotHash, 64)),
        })),
      } satisfies CodeList);
    });
}
