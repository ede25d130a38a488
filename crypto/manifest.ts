// The manifest (SPEC §1): kept as its exact UTF-8 string, parsed strictly, hashed as written.
import { utf8ToBytes } from './bytes.ts';
import { H, TAG } from './hash.ts';

export type Fact = { code: string; source: string };
export type Option = { id: string; label: string };
export type Question = {
  id: string;
  subjectId?: string;
  subject?: string;
  role?: string;
  facts?: Fact[];
  prompt: string;
  options: Option[];
};
export type MeetingKind = 'classification' | 'confidence' | 'motion';
export type Manifest = {
  protocol: 'phieukin/v1';
  meetingId: string;
  title: string;
  organisation: string;
  kind: MeetingKind;
  ruleSet: string;
  electorate: number;
  trustees: { n: number; k: number };
  settings: Record<string, unknown>;
  questions: Question[];
  linkedConfidence?: unknown;
};

export const PROTOCOL = 'phieukin/v1';
export const MAX_OPTIONS = 16;
export const MAX_TRUSTEES = 32;

export class ManifestError extends Error {
  override name = 'ManifestError';
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function need(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ManifestError(message);
}

function checkQuestion(q: unknown, at: number): asserts q is Question {
  const where = `questions[${at}]`;
  need(isObject(q), `${where}: not an object`);
  need(isText(q.id), `${where}.id: required`);
  need(typeof q.prompt === 'string', `${where}.prompt: required`);
  for (const field of ['subjectId', 'subject', 'role'] as const)
    need(q[field] === undefined || typeof q[field] === 'string', `${where}.${field}: must be a string`);
  need(
    q.facts === undefined ||
      (Array.isArray(q.facts) &&
        q.facts.every((f) => isObject(f) && isText(f.code) && typeof f.source === 'string')),
    `${where}.facts: each fact needs a code and a source`,
  );
  need(Array.isArray(q.options), `${where}.options: required`);
  const options = q.options as unknown[];
  need(options.length >= 2 && options.length <= MAX_OPTIONS, `${where}: needs 2 to ${MAX_OPTIONS} options`);
  need(
    options.every((o) => isObject(o) && isText(o.id) && typeof o.label === 'string'),
    `${where}.options: each option needs an id and a label`,
  );
  const ids = options.map((o) => (o as Option).id);
  need(new Set(ids).size === ids.length, `${where}.options: option ids must be unique`);
}

/** Parses and checks the manifest's exact string (SPEC §1, verifier check `manifest`). Throws ManifestError. */
export function parseManifest(manifestText: string): Manifest {
  let m: unknown;
  try {
    m = JSON.parse(manifestText);
  } catch {
    throw new ManifestError('manifest: not valid JSON');
  }
  need(isObject(m), 'manifest: not a JSON object');
  need(m.protocol === PROTOCOL, `manifest.protocol: must be "${PROTOCOL}"`);
  for (const field of ['meetingId', 'title', 'organisation', 'ruleSet'] as const)
    need(isText(m[field]), `manifest.${field}: required`);
  need(
    m.kind === 'classification' || m.kind === 'confidence' || m.kind === 'motion',
    'manifest.kind: classification, confidence or motion',
  );
  need(isCount(m.electorate), 'manifest.electorate: a whole number');
  const t = m.trustees;
  need(
    isObject(t) && Number.isInteger(t.n) && Number.isInteger(t.k),
    'manifest.trustees: { n, k } whole numbers',
  );
  const { n, k } = t as { n: number; k: number };
  need(
    n >= 1 && n <= MAX_TRUSTEES && k >= 1 && k <= n,
    `manifest.trustees: need 1 ≤ k ≤ n ≤ ${MAX_TRUSTEES}`,
  );
  need(isObject(m.settings), 'manifest.settings: an object');
  need(Array.isArray(m.questions) && m.questions.length > 0, 'manifest.questions: at least one question');
  (m.questions as unknown[]).forEach(checkQuestion);
  const ids = (m.questions as Question[]).map((q) => q.id);
  need(new Set(ids).size === ids.length, 'manifest.questions: question ids must be unique');
  return m as Manifest;
}

/** manifestHash = H("phieukin/v1/manifest", manifestBytes). */
export function manifestHash(manifestText: string): Uint8Array {
  return H(TAG.manifest, utf8ToBytes(manifestText));
}

/** ctx = H("phieukin/v1/context", manifestHash, bytes(K)) (SPEC §1). */
export function contextHash(manifestHashBytes: Uint8Array, jointKey: Uint8Array): Uint8Array {
  return H(TAG.context, manifestHashBytes, jointKey);
}
