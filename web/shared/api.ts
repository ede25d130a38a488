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

/** The response body as JSON; throws ApiError on an HTTP error or a lost connection. */
export async function api<T>(path: string, init: Init = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {
    ...init.headers,
    accept: 'application/json',
    'accept-language': acceptLanguage(),
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: init.signal,
    });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    if (response.ok) throw new ApiError(response.status, 'bad_response', t('error.badResponse'));
  }
  if (!response.ok) throw errorOf(response.status, body);
  return { status: response.status, body: body as T };
}

/** The response body as text (a record, kept byte for byte). */
export async function apiText(path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { 'accept-language': acceptLanguage() }, cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  const text = await response.text();
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the status alone says what went wrong
    }
    throw errorOf(response.status, body);
  }
  return text;
}
