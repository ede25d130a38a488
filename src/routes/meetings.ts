// Meetings, for the organiser: creation (the manifest is built once from the roster and kept as its exact
// string), listing, details, the trustee invitation code, attendance, and opening and closing the poll (as
// src/meeting/poll.ts decides them).
import { Hono } from 'hono';
import { ownMeeting } from '../accounts/sessions.ts';
import type { Deps, Env } from '../http/context.ts';
import { fail, failWith } from '../http/errors.ts';
import { randomId, randomSecret, secretHash } from '../http/ids.ts';
import { is, jsonBody } from '../http/validate.ts';
import { buildManifest } from '../meeting/manifest.ts';
import { closePoll, openPoll, recordAttendance } from '../meeting/poll.ts';
import { manifestHashOf } from '../meeting/protocol.ts';
import { latestAttendance } from '../meeting/snapshot.ts';
import { KINDS } from '../shared/domain.ts';
import { DETAIL_LIMITS } from '../shared/minutes/details.ts';
import {
  assessmentYearAt,
  checkManifest,
  type ManifestForRules,
  type Message,
  RuleError,
} from '../shared/rules/index.ts';
import type { Meeting } from '../store/store.ts';

const settingValue = is.json(2000);
const createBody = is.object({
  title: is.string({ min: 1, max: 200 }),
  organisation: is.optional(is.string({ min: 1, max: 200 })),
  kind: is.literal(...KINDS),
  ruleSet: is.optional(is.string({ min: 1, max: 40 })),
  settings: is.optional(is.record(is.string({ min: 1, max: 60 }), settingValue, { max: 40 })),
  trustees: is.object({ n: is.int({ min: 1, max: 15 }), k: is.int({ min: 1, max: 15 }) }),
  subjects: is.optional(is.array(is.string({ min: 1, max: 40 }), { min: 1, max: 2000 })),
  motions: is.optional(
    is.array(is.object({ prompt: is.string({ min: 1, max: 1000 }) }), { min: 1, max: 100 }),
  ),
  electorate: is.optional(is.int({ min: 1, max: 10_000 })),
  linkedConfidence: is.optional(is.json(200_000)),
  assessmentYear: is.optional(is.int({ min: 2000, max: 2100 })),
});

const detailText = is.optional(is.string({ max: DETAIL_LIMITS.text }));
const detailsBody = is.object({
  upper: detailText,
  place: detailText,
  venue: detailText,
  chair: detailText,
  secretary: detailText,
  exclusionReason: detailText,
  absentWithLeave: is.optional(is.int({ min: 0, max: 10_000 })),
  board: is.optional(
    is.array(
      is.object({
        seat: is.int({ min: 1, max: 32 }),
        name: is.string({ min: 1, max: DETAIL_LIMITS.text }),
        position: is.literal('head', 'member'),
      }),
      { max: DETAIL_LIMITS.board },
    ),
  ),
});
const attendanceBody = is.object({
  summoned: is.int({ min: 0, max: 10_000 }),
  present: is.int({ min: 0, max: 10_000 }),
  excluded: is.optional(is.int({ min: 0, max: 10_000 })),
  /** what the minutes name: place, chủ tọa, thư ký, the board by name and trustee seat */
  details: is.optional(detailsBody),
});

export function meetingRoutes(deps: Deps) {
  const { store, clock, config } = deps;

  async function details(meeting: Meeting, origin: string) {
    const [counts, attendance, head] = await Promise.all([
      store.counts(meeting.id),
      latestAttendance(store, meeting.id),
      store.head(meeting.id),
    ]);
    const { manifest, ...rest } = meeting;
    return {
      ...rest,
      manifest,
      attendance,
      counts: {
        activated: counts.activated,
        cast: counts.cast,
        issued: counts.issued,
        voided: counts.voided,
      },
      height: head.height,
      links: { vote: `${config.publicUrl ?? origin}/v/${meeting.id}` },
    };
  }

  return (
    new Hono<Env>()
      .post('/', jsonBody(createBody, 512 * 1024), async (c) => {
        const body = c.req.valid('json');
        if (body.trustees.k > body.trustees.n) throw fail(400, 'trustees_invalid');
        const branchId = c.var.session.branchId;
        const id = randomId();
        const assessmentYear =
          body.kind === 'classification' ? (body.assessmentYear ?? assessmentYearAt(clock.now())) : null;
        const manifest = buildManifest(
          {
            ...body,
            assessmentYear: assessmentYear ?? undefined,
            meetingId: id,
            organisation:
              body.organisation ?? (await store.organisation(branchId))?.name ?? config.branch.name,
            settings: body.settings as Parameters<typeof buildManifest>[0]['settings'],
          },
          await store.roster(branchId),
        );
        const parsed = JSON.parse(manifest) as ManifestForRules;
        let warnings: Message[];
        try {
          warnings = checkManifest(parsed);
        } catch (error) {
          if (error instanceof RuleError) throw failWith(400, error.code, error.text);
          throw error;
        }
        const meeting = {
          id,
          branchId,
          title: body.title,
          kind: body.kind,
          ruleSet: parsed.ruleSet,
          trustees: body.trustees,
          manifest,
          manifestHash: manifestHashOf(manifest),
          createdAt: clock.now(),
          assessmentYear,
        };
        await store.createMeeting(meeting);
        const created = await ownMeeting(deps, c, id);
        return c.json({ ...(await details(created, new URL(c.req.url).origin)), warnings }, 201);
      })

      .get('/', async (c) => {
        const meetings = await store.meetings(c.var.session.branchId);
        return c.json({
          meetings: meetings.map(({ manifest: _, ...m }) => m),
        });
      })

      .get('/:id', async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        return c.json(await details(meeting, new URL(c.req.url).origin));
      })

      /** A fresh code for the trustee QR on the projector (the previous one stops working). */
      .post('/:id/trustee-code', async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        const code = randomSecret();
        await store.setTrusteeCode(meeting.id, secretHash(code));
        const origin = config.publicUrl ?? new URL(c.req.url).origin;
        return c.json({ code, url: `${origin}/t/${meeting.id}#${code}` }, 201);
      })

      .put('/:id/attendance', jsonBody(attendanceBody), async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        const body = c.req.valid('json');
        const seats = body.details?.board?.map((b) => b.seat) ?? [];
        if (seats.some((seat) => seat > meeting.trustees.n) || new Set(seats).size !== seats.length)
          throw fail(400, 'board_seat_invalid', { n: meeting.trustees.n });
        const attendance = {
          summoned: body.summoned,
          present: body.present,
          excluded: body.excluded ?? 0,
          ...(body.details ? { details: body.details } : {}),
        };
        const head = await recordAttendance(deps, meeting, attendance);
        return c.json({ attendance, height: head.height });
      })

      .post('/:id/open', async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        const { head, warnings } = await openPoll(deps, meeting);
        return c.json({ status: 'open', height: head.height, warnings });
      })

      .post('/:id/close', async (c) => {
        const meeting = await ownMeeting(deps, c, c.req.param('id'));
        const head = await closePoll(deps, meeting);
        return c.json({ status: 'closed', height: head.height });
      })
  );
}
