// Issue 2, "done when": `phieukin verify r.json` fails, naming the check, after any single field of r.json is
// altered. Every distinct field path of every event type of a seeded record (array indices collapsed) is
// altered once, the chain is recomputed after it (so the change is not caught merely because a parent no
// longer matches), and verifyRecord must then fail at least one check (SPEC §8). The event-level fields
// (height, parent, type) and the record's protocol are altered too. Last, the same through the real CLI.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  base64url as b64,
  CHECKS,
  credentialFromToken,
  EVENT_TYPES,
  type MeetingRecord,
  type RecordEvent,
} from '../../crypto/index.ts';
import { CHECK_TEXTS } from '../../src/shared/verify-reasons.ts';
import { clone, failingChecks, rechain, recount, renumber, seededDemo, verify } from './helpers.ts';

type PathPart = string | number;
type Leaf = { path: PathPart[]; value: unknown };

const B64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Every leaf of a JSON value; an empty object or array counts as a leaf (it can be given content). */
function leaves(value: unknown, path: PathPart[] = []): Leaf[] {
  if (Array.isArray(value))
    return value.length === 0 ? [{ path, value }] : value.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? [{ path, value }] : entries.flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [{ path, value }];
}

const collapse = (path: PathPart[]) =>
  path.map((p) => (typeof p === 'number' ? '[]' : `.${p}`)).join('') || '.';
const show = (path: PathPart[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');

/** A different value of the same kind: base64url keeps to its alphabet, numbers +1, booleans flip. */
function altered(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.length >= 43 && /^[A-Za-z0-9_-]+$/.test(value)) {
      const at = Math.floor(value.length / 2);
      const next = B64_CHARS[(B64_CHARS.indexOf(value[at]!) + 1) % 64]!;
      return value.slice(0, at) + next + value.slice(at + 1);
    }
    return `${value}x`;
  }
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (value === null) return 0;
  if (Array.isArray(value)) return [0];
  return { x: 1 };
}

function setAt(root: unknown, path: PathPart[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = path.slice(0, -1).reduce<unknown>((o, p) => (o as Record<PathPart, unknown>)[p], root);
  (parent as Record<PathPart, unknown>)[path.at(-1)!] = value;
  return root;
}

type Mutation = { name: string; apply: (record: MeetingRecord) => void };

/**
 * A seeded meeting with every event type of SPEC §6: the demo's, plus a spare card activated in a second
 * `credentials-activated` and then `credential-voided` before the poll opens (counted again honestly).
 */
function recordWithEveryEventType(): MeetingRecord {
  const demo = seededDemo('any-field', { voters: 2, questions: 1, options: 2, trustees: { n: 3, k: 2 } });
  const record = clone(demo.record);
  const spare = b64(credentialFromToken(demo.secrets.mc.manifest.meetingId, new Uint8Array(16).fill(9)).pk);
  const opened = record.events.findIndex((e) => e.type === 'poll-opened');
  const event = (type: RecordEvent['type'], payload: object): RecordEvent => ({
    height: 0,
    parent: null,
    type,
    payload: JSON.stringify(payload),
  });
  record.events.splice(
    opened,
    0,
    event('credentials-activated', { keys: [spare] }),
    event('credential-voided', { key: spare }),
  );
  renumber(record.events);
  recount(record, demo.secrets);
  return record;
}

const base = recordWithEveryEventType();

/** One mutation per (event type, field path with indices collapsed), spread over the events of that type. */
function payloadMutations(): Mutation[] {
  const byKey = new Map<string, Array<{ event: number; path: PathPart[] }>>();
  for (const e of base.events)
    for (const { path } of leaves(JSON.parse(e.payload))) {
      const key = `${e.type} payload${collapse(path)}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { event: e.height, path }]);
    }
  return [...byKey.entries()].map(([key, occurrences], i) => {
    const { event, path } = occurrences[i % occurrences.length]!;
    return {
      name: `${key} (event ${event}, ${show(path) || 'payload'})`,
      apply: (record) => {
        const e = record.events[event]!;
        const payload = JSON.parse(e.payload);
        const leaf = path.reduce<unknown>((o, p) => (o as Record<PathPart, unknown>)[p], payload);
        e.payload = JSON.stringify(setAt(payload, path, altered(leaf)));
        rechain(record.events, event + 1);
      },
    };
  });
}

/** height, parent and type of one event of each type, then re-chained after it; and the record's protocol. */
function eventMutations(): Mutation[] {
  const types = [...new Set(base.events.map((e) => e.type))];
  const out: Mutation[] = [];
  for (const type of types) {
    const instances = base.events.filter((e) => e.type === type);
    const h = instances[Math.floor(instances.length / 2)]!.height;
    const then = (record: MeetingRecord, change: (e: RecordEvent) => void) => {
      change(record.events[h]!);
      rechain(record.events, h + 1);
    };
    out.push({
      name: `${type} event ${h}: height + 1`,
      apply: (r) => then(r, (e) => (e.height += 1)),
    });
    out.push({
      name: `${type} event ${h}: parent changed`,
      apply: (r) =>
        then(r, (e) => {
          e.parent = e.parent === null ? b64(new Uint8Array(64)) : (altered(e.parent) as string);
        }),
    });
    const other = EVENT_TYPES[(EVENT_TYPES.indexOf(type) + 1) % EVENT_TYPES.length]!;
    out.push({
      name: `${type} event ${h}: type changed to ${other}`,
      apply: (r) =>
        then(r, (e) => {
          e.type = other;
        }),
    });
  }
  out.push({
    name: 'record protocol changed',
    apply: (r) => {
      (r as { protocol: string }).protocol = 'phieukin/v2';
    },
  });
  return out;
}

const mutations = [...payloadMutations(), ...eventMutations()];

describe('issue 2: any single field of a record altered makes verify fail (SPEC §8)', () => {
  it('the unaltered record passes, every payload re-serialises to its exact bytes, and every event type is covered', () => {
    expect(verify(base).ok).toBe(true);
    for (const e of base.events) expect(JSON.stringify(JSON.parse(e.payload))).toBe(e.payload);
    expect(new Set(base.events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    const covered = new Set(mutations.map((m) => m.name.split(' ')[0]));
    for (const type of EVENT_TYPES) expect(covered.has(type), type).toBe(true);
    expect(mutations.length).toBeGreaterThan(80);
    expect(mutations.length).toBeLessThan(160);
  });

  it.each(mutations.map((m) => [m.name, m] as const))('%s', (_, mutation) => {
    const record = clone(base);
    mutation.apply(record);
    expect(JSON.stringify(record)).not.toBe(JSON.stringify(base));
    const report = verify(record);
    const failing = failingChecks(report);
    expect(report.ok, `${mutation.name}: verify passed`).toBe(false);
    expect(
      failing.length,
      `${mutation.name}: no check failed (${JSON.stringify(report.checks)})`,
    ).toBeGreaterThan(0);
  });
});

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'phieukin-any-field-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node bin/phieukin.js …` from the repository root; returns the exit code and output. */
async function phieukin(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['bin/phieukin.js', ...args], {
      cwd: ROOT,
      timeout: 60_000,
    });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '' };
  }
}

describe('the phieukin CLI: demo, verify, and verify after one field is altered', () => {
  it('demo --seed … --out r.json && verify r.json passes every check; one altered field fails naming a check', async () => {
    const file = join(dir, 'r.json');
    const demoRun = await phieukin([
      'demo',
      ...['--voters', '2', '--questions', '1', '--options', '3', '--trustees', '3/2'],
      ...['--rule-set', 'none', '--seed', 'cli', '--out', file],
    ]);
    expect(demoRun.code).toBe(0);
    const ok = await phieukin(['verify', file]);
    expect(ok.code, ok.stdout).toBe(0);
    // each check's line: the English status and name, then the Vietnamese status and both names
    for (const name of CHECKS)
      expect(ok.stdout).toMatch(
        new RegExp(
          `^PASS\\s+${name}\\s+Đạt: ${CHECK_TEXTS[name].name.vi} / ${CHECK_TEXTS[name].name.en}$`,
          'm',
        ),
      );

    const record = JSON.parse(readFileSync(file, 'utf8')) as MeetingRecord;
    const ballot = record.events.find((e) => e.type === 'ballot')!;
    const payload = JSON.parse(ballot.payload);
    payload.questions[0].options[1].beta = altered(payload.questions[0].options[1].beta);
    ballot.payload = JSON.stringify(payload);
    rechain(record.events, ballot.height + 1);
    writeFileSync(file, JSON.stringify(record));
    const bad = await phieukin(['verify', file]);
    expect(bad.code, bad.stdout).toBe(1);
    expect(bad.stdout).toMatch(/^FAIL\s+ballots\s+Không đạt: Phiếu bầu \/ Ballots$/m);
    // the reason in both languages, as the rest of the output: Vietnamese, then the report's English
    expect(bad.stdout).toMatch(/^ {8}- Phiếu ở sự kiện số \d+\b.* \/ ballot at height \d+\b/m);
    expect(bad.stdout).not.toMatch(/^FAIL\s+chain\b/m);
  });
});
