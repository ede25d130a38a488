// `phieukin simulate`: plays the organiser, the vote-counting board and N phones against a running server
// over real HTTP, with the same crypto as the pages, runs a whole meeting, prints one summary line and
// writes the record. The organiser is a sandbox branch opened with the operator key (beside the database).
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ClientResponse, hc } from 'hono/client';
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
  type Receipt,
  receiptValid,
  startCeremony,
  type TrusteeKeyShare,
} from '../../crypto/index.ts';
import type { AppType } from '../app.ts';
import { spawnTypeScriptWorker } from '../typescript-worker.ts';
import { parsedOrUsage } from './arguments.ts';
import { progressLine } from './progress.ts';
import type { PhoneBallot, PhoneJob } from './simulate-phone.ts';

const USAGE = `Usage: phieukin simulate --url URL --voters N [--questions M] [--concurrency C] [--over S]
       [--out FILE] [--trustees n/k] [--rule-set ID] [--operator-key FILE]
  Runs a whole meeting against the server at URL with N phones submitting C at a time (default: all), or,
  with --over S, the N phones arriving one after another, evenly spread over S seconds (a room).
  The operator key is read from --operator-key, PHIEUKIN_OPERATOR_KEY, or the file operator-key beside
  PHIEUKIN_DB (default ./data/operator-key).`;

export type SimulationOptions = {
  url: string;
  voters: number;
  questions: number;
  concurrency: number;
  /** Seconds over which the phones' submissions are spread evenly (0: as fast as `concurrency` allows). */
  over?: number;
  trustees: { n: number; k: number };
  ruleSet?: string;
  operatorKey: string;
  onProgress?: (stage: string, done: number, total: number) => void;
  /**
   * Runs each of the server's heavy requests (a cast, with its answer read; the close; a decryption share),
   * so that a bench can read the server's CPU time just before and after each one (bench/worker.ts).
   */
  around?: <T>(work: ServerWork, send: () => Promise<T>) => Promise<T>;
};

/** The requests `around` sees, in the order a meeting makes them. */
export type ServerWork = 'cast' | 'close' | 'tally' | 'share' | 'result';

export type SimulationResult = {
  meetingId: string;
  accepted: number;
  refused: string[];
  latencies: number[];
  /** The server's time from the close to the proposals: its answers to close, tally, shares and result. */
  closeMs: number;
  totalMs: number;
  record: MeetingRecord;
};

class HttpError extends Error {}

/** The cast's answer: a receipt (201, 200 for the same ballot again) or an error. */
type CastAnswer = { receipt?: Receipt; confirmationCode?: string; error?: { code: string } };

/**
 * A kept-alive connection the server closed just as it was reused: the request never reached the server,
 * so it is sent again (phones do the same; a repeated ballot gets the same receipt).
 */
function droppedConnection(error: Error): boolean {
  const code = (error.cause as { code?: string } | undefined)?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

/** The API through Hono's typed client (`hc<AppType>`), with a cookie and the headers of its role. */
function client(base: string, headers: Record<string, string> = {}) {
  let cookie = '';
  const send: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    for (let tries = 1; ; tries++) {
      const sent = new Headers(request.headers);
      sent.set('accept-language', 'en');
      for (const [name, value] of Object.entries(headers)) sent.set(name, value);
      if (cookie) sent.set('cookie', cookie);
      try {
        const response = await fetch(request.clone(), { headers: sent });
        const setCookie = response.headers.get('set-cookie');
        if (setCookie) cookie = setCookie.split(';')[0]!;
        return response;
      } catch (error) {
        if (tries < 3 && droppedConnection(error as Error)) continue;
        throw new Error(`${request.method} ${request.url}: ${(error as Error).message}`, {
          cause: (error as Error).cause,
        });
      }
    }
  };
  return { api: hc<AppType>(base, { fetch: send }).api, headers };
}

/** The answer's JSON; an error answer becomes an HttpError naming its code and message. */
async function ok<T>(request: Promise<ClientResponse<T>>): Promise<T> {
  const response = await request;
  if (response.status >= 300) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    throw new HttpError(`${response.url}: ${response.status} ${body?.error?.code}: ${body?.error?.message}`);
  }
  return response.json() as Promise<T>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Phones encrypt on worker threads, as real phones do in parallel while their voters read. */
export async function encryptOnPhones(
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
  const around = o.around ?? (<T>(_: ServerWork, send: () => Promise<T>) => send());
  const base = o.url.replace(/\/$/, '');
  const organiser = client(base);
  const login = await ok(organiser.api.auth.operator.$post({ json: { key: o.operatorKey } }));
  organiser.headers['x-csrf-token'] = login.csrfToken;

  const people = Math.max(o.voters, o.questions);
  const members = Array.from({ length: people }, (_, i) => ({
    id: `DV${String(i + 1).padStart(4, '0')}`,
    name: `Đảng viên mô phỏng ${i + 1}`,
    status: 'official' as const,
    role: i === 0 ? ('secretary' as const) : ('member' as const),
    proposedLevel: i % 7 === 0 ? ('htxsnv' as const) : ('httnv' as const),
  }));
  await ok(organiser.api.roster.$put({ json: { members } }));
  const meeting = await ok(
    organiser.api.meetings.$post({
      json: {
        title: `Mô phỏng: ${o.voters} phiếu, ${o.questions} câu hỏi`,
        kind: 'classification',
        ...(o.ruleSet ? { ruleSet: o.ruleSet } : {}),
        trustees: o.trustees,
        subjects: members.slice(0, o.questions).map((m) => m.id),
      },
    }),
  );
  const id: string = meeting.id;
  const manifest: string = meeting.manifest;
  const param = { id };
  const { code } = await ok(organiser.api.meetings[':id']['trustee-code'].$post({ param }));
  const board = client(base, { 'x-trustee-code': code });

  const mh = manifestHash(manifest);
  const { n, k } = o.trustees;
  const trustees = Array.from({ length: n }, (_, i) => startCeremony(mh, { round: 1, index: i + 1, n, k }));
  for (const t of trustees)
    await ok(board.api.meetings[':id'].ceremony.commitments.$post({ param, json: t.commitments }));
  const afterCommitments = await ok(board.api.meetings[':id'].ceremony.$get({ param }));
  for (const t of trustees)
    await ok(
      board.api.meetings[':id'].ceremony.shares.$post({
        param,
        json: dealShares(mh, t.secrets, afterCommitments.commitments),
      }),
    );
  const afterShares = await ok(board.api.meetings[':id'].ceremony.$get({ param }));
  const keyShares: TrusteeKeyShare[] = [];
  for (const t of trustees) {
    const { ack, keyShare } = finishCeremony(mh, t.secrets, afterShares.commitments, afterShares.shares);
    if (!keyShare) throw new Error(`trustee ${t.secrets.index} complained`);
    keyShares.push(keyShare);
    await ok(board.api.meetings[':id'].ceremony.acks.$post({ param, json: ack }));
  }
  progress('ceremony', 1, 1);

  const tokens = Array.from({ length: o.voters }, () => newToken());
  const cards = tokens.map((token, i) => ({
    serial: i + 1,
    pk: base64url(credentialFromToken(id, token).pk),
  }));
  for (let i = 0; i < cards.length; i += 2000) {
    await ok(organiser.api.meetings[':id'].cards.$post({ param, json: { cards: cards.slice(i, i + 2000) } }));
    await ok(
      organiser.api.meetings[':id'].cards.activate.$post({
        param,
        json: { from: i + 1, to: Math.min(cards.length, i + 2000) },
      }),
    );
  }
  await ok(
    organiser.api.meetings[':id'].attendance.$put({ param, json: { summoned: people, present: o.voters } }),
  );

  const view = await ok(client(base).api.vote[':id'].$get({ param }));
  if (!view.jointKey) throw new Error('the meeting has no joint key after the ceremony');
  const jointKey = view.jointKey.K;
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
  const ballots = await encryptOnPhones({ manifest, jointKey, meetingId: id }, phones, (done) =>
    progress('phones encrypting', done, o.voters),
  );

  await ok(organiser.api.meetings[':id'].open.$post({ param }));
  const serverKey = (await ok(client(base).api.vote[':id'].$get({ param }))).serverKey!;
  const latencies: number[] = [];
  const refused: string[] = [];
  let accepted = 0;
  const submit = async (mine: PhoneBallot) => {
    const sent = performance.now();
    try {
      const { status, body } = await around('cast', async () => {
        const reply = await client(base).api.vote[':id'].ballots.$post({ param, json: mine.ballot });
        return { status: reply.status, body: (await reply.json().catch(() => null)) as CastAnswer | null };
      });
      latencies.push(performance.now() - sent);
      if (status === 201 && body?.receipt) {
        if (receiptValid(body.receipt, serverKey) && body.confirmationCode === mine.confirmationCode)
          accepted++;
        else refused.push('201 bad receipt');
      } else {
        refused.push(`${status} ${body?.error?.code ?? ''}`);
      }
    } catch (error) {
      refused.push(`failed: ${(error as Error).message}`);
    }
    progress('ballots submitted', accepted + refused.length, ballots.length);
  };
  const over = o.over ?? 0;
  if (over > 0) {
    // a room: phone i submits at i·S/N seconds, whatever the server's answers to the others
    const start = performance.now();
    await Promise.all(
      ballots.map(async (mine, i) => {
        const at = start + (i * over * 1000) / ballots.length;
        await new Promise((resolveWait) => setTimeout(resolveWait, Math.max(0, at - performance.now())));
        await submit(mine);
      }),
    );
  } else {
    let next = 0;
    const phone = async () => {
      while (next < ballots.length) await submit(ballots[next++]!);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, ballots.length)) }, phone));
  }

  // the server's time from the close to the proposals: the trustees' phones' work is not counted
  let closeMs = 0;
  const served = async <T>(work: ServerWork, send: () => Promise<T>): Promise<T> => {
    const sent = performance.now();
    const answer = await around(work, send);
    closeMs += performance.now() - sent;
    return answer;
  };
  await served('close', () => ok(organiser.api.meetings[':id'].close.$post({ param })));
  const counting = await served('tally', () => ok(board.api.meetings[':id'].tally.$get({ param })));
  const mc = meetingContext(manifest, jointKey);
  const tally = decodeTally(mc, counting.tally!);
  const present = keyShares.slice(n - k);
  const decrypted = present.map((keyShare) => decryptionShare(mc, keyShare, tally));
  for (const share of decrypted)
    await served('share', () => ok(board.api.meetings[':id'].shares.$post({ param, json: share })));
  const { resultPayload } = await served('result', () =>
    ok(board.api.meetings[':id'].result.$get({ param })),
  );
  for (const keyShare of present)
    await ok(
      board.api.meetings[':id'].certifications.$post({
        param,
        json: certifyResult(mh, resultPayload, keyShare.index, keyShare.signingKey),
      }),
    );
  const record = (await ok(client(base).api.meetings[':id'].record.$get({ param }))) as MeetingRecord;
  return {
    meetingId: id,
    accepted,
    refused,
    latencies,
    closeMs,
    totalMs: performance.now() - started,
    record,
  };
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

function parse(args: string[]): SimulationOptions & { out?: string; over: number } {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      voters: { type: 'string' },
      questions: { type: 'string', default: '10' },
      concurrency: { type: 'string' },
      over: { type: 'string', default: '0' },
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
    over: whole(values.over, 'over', 0, 3600),
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
      `; submit → receipt${options.over > 0 ? ` (arriving over ${options.over} s)` : ''} p50 ${s(percentile(sorted, 50))}, p99 ${s(percentile(sorted, 99))}` +
      `; close → proposals (server) ${s(result.closeMs)}` +
      `; total ${s(result.totalMs)}; meeting ${result.meetingId}` +
      (options.out ? `; record ${options.out} (${result.record.events.length} events)` : ''),
  );
  return result.accepted === options.voters ? 0 : 1;
}
