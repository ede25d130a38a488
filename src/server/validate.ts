// Small typed schemas for request bodies. A schema checks an unknown value and returns it typed, keeping
// only the fields it names; the first mismatch becomes a 400 `invalid_body` naming the path.
import type { Context } from 'hono';
import { fail } from './errors.ts';

export type Schema<T> = (value: unknown, path: string) => T;
export type Infer<S> = S extends Schema<infer T> ? T : never;

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
  object<S extends Record<string, Schema<unknown>>>(shape: S): Schema<{ [K in keyof S]: Infer<S[K]> }> {
    return (value, path) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) mismatch(path, 'an object');
      const out: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(shape)) {
        const v = schema((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
        if (v !== undefined) out[key] = v;
      }
      return out as { [K in keyof S]: Infer<S[K]> };
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

/** Reads the body as JSON, refusing more than `maxBytes` before reading them, then checks it. */
export async function readJson<T>(c: Context, schema: Schema<T>, maxBytes = 64 * 1024): Promise<T> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw fail(413, 'body_too_large', { max: maxBytes });
  const body = c.req.raw.body;
  let text = '';
  if (body) {
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8', { fatal: false });
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw fail(413, 'body_too_large', { max: maxBytes });
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fail(400, 'bad_json');
  }
  return check(schema, value);
}
