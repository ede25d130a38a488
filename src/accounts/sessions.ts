// Account sessions: a random id in an HttpOnly, SameSite=Strict cookie, kept in the store only as a
// hash; every state-changing request of an account also carries the session's CSRF token in X-CSRF-Token
// (checked by the authorization middleware, src/http/access.ts).
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Deps, Env } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { randomSecret, secretHash } from '../http/ids.ts';
import type { Meeting } from '../store/store.ts';

export const SESSION_COOKIE = 'phieukin_session';

/** Starts a session for the account: sets the cookie, returns the CSRF token for the page to keep. */
export async function startSession(
  deps: Deps,
  c: Context,
  account: { accountId: string; branchId: string },
): Promise<string> {
  const id = randomSecret();
  const csrfToken = randomSecret();
  const now = deps.clock.now();
  const expiresAt = now + deps.config.sessionTtlMs;
  await deps.store.createSession(secretHash(id), { ...account, csrfToken, expiresAt }, now);
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.config.secureCookies,
    path: '/',
    maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
  });
  return csrfToken;
}

export async function endSession(deps: Deps, c: Context): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) await deps.store.endSession(secretHash(id));
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.config.secureCookies });
}

export async function currentSession(deps: Deps, c: Context) {
  const id = getCookie(c, SESSION_COOKIE);
  return id ? deps.store.session(secretHash(id), deps.clock.now()) : null;
}

/** The meeting, if it exists and belongs to the organiser's branch; a 404 otherwise. */
export async function ownMeeting(deps: Deps, c: Context<Env>, id: string): Promise<Meeting> {
  const meeting = await deps.store.meeting(id);
  if (!meeting || meeting.branchId !== c.var.session.branchId) throw fail(404, 'meeting_not_found');
  return meeting;
}

/** The meeting, for the routes phones, trustees and the projector use without an account. */
export async function publicMeeting(deps: Deps, id: string): Promise<Meeting> {
  const meeting = await deps.store.meeting(id);
  if (!meeting) throw fail(404, 'meeting_not_found');
  return meeting;
}

/** Only a holder of the meeting's trustee code (the QR on the projector) passes, in X-Trustee-Code. */
export function trusteeOnly(deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    const code = c.req.header('x-trustee-code');
    const meetingId = c.req.param('id');
    const stored = meetingId ? await deps.store.trusteeCodeHash(meetingId) : null;
    if (!code || !stored || secretHash(code) !== stored) {
      if (meetingId) await publicMeeting(deps, meetingId);
      throw fail(403, 'trustee_code_invalid');
    }
    await next();
  };
}
