// Who may call what, in one place: every API route is listed here with the access it needs, and one
// middleware, matching the list with Hono's router, enforces it before any route runs. A route missing from the list is refused (404), so a new
// route cannot slip past. Accounts act only inside their place in the organisation tree: an organiser
// (and the admin, at its home chi bộ) on its chi bộ's roster and meetings; a committee member on the chi bộ
// under its đảng ủy; the admin on the tree and the invitations.
import type { Context, MiddlewareHandler } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { currentSession } from '../accounts/sessions.ts';
import { branchesDecidedBy, branchesUnder } from '../shared/organisation-tree.ts';
import type { AccountRole, Organisation, Session } from '../store/store.ts';
import type { Deps, Env } from './context.ts';
import { fail } from './errors.ts';
import { secretHash } from './ids.ts';

/**
 * public: anyone (phones, the projector, the verifier); trustee: the route checks the trustee code;
 * session: any logged-in account; organiser, committee, admin: an account of that role in its scope.
 */
export type Access = 'public' | 'trustee' | 'session' | 'organiser' | 'committee' | 'admin';
export type RouteAccess = { method: string; path: string; access: Access };

/** Every API route (paths under /api) and the access it needs. */
export const ROUTE_ACCESS: RouteAccess[] = [
  { method: 'GET', path: '/auth/session', access: 'public' },
  { method: 'POST', path: '/auth/setup', access: 'public' },
  { method: 'POST', path: '/auth/login', access: 'public' },
  { method: 'POST', path: '/auth/logout', access: 'session' },
  { method: 'POST', path: '/auth/operator', access: 'public' },
  { method: 'POST', path: '/auth/invitation', access: 'public' },
  { method: 'GET', path: '/organisations', access: 'session' },
  { method: 'POST', path: '/organisations', access: 'admin' },
  { method: 'POST', path: '/auth/invitation/check', access: 'public' },
  { method: 'GET', path: '/accounts', access: 'admin' },
  { method: 'POST', path: '/accounts/:id/disable', access: 'admin' },
  { method: 'GET', path: '/invitations', access: 'admin' },
  { method: 'POST', path: '/invitations', access: 'admin' },
  { method: 'POST', path: '/invitations/:id/revoke', access: 'admin' },
  { method: 'PUT', path: '/roster', access: 'organiser' },
  { method: 'GET', path: '/roster', access: 'organiser' },
  { method: 'POST', path: '/meetings', access: 'organiser' },
  { method: 'GET', path: '/meetings', access: 'organiser' },
  { method: 'GET', path: '/meetings/:id', access: 'organiser' },
  { method: 'POST', path: '/meetings/:id/trustee-code', access: 'organiser' },
  { method: 'PUT', path: '/meetings/:id/attendance', access: 'organiser' },
  { method: 'POST', path: '/meetings/:id/open', access: 'organiser' },
  { method: 'POST', path: '/meetings/:id/close', access: 'organiser' },
  { method: 'POST', path: '/meetings/:id/cards', access: 'organiser' },
  { method: 'GET', path: '/meetings/:id/cards', access: 'organiser' },
  { method: 'GET', path: '/meetings/:id/card-list.pdf', access: 'organiser' },
  { method: 'POST', path: '/meetings/:id/cards/activate', access: 'organiser' },
  { method: 'POST', path: '/meetings/:id/cards/:serial/void', access: 'organiser' },
  { method: 'GET', path: '/meetings/:id/ceremony', access: 'public' },
  { method: 'POST', path: '/meetings/:id/ceremony/commitments', access: 'trustee' },
  { method: 'POST', path: '/meetings/:id/ceremony/shares', access: 'trustee' },
  { method: 'POST', path: '/meetings/:id/ceremony/acks', access: 'trustee' },
  { method: 'GET', path: '/meetings/:id/tally', access: 'public' },
  { method: 'POST', path: '/meetings/:id/shares', access: 'trustee' },
  { method: 'GET', path: '/meetings/:id/result', access: 'public' },
  { method: 'POST', path: '/meetings/:id/certifications', access: 'trustee' },
  { method: 'GET', path: '/meetings/:id/counts', access: 'public' },
  { method: 'GET', path: '/meetings/:id/counts/stream', access: 'public' },
  { method: 'GET', path: '/meetings/:id/record', access: 'public' },
  { method: 'GET', path: '/meetings/:id/codes', access: 'public' },
  { method: 'GET', path: '/meetings/:id/minutes', access: 'public' },
  { method: 'GET', path: '/meetings/:id/minutes.pdf', access: 'public' },
  { method: 'GET', path: '/meetings/:id/minutes.csv', access: 'public' },
  { method: 'GET', path: '/meetings/:id/minutes.xlsx', access: 'public' },
  { method: 'GET', path: '/vote/:id', access: 'public' },
  { method: 'GET', path: '/vote/:id/cards/:pk', access: 'public' },
  { method: 'POST', path: '/vote/:id/ballots', access: 'public' },
  { method: 'GET', path: '/committee/meetings', access: 'committee' },
  { method: 'POST', path: '/committee/classification', access: 'committee' },
  { method: 'GET', path: '/committee/decisions', access: 'committee' },
  { method: 'POST', path: '/committee/decisions', access: 'committee' },
  { method: 'POST', path: '/committee/decisions/approve', access: 'committee' },
  { method: 'GET', path: '/committee/decisions.xlsx', access: 'committee' },
  { method: 'GET', path: '/committee/decisions.pdf', access: 'committee' },
];

/**
 * What the middleware resolved for a committee member: its node, the chi bộ it decides on (those whose
 * deciding level, walking up the tree, is its node) and every chi bộ under it, which it may read.
 */
export type Scope = { committee: Organisation; branches: Organisation[]; below: Organisation[] };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ROLES_FOR: Partial<Record<Access, AccountRole[]>> = {
  organiser: ['organiser', 'admin'],
  committee: ['committee'],
  admin: ['admin'],
};

/** The one authorization middleware for everything under /api (`prefix` is where it is mounted). */
export function authorize(deps: Deps, prefix = '/api'): MiddlewareHandler<Env> {
  // Hono's own router matches the table, with the same path syntax and decoding as the routes themselves.
  const router = new TrieRouter<RouteAccess>();
  for (const route of ROUTE_ACCESS) router.add(route.method, route.path, route);
  return async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const [matches] = router.match(method, c.req.path.slice(prefix.length));
    const [route, params] = matches[0] ?? [];
    if (!route || !params) throw fail(404, 'not_found');
    const { access } = route;
    if (access === 'public' || access === 'trustee') return next();

    const session = await signedIn(deps, c);
    const roles = ROLES_FOR[access];
    if (roles && !roles.includes(session.role)) throw fail(403, 'forbidden_role', { role: session.role });
    const id = (params as Record<string, string>).id;
    if (access === 'organiser' && id) {
      const meeting = await deps.store.meeting(decoded(id));
      if (!meeting || meeting.branchId !== session.branchId) throw fail(404, 'meeting_not_found');
    }
    if (access === 'committee') {
      const tree = await deps.store.organisations();
      const committee = tree.find((o) => o.id === session.branchId);
      if (!committee) throw fail(404, 'organisation_not_found');
      c.set('scope', {
        committee,
        branches: branchesDecidedBy(tree, committee),
        below: branchesUnder(tree, committee),
      });
    }
    c.set('session', session);
    await next();
  };
}

/** A path parameter as the route reads it; a malformed escape finds nothing. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw fail(404, 'not_found');
  }
}

/** The session, with the CSRF token checked on state-changing methods; 401 without one. */
async function signedIn(deps: Deps, c: Context<Env>): Promise<Session> {
  const session = await currentSession(deps, c);
  if (!session) throw fail(401, 'unauthenticated');
  if (!SAFE_METHODS.has(c.req.method)) {
    const token = c.req.header('x-csrf-token');
    if (!token || secretHash(token) !== secretHash(session.csrfToken)) throw fail(403, 'csrf');
  }
  return session;
}

/** The chi bộ in the committee's scope with this id; a 404 for any other. */
export function scopedBranch(scope: Scope, id: string): Organisation {
  const branch = scope.branches.find((b) => b.id === id);
  if (!branch) throw fail(404, 'organisation_not_found');
  return branch;
}
