// The branch's roster: imported whole (replacing the previous one), read back by the organiser. Meetings
// copy what they need into their manifest, so a later import never changes a meeting already created.
import { Hono } from 'hono';
import type { Deps, Env } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { type Infer, is, jsonBody } from '../http/validate.ts';
import { EXCLUSIONS, LEVEL_IDS, SUBJECT_ROLES } from '../shared/domain.ts';
import type { Member } from '../store/store.ts';

const fact = is.object({
  code: is.string({ min: 1, max: 60 }),
  source: is.string({ min: 1, max: 300 }),
});

const member = is.object({
  id: is.string({
    min: 1,
    max: 40,
    pattern: /^[\p{L}\p{N}._\-/]+$/u,
    describe: 'a member id (letters, digits, . _ - /)',
  }),
  name: is.string({ min: 1, max: 200 }),
  status: is.literal('official', 'probationary'),
  role: is.optional(is.literal(...SUBJECT_ROLES)),
  proposedLevel: is.optional(is.nullable(is.literal(...LEVEL_IDS))),
  exclusion: is.optional(is.nullable(is.literal(...EXCLUSIONS))),
  facts: is.optional(is.array(fact, { max: 20 })),
});

export const rosterBody = is.object({ members: is.array(member, { min: 1, max: 2000 }) });

export function toMembers(body: Infer<typeof rosterBody>): Member[] {
  const seen = new Set<string>();
  return body.members.map((m) => {
    if (seen.has(m.id)) throw fail(400, 'roster_duplicate_member', { id: m.id });
    seen.add(m.id);
    return {
      id: m.id,
      name: m.name,
      status: m.status,
      role: m.role ?? 'member',
      proposedLevel: m.proposedLevel ?? null,
      exclusion: m.exclusion ?? null,
      facts: m.facts ?? [],
    };
  });
}

export function rosterRoutes(deps: Deps) {
  return new Hono<Env>()
    .put('/', jsonBody(rosterBody, 1024 * 1024), async (c) => {
      const members = toMembers(c.req.valid('json'));
      await deps.store.replaceRoster(c.var.session.branchId, members);
      return c.json({ members: members.length });
    })

    .get('/', async (c) => c.json({ members: await deps.store.roster(c.var.session.branchId) }));
}
