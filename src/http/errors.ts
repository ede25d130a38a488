// Errors: routes throw `fail(...)`, one onError turns every HTTPException into the bilingual JSON error
// `{ "error": { "code", "message" } }`, in the language the client asked for.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fillTemplate } from '../../crypto/checks/reasons.ts';
import { type MessageCode, messages, type Text } from './messages.ts';

/** A message's parameters; a Text one is filled in the reply's language. */
type Params = Record<string, string | number | Text>;
type ErrorInfo = { code: string; text: Text; params: Params };

class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly info: ErrorInfo,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message: info.code });
  }
}

/** An error to throw from a route: its code, the parameters of its message, and extra headers. */
export function fail(
  status: ContentfulStatusCode,
  code: MessageCode,
  params: Params = {},
  headers: Record<string, string> = {},
): HTTPException {
  return new ApiError(status, { code, text: messages[code], params }, headers);
}

/** An error whose message comes from elsewhere (the rules engine). */
export function failWith(status: ContentfulStatusCode, code: string, text: Text): HTTPException {
  return new ApiError(status, { code, text, params: {} });
}

function render(text: string, params: Params, lang: 'vi' | 'en'): string {
  const inLang = Object.entries(params).map(([name, v]) => [name, typeof v === 'object' ? v[lang] : v]);
  return fillTemplate(text, Object.fromEntries(inLang));
}

/** Hono's own HTTPExceptions (from its middleware), by status. */
const HTTP_CODES: Partial<Record<number, MessageCode>> = {
  401: 'unauthenticated',
  404: 'not_found',
  405: 'method_not_allowed',
};

function infoFor(error: Error): {
  status: ContentfulStatusCode;
  info: ErrorInfo;
  headers: Record<string, string>;
} {
  if (error instanceof ApiError) return { status: error.status, info: error.info, headers: error.headers };
  if (error instanceof HTTPException && error.status < 500) {
    const code: MessageCode = HTTP_CODES[error.status] ?? 'bad_request';
    return { status: error.status, info: { code, text: messages[code], params: {} }, headers: {} };
  }
  return { status: 500, info: { code: 'internal', text: messages.internal, params: {} }, headers: {} };
}

export function errorResponse(c: Context, error: Error): Response {
  const { status, info, headers } = infoFor(error);
  if (status >= 500) console.error(error);
  // set for every request by Hono's languageDetector (app.ts), from Accept-Language
  const lang = c.get('language') === 'en' ? 'en' : 'vi';
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  c.header('Content-Language', lang);
  return c.json({ error: { code: info.code, message: render(info.text[lang], info.params, lang) } }, status);
}
