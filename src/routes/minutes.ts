// The minutes of the count (biên bản kiểm phiếu), public like the record once the board has certified the
// result: as JSON (what the minutes page shows), and as PDF, CSV and XLSX downloads of the same numbers.
// Only the events the minutes need are read, never the ballots, so a large meeting stays cheap.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { RecordEvent } from '../../crypto/index.ts';
import { publicMeeting } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { minutesCsv } from '../minutes/csv.ts';
import { minutesPdf } from '../minutes/pdf.ts';
import { minutesXlsx } from '../minutes/xlsx.ts';
import { MINUTES_EVENT_TYPES, type Minutes, minutesOf } from '../shared/minutes/minutes.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function minutesRoutes(deps: Deps) {
  const { store } = deps;

  async function certifiedMinutes(id: string): Promise<Minutes> {
    const meeting = await publicMeeting(deps, id);
    if (meeting.status !== 'decrypted') throw fail(409, 'result_not_certified');
    const [events, counts, branch] = await Promise.all([
      store.events(meeting.id, { types: [...MINUTES_EVENT_TYPES] }),
      store.counts(meeting.id),
      store.organisation(meeting.branchId),
    ]);
    const parent = branch?.parentId ? await store.organisation(branch.parentId) : null;
    const minutes = minutesOf(
      {
        protocol: 'phieukin/v1',
        events: events.map(
          ({ height, parent, type, payload }) => ({ height, parent, type, payload }) as RecordEvent,
        ),
      },
      // a card's state moves issued → active → voided: every printed card is in exactly one of them
      {
        createdAt: meeting.createdAt,
        issued: counts.issued + counts.activated + counts.voided,
        upper: parent?.name ?? null,
      },
    );
    if (!minutes.board.certified) throw fail(409, 'result_not_certified');
    return minutes;
  }

  const download = (c: Context<Env>, body: Uint8Array | string, type: string, ext: string, id: string) =>
    c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>), 200, {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="bien-ban-${id}.${ext}"`,
    });

  return new Hono<Env>()
    .get('/:id/minutes', async (c) => c.json(await certifiedMinutes(c.req.param('id'))))

    .get('/:id/minutes.csv', async (c) => {
      const m = await certifiedMinutes(c.req.param('id'));
      return download(c, minutesCsv(m), 'text/csv; charset=utf-8', 'csv', m.meeting.id);
    })

    .get('/:id/minutes.xlsx', async (c) => {
      const m = await certifiedMinutes(c.req.param('id'));
      return download(c, minutesXlsx(m), XLSX_TYPE, 'xlsx', m.meeting.id);
    })

    .get('/:id/minutes.pdf', async (c) => {
      const m = await certifiedMinutes(c.req.param('id'));
      const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
      const pdf = await minutesPdf(m, await deps.documentFonts(), { verifyUrl: `${origin}${m.verifyPath}` });
      return download(c, pdf, 'application/pdf', 'pdf', m.meeting.id);
    });
}
