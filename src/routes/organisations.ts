// The organisation tree and its accounts, for the server admin: nodes of the kinds in
// src/shared/organisation-tree.ts under the parents each kind may have, and one-time invitation links for
// an organiser of a chi bộ, a committee member of a node above the chi bộ, or another admin. Any account may read the part of the tree it works in.
import { Hono } from 'hono';
import type { Deps, Env } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { randomSecret, secretHash } from '../http/ids.ts';
import { is, jsonBody } from '../http/validate.ts';
import { ACCOUNT_ROLES } from '../shared/domain.ts';
import {
  BRANCH_KINDS,
  KIND_NAMES,
  ORGANISATION_KINDS,
  type OrganisationKind,
  PARENT_KINDS,
  ROLE_NAMES,
} from '../shared/organisation-tree.ts';
import type { AccountRole, Organisation } from '../store/store.ts';

/** Where an account of each role belongs: an organiser (and the admin's home) at a chi bộ; a committee
 * member at any node above one (it decides where the tree makes its node the deciding level). */
const PLACES: Record<AccountRole, readonly OrganisationKind[]> = {
  admin: BRANCH_KINDS,
  organiser: BRANCH_KINDS,
  committee: ORGANISATION_KINDS.filter((k) => k !== 'chi-bo'),
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
  kind: is.literal(...ORGANISATION_KINDS),
  parentId: is.optional(is.nullable(is.string({ min: 1, max: 40 }))),
});

const invitationBody = is.object({
  role: is.literal(...ACCOUNT_ROLES),
  organisationId: is.string({ min: 1, max: 40 }),
  days: is.optional(is.int({ min: 1, max: 30 })),
});

export function organisationRoutes(deps: Deps) {
  const { store, clock, config } = deps;

  /** The admin sees the whole tree; anyone else the node they work at and what lies under it. */
  return (
    new Hono<Env>()
      .get('/organisations', async (c) => {
        const tree = await store.organisations();
        const session = c.var.session;
        if (session.role === 'admin') return c.json({ organisations: tree });
        const home = tree.find((o) => o.id === session.branchId);
        if (!home) return c.json({ organisations: [] });
        return c.json({ organisations: tree.filter((o) => o.id === home.id || isBelow(tree, o, home)) });
      })

      .post('/organisations', jsonBody(organisationBody), async (c) => {
        const body = c.req.valid('json');
        const parent = body.parentId ? await store.organisation(body.parentId) : null;
        if (body.parentId && !parent) throw fail(404, 'organisation_not_found');
        if (!PARENT_KINDS[body.kind].includes(parent?.kind ?? null))
          throw fail(400, 'organisation_parent_invalid', {
            kind: KIND_NAMES[body.kind],
            parent: parent
              ? KIND_NAMES[parent.kind]
              : { vi: 'cấp gốc (không có cấp trên)', en: 'nothing (the root)' },
          });
        const organisation: Organisation = {
          id: body.id,
          name: body.name,
          kind: body.kind,
          parentId: parent?.id ?? null,
        };
        if (!(await store.createOrganisation(organisation, clock.now())))
          throw fail(409, 'organisation_exists', { id: body.id });
        return c.json(organisation, 201);
      })

      .get('/accounts', async (c) => c.json({ accounts: await store.accounts() }))

      /** Disables an account: it can no longer log in, and its sessions end at once. */
      .post('/accounts/:id/disable', async (c) => {
        const id = c.req.param('id');
        if (id === c.var.session.accountId) throw fail(400, 'account_self');
        const account = await store.account(id);
        if (!account) throw fail(404, 'account_not_found');
        if (!(await store.disableAccount(id, clock.now())))
          throw fail(409, 'account_disabled_already', { account: account.name });
        return c.json({ ...account, disabledAt: clock.now() });
      })

      /** The invitations not yet used, expired or revoked (never their links, which are shown only once). */
      .get('/invitations', async (c) => c.json({ invitations: await store.openInvitations(clock.now()) }))

      .post('/invitations/:id/revoke', async (c) => {
        if (!(await store.revokeInvitation(c.req.param('id'), clock.now())))
          throw fail(404, 'invitation_not_open');
        return c.json({ id: c.req.param('id'), state: 'revoked' as const });
      })

      .post('/invitations', jsonBody(invitationBody), async (c) => {
        const body = c.req.valid('json');
        const place = await store.organisation(body.organisationId);
        if (!place) throw fail(404, 'organisation_not_found');
        if (!PLACES[body.role].includes(place.kind))
          throw fail(400, 'invitation_place_invalid', {
            role: ROLE_NAMES[body.role],
            kind: KIND_NAMES[place.kind],
          });
        const token = randomSecret();
        const now = clock.now();
        const expiresAt = now + (body.days ?? 7) * DAY;
        const invitation = await store.inviteAccount({
          tokenHash: secretHash(token),
          role: body.role,
          organisationId: place.id,
          invitedBy: c.var.session.accountId,
          expiresAt,
          now,
        });
        const origin = config.publicUrl ?? new URL(c.req.url).origin;
        return c.json(
          {
            id: invitation.id,
            token,
            url: `${origin}/invite#${token}`,
            role: body.role,
            organisationId: place.id,
            expiresAt,
          },
          201,
        );
      })
  );
}

function isBelow(tree: Organisation[], node: Organisation, root: Organisation): boolean {
  for (let p = node.parentId; p; p = tree.find((o) => o.id === p)?.parentId ?? null) {
    if (p === root.id) return true;
  }
  return false;
}
