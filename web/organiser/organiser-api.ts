// The organiser's calls, with the session of web/shared/session.ts (the cookie, and the anti-forgery
// token on every state-changing call).
import { api } from '../shared/api.ts';
import { csrfHeader } from '../shared/session.ts';

export { currentSession, logIn } from '../shared/session.ts';

export async function get<T>(path: string): Promise<T> {
  return (await api<T>(`/api${path}`)).body;
}

export async function send<T>(method: 'POST' | 'PUT', path: string, body: unknown = {}): Promise<T> {
  return (await api<T>(`/api${path}`, { method, body, headers: csrfHeader() })).body;
}
