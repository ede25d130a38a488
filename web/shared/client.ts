// The API through Hono's typed client: `hc<AppType>` knows every route's path, parameters, body and
// answer from the server's own definition (src/app.ts), so a route that changes breaks the build of the
// pages that call it. The type import is erased at build: no server code reaches the pages.
import { type ClientResponse, hc } from 'hono/client';
import type { AppType } from '../../src/app.ts';
import { answerOf, pageFetch } from './api.ts';

/** The API under /api; `headers` adds a role's own headers (the trustee code, the CSRF token) to each call. */
export function apiClient(headers: () => Record<string, string> = () => ({})) {
  return hc<AppType>('/', { fetch: pageFetch, headers }).api;
}

/** The answer's JSON, typed by the route; an HTTP error or a lost connection throws an ApiError. */
export async function answer<R extends ClientResponse<unknown>>(request: Promise<R>): Promise<AnswerOf<R>> {
  return answerOf<AnswerOf<R>>((await request) as unknown as Response);
}

/** The JSON a route answers with: the union of its answers when it has several. */
type AnswerOf<R> = R extends ClientResponse<infer T> ? T : never;
