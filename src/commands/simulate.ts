// `phieukin simulate`: plays the organiser, the vote-counting board and N phones against a running server
// over real HTTP, with the same crypto as the pages, runs a whole meeting, prints one summary line and
// writes the record. The organiser is a sandbox branch opened with the operator key (beside the database).
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  base64url,
  type Choices,
  certifyResult,
  credentialFromToken,
  dealShares,
  decodeTally,
  decryptionShare,
  finishCeremony,
  type MeetingRecord,
  manifestHash,
  meetingContext,
  newToken,
  receiptValid,
  startCeremony,
  type TrusteeKeyShare,
} from '../../crypto/index.ts';
import { spawnTypeScriptWorker } from '../server/verifier-pool.ts';
import { parsedOrUsage } from './arguments.ts';
import { progressLine } from './progress.ts';
import type { PhoneBallot, PhoneJob } from './simulate-phone.ts';

const USAGE = `Usage: phieukin simulate --url URL --voters N [--questions M] [--concurrency C] [--out FILE]
       [--trustees n/k] [--rule-set ID] [--operator-key FILE]
  Runs a whole meeting against the server at URL with N phones submitting C at a time (default: all).
  The operator key is read from --operator-key, PHIEUKIN_OPERATOR_KEY, or the file operator-key beside
  PHIEUKIN_DB (default ./data/operator-key).`;

export type SimulationOptions = {
  url: string;
  voters: number;
  questions: number;
  concurrency: number;
  trustees: { n: number; k: number };
  ruleSet?: string;
  operatorKey: string;
  onProgress?: (stage: string, done: number, total: number) => void;
};

export type SimulationResult = {
  meetingId: string;
  accepted: number;
  refused: string[];
  latencies: number[];
  totalMs: number;
  record: MeetingRecord;
};

class HttpError extends Error {}

/**
 * A kept-alive connection the server closed just as it was reused: the request never reached the server,
 * so it is sent again (phones do the same; a repeated ballot gets the same receipt).
 */
function droppedConnection(error: Error): boolean {
  const code = (error.cause as { code?: string } | undefined)?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

/** One HTTP client with a cookie and the headers of its role. */
function client(base: string, headers: Record<string, string> = {}) {
  let cookie = '';
  const attempt = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        'accept-language': 'en',
        ...headers,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const send = async (method: string, path: string, body?: unknown) => {
    let response: Response | undefined;
    for (let tries = 1; !response; tries++) {
      response = await attempt(method, path, body).catch((error: Error) => {
        if (tries < 3 && droppedConnection(error)) return undefined;
        throw new Error(`${method} ${path}: ${error.message}`, { cause: error.cause });
      });
    }
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    // biome-ignore lint/suspicious/noExplicitAny: the server's JSON replies, read field by field
    const json = (await response.json()) as Record<string, any>;
    return { status: response.status, json };
  };
  const expect = async (method: string, path: string, body?: unknown) => {
    const reply = await send(method, path, body);
    if (reply.status >= 300) {
      const error = reply.json.error as { code: string; message: string } | undefined;
      throw new HttpError(`${method} ${path}: ${reply.status} ${error?.code}: ${error?.message}`);
    }
    return reply.json;
  };
  return { send, expect, headers };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Phones encrypt on worker threads, as real phones do in parallel while their voters read. */
async function encryptOnPhones(
  job: Omit<PhoneJob, 'phones'>,
  phones: PhoneJob['phones'],
  progress: (done: number) => void,
): Promise<PhoneBallot[]> {
  const threads = Math.max(1, Math.min(availableParallelism(), phones.length));
  const per = Math.ceil(phones.length / threads);
  let done = 0;
  const parts = Array.from({ length: threads }, (_, t) => phones.slice(t * per, (t + 1) * per)).filter(
    (part) => part.length > 0,
  );
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<PhoneBallot[]>((resolveBallots, reject) => {
          const worker = spawnTypeScriptWorker(new URL('./simulate-phone.ts', import.meta.url));
          worker.on('message', (message: { progress?: number; ballots?: PhoneBallot[] }) => {
            if (message.progress) progress(++done);
            if (message.ballots) {
              resolveBallots(message.ballots);
              void worker.terminate();
            }
          });
          worker.on('error', reject);
          worker.postMessage({ ...job, phones: part } satisfies PhoneJob);
        }),
    ),
  );
  return results.flat();
}

export async function simulate(o: SimulationOptions): Promise<SimulationResult> {
  const started = performance.now();
  const progress = o.onProgress ?? (() => {});
  const base = o.url.replace(/\/$/, '');
  const organiser = client(base);
  const login = await organiser.expect('POST', '/api/auth/operator', { key: o.operatorKey });
  organiser.headers['x-csrf-token'] = login.csrfToken;

  const people = Math.max(o.voters, o.questions);
  const members = Array.from({ length: people }, (_, i) => ({
    id: `DV${String(i + 1).padStart(4, '0')}`,
    name: `Đảng viên mô phỏng ${i + 1}`,
    status: 'official',
    role: i === 0 ? 'secretary' : 'member',
    proposedLevel: i % 7 === 0 ? 'htxsnv' : 'httnv',
  }));
  await organiser.expect('PUT', '/api/roster', { members });
  const meeting = await organiser.expect('POST', '/api/meetings', {
    title: `Mô phỏng: ${o.voters} phiếu, ${o.questions} câu hỏi`,
    kind: 'classification',
    ...(o.ruleSet ? { ruleSet: o.ruleSet } : {}),
    trustees: o.trustees,
    subjects: members.slice(0, o.questions).map((m) => m.id),
  });
  const id: string = meeting.id;
  const manifest: string = meeting.manifest;
  const path = (rest: string) => `/api/meetings/${id}${rest}`;
  const { code } = await organiser.expect('POST', path('/trustee-code'));
  const board = client(base, { 'x-trustee-code': code });

  const mh = manifestHash(manifest);
  const { n, k } = o.trustees;
  const trustees = Array.from({ length: n }, (_, i) => startCeremony(mh, { round: 1, index: i + 1, n, k }));
  for (const t of trustees) await board.expect('POST', path('/ceremony/commitments'), t.commitments);
  const afterCommitments = await board.expect('GET', path('/ceremony'));
  for (const t of trustees)
    await board.expect(
      'POST',
      path('/ceremony/shares'),
      dealShares(mh, t.secrets, afterCommitments.commitments),
    );
  const afterShares = await board.expect('GET', path('/ceremony'));
  const keyShares: TrusteeKeyShare[] = [];
  for (const t of trustees) {
    const { ack, keyShare } = finishCeremony(mh, t.secrets, afterShares.commitments, afterShares.shares);
    if (!keyShare) throw new Error(`trustee ${t.secrets.index} complained`);
    keyShares.push(keyShare);
    await board.expect('POST', path('/ceremony/acks'), ack);
  }
  progress('ceremony', 1, 1);

  const tokens = Array.from({ length: o.voters }, () => newToken());
  const cards = tokens.map((token, i) => ({
    serial: i + 1,
    pk: base64url(credentialFromToken(id, token).pk),
  }));
  for (let i = 0; i < cards.length; i += 2000) {
    await organiser.expect('POST', path('/cards'), { cards: cards.slice(i, i + 2000) });
    await organiser.expect('POST', path('/cards/activate'), {
      from: i + 1,
      to: Math.min(cards.length, i + 2000),
    });
  }
  await organiser.expect('PUT', path('/attendance'), { summoned: people, present: o.voters });

  const view = await client(base).expect('GET', `/api/vote/${id}`);
  const questions = JSON.parse(manifest).questions as { proposed?: string; options: { id: string }[] }[];
  const phones = tokens.map((token) => ({
    token,
    choices: questions.map((q): number | null => {
      const roll = Math.random();
      if (roll < 0.05) return null;
      if (roll < 0.2) return Math.floor(Math.random() * q.options.length);
      return Math.max(
        0,
        q.options.findIndex((opt) => opt.id === q.proposed),
      );
    }) satisfies Choices,
  }));
  const ballots = await encryptOnPhones(
    { manifest, jointKey: view.jointKey.K, meetingId: id },
    phones,
    (done) => progress('phones encrypting', done, o.voters),
  );

  await organiser.expect('POST', path('/open'));
  const serverKey: string = (await client(base).expect('GET', `/api/vote/${id}`)).serverKey;
  const latencies: number[] = [];
  const refused: string[] = [];
  let accepted = 0;
  let next = 0;
  const phone = async () => {
    while (next < ballots.length) {
      const mine = ballots[next++]!;
      const sent = performance.now();
      const reply = await client(base).send('POST', `/api/vote/${id}/ballots`, mine.ballot);
      latencies.push(performance.now() - sent);
      const ok =
        reply.status === 201 &&
        receiptValid(reply.json.receipt, serverKey) &&
        reply.json.confirmationCode === mine.confirmationCode;
      if (ok) accepted++;
      else refused.push(`${reply.status} ${reply.json.error?.code ?? 'bad receipt'}`);
      progress('ballots submitted', accepted + refused.length, ballots.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, ballots.length)) }, phone));

  await organiser.expect('POST', path('/close'));
  const counting = await board.expect('GET', path('/tally'));
  const mc = meetingContext(manifest, view.jointKey.K);
  const tally = decodeTally(mc, counting.tally);
  const present = keyShares.slice(n - k);
  for (const keyShare of present)
    await board.expect('POST', path('/shares'), decryptionShare(mc, keyShare, tally));
  const { resultPayload } = await board.expect('GET', path('/result'));
  for (const keyShare of present)
    await board.expect(
      'POST',
      path('/certifications'),
      certifyResult(mh, resultPayload, keyShare.index, keyShare.signingKey),
    );
  const record = (await client(base).expect('GET', path('/record'))) as MeetingRecord;
  return { meetingId: id, accepted, refused, latencies, totalMs: performance.now() - started, record };
}

function whole(value: string | undefined, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(
      `--${name}: cần số nguyên từ ${min} đến ${max} / expected a whole number from ${min} to ${max}`,
    );
  return n;
}

function operatorKey(file: string | undefined): string {
  if (!file && process.env.PHIEUKIN_OPERATOR_KEY) return process.env.PHIEUKIN_OPERATOR_KEY;
  const db = resolve(process.env.PHIEUKIN_DB ?? './data/phieukin.db');
  const path = file ?? join(dirname(db), 'operator-key');
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    throw new Error(
      `không đọc được khóa vận hành ${path} (chạy trên máy chủ, hoặc --operator-key) / cannot read the operator key ${path} (run beside the server, or pass --operator-key)`,
    );
  }
}

function parse(args: string[]): SimulationOptions & { out?: string } {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      voters: { type: 'string' },
      questions: { type: 'string', default: '10' },
      concurrency: { type: 'string' },
      out: { type: 'string' },
      trustees: { type: 'string', default: '3/2' },
      'rule-set': { type: 'string' },
      'operator-key': { type: 'string' },
    },
  });
  if (!values.url) throw new Error('--url: cần địa chỉ máy chủ / the server address is required');
  const voters = whole(values.voters, 'voters', 1, 2000);
  const [n, k] = (values.trustees ?? '').split('/');
  const trustees = { n: whole(n, 'trustees (n)', 1, 15), k: whole(k, 'trustees (k)', 1, 15) };
  if (trustees.k > trustees.n) throw new Error('--trustees: k phải ≤ n / k must be at most n');
  return {
    url: values.url,
    voters,
    questions: whole(values.questions, 'questions', 1, 500),
    concurrency:
      values.concurrency === undefined ? voters : whole(values.concurrency, 'concurrency', 1, 10_000),
    trustees,
    ruleSet: values['rule-set'],
    operatorKey: operatorKey(values['operator-key']),
    out: values.out,
  };
}

export async function run(args: string[]): Promise<number> {
  const options = parsedOrUsage(USAGE, () => parse(args));
  if (!options) return 2;
  const show = progressLine();
  let result: SimulationResult;
  try {
    result = await simulate({ ...options, onProgress: show });
  } catch (e) {
    show.done();
    const cause = (e as Error).cause as Error | undefined;
    console.error(`simulate: ${(e as Error).message}${cause ? ` (${cause.message})` : ''}`);
    return 1;
  }
  show.done();
  if (options.out) writeFileSync(options.out, `${JSON.stringify(result.record)}\n`);
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `accepted ${result.accepted}/${options.voters} ballots` +
      (result.refused.length ? ` (refused: ${[...new Set(result.refused)].join(', ')})` : '') +
      `; submit latency p50 ${s(percentile(sorted, 50))}, p99 ${s(percentile(sorted, 99))}` +
      `; total ${s(result.totalMs)}; meeting ${result.meetingId}` +
      (options.out ? `; record ${options.out} (${result.record.events.length} events)` : ''),
  );
  return result.accepted === options.voters ? 0 : 1;
}
