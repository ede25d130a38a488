// The signed-in pages' session (organiser, committee, admin), written once: the session cookie goes by
// itself; every state-changing call also carries the session's anti-forgery token (X-CSRF-Token), which
// the page keeps in memory only.
import type { InferResponseType } from 'hono/client';
import { answer, apiClient } from './client.ts';

let csrf = '';

/** The API for a signed-in page: every call carries the session's anti-forgery token once there is one. */
export const signedIn = apiClient((): Record<string, string> => (csrf ? { 'x-csrf-token': csrf } : {}));

export type Session = InferResponseType<(typeof signedIn)['auth']['session']['$get']>;

export async function currentSession(): Promise<Session> {
  const session = await answer(signedIn.auth.session.$get());
  csrf = session.loggedIn ? session.csrfToken : '';
  return session;
}

/** Logs in as `account`, or as the server's first organiser account when it is empty. */
export async function logIn(account: string, password: string): Promise<void> {
  const json = account ? { account, password } : { password };
  csrf = (await answer(signedIn.auth.login.$post({ json }))).csrfToken;
}

/** The signed-in account's role, or null for no session. */
export const roleOf = (session: Session | null) => (session?.loggedIn ? session.role : null);
