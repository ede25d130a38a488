// The organiser's calls: the session cookie goes by itself; every state-changing call also carries the
// session's anti-forgery token (X-CSRF-Token), which the page keeps in memory only.
import { api } from '../shared/api.ts';

type Session = { loggedIn: boolean; setupDone: boolean; csrfToken?: string };

let csrf = '';

export async function currentSession(): Promise<Session> {
  const session = (await api<Session>('/api/auth/session')).body;
  csrf = session.csrfToken ?? '';
  return session;
}

/** Logs in as `account`, or as the server's first organiser account when it is empty. */
export async function logIn(account: string, password: string): Promise<void> {
  const body = account ? { account, password } : { password };
  csrf = (await api<{ csrfToken: string }>('/api/auth/login', { body })).body.csrfToken;
}

export async function get<T>(path: string): Promise<T> {
  return (await api<T>(`/api${path}`)).body;
}

export async function send<T>(method: 'POST' | 'PUT', path: string, body: unknown = {}): Promise<T> {
  return (await api<T>(`/api${path}`, { method, body, headers: { 'x-csrf-token': csrf } })).body;
}
