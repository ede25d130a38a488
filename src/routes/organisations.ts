// The organisation tree and its accounts, for the server admin: nodes (đảng bộ, đảng ủy cơ sở, chi bộ)
// under their parents, and one-time invitation links for an organiser of a chi bộ, a committee member of a
// đảng ủy, or another admin. Any account may read the part of the tree it works in.
import { Hono } from 'hono';
import type { Deps, Env } from '../server/context.ts';
import { fail } from '../server/errors.ts';
import { randomSecret, secretHash } from '../server/ids.ts';
import { is, readJson } from '../server/validate.ts';
import type { AccountRole, Organisation, OrganisationKind } from '../store/store.ts';

const KINDS = ['dang-bo', 'dang-uy', 'chi-bo'] as const;

/** Which kinds may sit under which: a chi bộ under a đảng ủy or directly under a đảng bộ. */
const PARENTS: Record<OrganisationKind, (OrganisationKind | null)[]> = {
  'dang-bo': [null, 'dang-bo'],
  'dang-uy': [null, 'dang-bo'],
  'chi-bo': [null, 'dang-bo', 'dang-uy'],
};

/** Where an account of each role belongs. */
const PLACES: Record<AccountRole, OrganisationKind[]> = {
  admin: ['chi-bo'],
  organiser: ['chi-bo'],
  committee: ['dang-uy', 'dang-bo'],
};

const DAY = 24 * 60 * 60 * 1000;

const organisationBody = is.object({
  id: is.string({
    min: 1,
    max: 40,
    pattern: /^[a-z0-9][a-z0-9-]*$/,
    describe: 'an id of lower-case letters, digits and -',
  }),
  name: is.string({ min: 1, max: 200 }),
  kind: is.literal(...KINDS),
  parentId: is.optional(is.nullable(is.string({ min: 1, max: 40 }))),
});

const invitationBody = is.object({
  role: is.literal('admin', 'organiser', 'committee'),
  organisationId: is.string({ min: 1, max: 40 }),
  days: is.optional(is.int({ min: 1, max: 30 })),
});

export function organisationRoutes(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();
  const { store, clock, config } = deps;

  /** The admin sees the whole tree; anyone else the node they work at and what lies under it. */
  app.get('/organisations', async (c) => {
    const tree = await store.organisations();
    const session = c.var.session;
    if (session.role === 'admin') return c.json({ organisations: tree });
    const home = tree.find((o) => o.id === session.branchId);
    if (!home) return c.json({ organisations: [] });
    return c.json({ organisations: tree.filter((o) => o.id === home.id || isBelow(tree, o, home)) });
  });

  app.post('/organisations', async (c) => {
    const body = await readJson(c, organisationBody);
    const parent = body.parentId ? await store.organisation(body.parentId) : null;
    if (body.parentId && !parent) throw fail(404, 'organisation_not_found');
    if (!PARENTS[body.kind].includes(parent?.kind ?? null))
      throw fail(400, 'organisation_parent_invalid', { kind: body.kind, parent: parent?.kind ?? '—' });
    const organisation: Organisation = {
      id: body.id,
      name: body.name,
      kind: body.kind,
      parentId: parent?.id ?? null,
    };
    if (!(await store.createOrganisation(organisation, clock.now())))
      throw fail(409, 'organisation_exists', { id: body.id });
    return c.json(organisation, 201);
  });

  app.get('/accounts', async (c) => c.json({ accounts: await store.accounts() }));

  app.post('/invitations', async (c) => {
    const body = await readJson(c, invitationBody);
    const place = await store.organisation(body.organisationId);
    if (!place) throw fail(404, 'organisation_not_found');
    if (!PLACES[body.role].includes(place.kind))
      throw fail(400, 'invitation_place_invalid', { role: body.role, kinds: PLACES[body.role].join(' / ') });
    const token = randomSecret();
    const now = clock.now();
    const expiresAt = now + (body.days ?? 7) * DAY;
    await store.inviteAccount({
      tokenHash: secretHash(token),
      role: body.role,
      organisationId: place.id,
      invitedBy: c.var.session.accountId,
      expiresAt,
      now,
    });
    const origin = config.publicUrl ?? new URL(c.req.url).origin;
    return c.json(
      { token, url: `${origin}/invite#${token}`, role: body.role, organisationId: place.id, expiresAt },
      201,
    );
  });

  return app;
}

function isBelow(tree: Organisation[], node: Organisation, root: Organisation): boolean {
  for (let p = node.parentId; p; p = tree.find((o) => o.id === p)?.parentId ?? null) {
    if (p === root.id) return true;
  }
  return false;
}
