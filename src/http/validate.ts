// Small typed schemas for request bodies. A schema checks an unknown value and returns it typed, keeping
// only the fields it names; the first mismatch becomes a 400 `invalid_body` naming the path.
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { validator } from 'hono/validator';
import type { Env } from './context.ts';
import { fail } from './errors.ts';

export type Schema<T> = (value: unknown, path: string) => T;
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** An object schema's type: a field whose schema admits undefined (`is.optional`) may be left out. */
type Shape<S extends Record<string, Schema<unknown>>> = {
  [K in keyof S as undefined extends Infer<S[K]> ? never : K]: Infer<S[K]>;
} & { [K in keyof S as undefined extends Infer<S[K]> ? K : never]?: Infer<S[K]> };

class Mismatch extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path}: ${expected}`);
  }
}

function mismatch(path: string, expected: string): never {
  throw new Mismatch(path || '(body)', expected);
}

export const is = {
  string(options: { min?: number; max: number; pattern?: RegExp; describe?: string }): Schema<string> {
    const { min = 0, max, pattern } = options;
    const expected = options.describe ?? `a string of ${min}–${max} characters`;
    return (value, path) => {
      if (typeof value !== 'string' || value.length < min || value.length > max) mismatch(path, expected);
      if (pattern && !pattern.test(value)) mismatch(path, expected);
      return value;
    };
  },
  int(options: { min: number; max: number }): Schema<number> {
    return (value, path) => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < options.min || value > options.max)
        mismatch(path, `an integer from ${options.min} to ${options.max}`);
      return value;
    };
  },
  boolean(): Schema<boolean> {
    return (value, path) => (typeof value === 'boolean' ? value : mismatch(path, 'true or false'));
  },
  literal<const T extends string | boolean>(...values: T[]): Schema<T> {
    return (value, path) =>
      values.includes(value as T)
        ? (value as T)
        : mismatch(path, values.map((v) => JSON.stringify(v)).join(' | '));
  },
  /** Base64url without padding of exactly `bytes` bytes. */
  bytes(bytes: number): Schema<string> {
    const length = Math.ceil((bytes * 8) / 6);
    const pattern = new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
    return (value, path) =>
      typeof value === 'string' && pattern.test(value)
        ? value
        : mismatch(path, `${bytes} bytes in base64url`);
  },
  array<T>(item: Schema<T>, options: { min?: number; max: number }): Schema<T[]> {
    const { min = 0, max } = options;
    return (value, path) => {
      if (!Array.isArray(value) || value.length < min || value.length > max)
        mismatch(path, `a list of ${min}–${max} items`);
      return value.map((v, i) => item(v, `${path}[${i}]`));
    };
  },
  object<S extends Record<string, Schema<unknown>>>(shape: S): Schema<Shape<S>> {
    return (value, path) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) mismatch(path, 'an object');
      const out: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(shape)) {
        const v = schema((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
        if (v !== undefined) out[key] = v;
      }
      return out as Shape<S>;
    };
  },
  /** A map from string keys (checked by `key`) to values. */
  record<T>(key: Schema<string>, item: Schema<T>, options: { max: number }): Schema<Record<string, T>> {
    return (value, path) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) mismatch(path, 'an object');
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length > options.max) mismatch(path, `at most ${options.max} entries`);
      const out: Record<string, T> = {};
      for (const [k, v] of entries) {
        key(k, `${path}.${k} (key)`);
        out[k] = item(v, `${path}.${k}`);
      }
      return out;
    };
  },
  optional<T>(schema: Schema<T>): Schema<T | undefined> {
    return (value, path) => (value === undefined ? undefined : schema(value, path));
  },
  nullable<T>(schema: Schema<T>): Schema<T | null> {
    return (value, path) => (value === null ? null : schema(value, path));
  },
  /** Any JSON value (settings values), bounded in size when serialised. */
  json(maxChars: number): Schema<unknown> {
    return (value, path) => {
      const text = JSON.stringify(value);
      if (text === undefined || text.length > maxChars)
        mismatch(path, `a JSON value of at most ${maxChars} characters`);
      return JSON.parse(text);
    };
  },
};

/** Checks a parsed value against a schema, as a 400 naming the path of the first mismatch. */
export function check<T>(schema: Schema<T>, value: unknown): T {
  try {
    return schema(value, '');
  } catch (error) {
    if (error instanceof Mismatch)
      throw fail(400, 'invalid_body', { path: error.path, expected: error.expected });
    throw error;
  }
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * The body as JSON checked by `schema`, for `c.req.valid('json')`: Hono's `bodyLimit` refuses more than
 * `maxBytes` (by Content-Length, or while reading a body sent without one), then Hono's `validator` runs the
 * schema. The types flow into the app's type, so the typed client (`hc`) knows each route's body.
 */
export function jsonBody<T>(schema: Schema<T>, maxBytes = 64 * 1024) {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw fail(413, 'body_too_large', { max: maxBytes });
    },
  });
  const validate = validator('json', (value: unknown): T => check(schema, value));
  return createMiddleware<Env, string, { in: { json: T }; out: { json: T } }>(async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (!JSON_TYPE.test(type)) throw fail(415, 'json_expected');
    await limit(c, async () => {
      try {
        await c.req.json();
      } catch {
        throw fail(400, 'bad_json');
      }
      // the body is parsed once: the validator reads it back from the request's cache
      await validate(c as Parameters<typeof validate>[0], next);
    });
  });
}
