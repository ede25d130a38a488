// Live counts for the projector and the console: cards activated, ballots cast, the record's height and the
// trustees who have signed the result, nothing about content. A JSON poll, and the same as Server-Sent
// Events (an event whenever the numbers change, a comment to keep alive).
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { publicMeeting } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';
import type { CertificationPayload } from '../meeting/protocol.ts';
import { payloadsOf } from '../meeting/tally.ts';

export function countRoutes(deps: Deps) {
  const { store, config } = deps;

  /** The trustees who have signed the result (SPEC §7), each counted once; none before there is a result. */
  async function signatures(meetingId: string, status: string): Promise<number> {
    if (status !== 'decrypted') return 0;
    const events = await store.events(meetingId, { types: ['certification'] });
    return new Set(payloadsOf<CertificationPayload>(events, 'certification').map((c) => c.index)).size;
  }

  async function counts(meetingId: string) {
    const [meeting, n, head] = await Promise.all([
      store.meeting(meetingId),
      store.counts(meetingId),
      store.head(meetingId),
    ]);
    const status = meeting!.status;
    return {
      status,
      activated: n.activated,
      cast: n.cast,
      height: head.height,
      signatures: await signatures(meetingId, status),
    };
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
