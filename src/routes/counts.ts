// Live counts for the projector: cards activated and ballots cast, nothing about content. A JSON poll,
// and the same as Server-Sent Events (an event whenever the numbers change, a comment to keep alive).
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { publicMeeting } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';

export function countRoutes(deps: Deps) {
  const { store, config } = deps;

  async function counts(meetingId: string) {
    const [meeting, n] = await Promise.all([store.meeting(meetingId), store.counts(meetingId)]);
    return { status: meeting!.status, activated: n.activated, cast: n.cast };
  }

  return new Hono<Env>()
    .get('/:id/counts', async (c) => {
      const meeting = await publicMeeting(deps, c.req.param('id'));
      return c.json(await counts(meeting.id));
    })

    .get('/:id/counts/stream', async (c) => {
      const meeting = await publicMeeting(deps, c.req.param('id'));
      return streamSSE(c, async (stream) => {
        let last = '';
        let quiet = 0;
        let id = 0;
        while (!stream.aborted && !stream.closed) {
          const data = JSON.stringify(await counts(meeting.id));
          if (data !== last) {
            await stream.writeSSE({ event: 'counts', data, id: String(id++) });
            last = data;
            quiet = 0;
          } else if (++quiet * config.liveIntervalMs >= 15_000) {
            await stream.write(': keep-alive\n\n');
            quiet = 0;
          }
          await stream.sleep(config.liveIntervalMs);
        }
      });
    });
}
