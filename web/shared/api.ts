// Calls to the JSON API under /api: sends Accept-Language, reads `{ error: { code, message } }`, and turns
// a lost connection into an ApiError with code "network" so pages can offer a retry.
import { acceptLanguage, t } from './i18n.ts';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Init = { method?: string; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> };

function errorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (typeof error?.code === 'string' && typeof error.message === 'string')
    return new ApiError(status, error.code, error.message);
  return new ApiError(status, `http_${status}`, t('error.http', { status }));
}

/**
 * fetch as every page calls the API: Accept-Language, the page's own cookies, never a cached answer; a lost
 * connection becomes an ApiError with code "network". The typed client (client.ts) sends through it.
 */
export const pageFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('accept', 'application/json');
  headers.set('accept-language', acceptLanguage());
  try {
    return await fetch(input, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
};

/** The JSON of an answer; throws ApiError for an HTTP error, with the server's code and message. */
export async function answerOf<T>(response: Response): Promise<T> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    if (response.ok) throw new ApiError(response.status, 'bad_response', t('error.badResponse'));
  }
  if (!response.ok) throw errorOf(response.status, body);
  return body as T;
}

/** The response body as JSON; throws ApiError on an HTTP error or a lost connection. */
export async function api<T>(path: string, init: Init = {}): Promise<{ status: number; body: T }> {
  const response = await pageFetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...init.headers, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  return { status: response.status, body: await answerOf<T>(response) };
}

/**
 * The answer to a GET of `path`, its body not yet read (a record, to be read as a stream); throws ApiError
 * on an HTTP error or a lost connection.
 */
export async function apiResponse(path: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { 'accept-language': acceptLanguage() }, cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (response.ok) return response;
  let body: unknown = null;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // not JSON: the status alone says what went wrong
  }
  throw errorOf(response.status, body);
}

/** The response body as text (a record, kept byte for byte). */
export async function apiText(path: string): Promise<string> {
  return (await apiResponse(path)).text();
}
