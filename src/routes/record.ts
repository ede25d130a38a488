// The meeting record (SPEC §6), public: anyone with the meeting's address can fetch and verify it.
import { Hono } from 'hono';
import { publicMeeting } from '../server/auth.ts';
import type { Deps, Env } from '../server/context.ts';

export function recordRoutes(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/:id/record', async (c) => {
    const meeting = await publicMeeting(deps, c.req.param('id'));
    const events = await deps.store.events(meeting.id);
    c.header('Content-Disposition', `inline; filename="phieukin-${meeting.id}.json"`);
    return c.json({
      protocol: 'phieukin/v1',
      events: events.map(({ height, parent, type, payload }) => ({ height, parent, type, payload })),
    });
  });
  return app;
}
