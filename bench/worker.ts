// `npm run bench:worker`: the Workers CPU time of one meeting's requests, under `npm run dev:worker` (wrangler
// dev --local, a fresh local D1 in a temporary directory, a free port). `phieukin simulate` plays a
// classification meeting of BENCH_VOTERS (default 20) voters × 100 questions × 4 options against it; the
// phones encrypt before the poll opens, then the ballots are cast one at a time, and the CPU time of the
// workerd processes (every process named workerd under dev:worker; an upper bound for the Worker, since the
// local D1 runs in them too) is read from /proc just before and after each cast, the close and the shares.
// JSON lines as bench/verify.ts prints them, with the load average beside them (the machine may be shared).
// Linux only (/proc). The whole process tree is ended at the end, whatever happened.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ServerWork, simulate } from '../src/commands/simulate.ts';
import { emit } from './figures.ts';
import { cpuNanoseconds, processTree } from './process-tree.ts';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 20);
const QUESTIONS = 100;
const READY_WITHIN_MS = 180_000;
const ROOT = resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

/** Starts `npm run dev:worker` in a process group of its own and waits for wrangler's "Ready on". */
function startDevWorker(port: number, state: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn('npm', ['run', 'dev:worker', '--', '--persist-to', state], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const ready = new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`dev:worker not ready after ${READY_WITHIN_MS / 1000} s:\n${output}`)),
      READY_WITHIN_MS,
    );
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready on http/.test(output)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('error', (error) => reject(new Error(`cannot start npm run dev:worker: ${error.message}`)));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`dev:worker exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  // an exit after the ready line is reported by the failing requests; this keeps it from being unhandled
  ready.catch(() => {});
  return { child, ready };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Ends the group and every process found under it (workerd may have left the group), then kills. */
async function endTree(child: ChildProcess): Promise<void> {
  if (!child.pid) return;
  const pids = processTree(child.pid).map((p) => p.pid);
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  signal(-child.pid, 'SIGTERM');
  for (const pid of pids) signal(pid, 'SIGTERM');
  for (let waited = 0; waited < 5000 && pids.some(alive); waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  signal(-child.pid, 'SIGKILL');
  for (const pid of pids.filter(alive)) signal(pid, 'SIGKILL');
}

const ms = (ns: number) => ns / 1e6;
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
/** Nearest rank, as `phieukin simulate` reports its percentiles. */
const percentile = (values: number[], p: number) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

function workerdVersion(): string {
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'workerd'), ['--version'], { encoding: 'utf8' });
  return run.stdout?.trim().replace(/^workerd\s+/, '') || 'unknown';
}

type Reading = { workerd: number; tree: number; at: number };
type Measured = { work: ServerWork; workerdMs: number; treeMs: number; wallMs: number };

async function main(): Promise<void> {
  if (!existsSync('/proc/self/task')) throw new Error('bench:worker reads /proc: it runs on Linux only');
  if (!Number.isInteger(VOTERS) || VOTERS < 1) throw new Error('BENCH_VOTERS: expected a whole number ≥ 1');
  const loadAtStart = loadavg()[0]!;
  const state = mkdtempSync(join(tmpdir(), 'phieukin-bench-d1-'));
  const port = await freePort();
  const { child, ready } = startDevWorker(port, state);
  const stop = () => {
    void endTree(child).finally(() => {
      rmSync(state, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await ready;
    const root = child.pid!;
    const read = (): Reading => {
      const tree = processTree(root);
      const workerd = tree.filter((p) => p.name === 'workerd');
      if (workerd.length === 0) throw new Error('no workerd process under npm run dev:worker');
      const sum = (ps: typeof tree) => ps.reduce((total, p) => total + cpuNanoseconds(p.pid), 0);
      return { workerd: sum(workerd), tree: sum(tree), at: performance.now() };
    };
    read();
    const measured: Measured[] = [];
    const casting: { first?: Reading; last?: Reading; load?: number } = {};
    const result = await simulate({
      url: `http://127.0.0.1:${port}`,
      voters: VOTERS,
      questions: QUESTIONS,
      concurrency: 1,
      trustees: { n: 3, k: 2 },
      operatorKey: readFileSync(join(ROOT, '.wrangler', 'operator-key'), 'utf8').trim(),
      onProgress: (stage, done, total) => process.stderr.write(`\r${stage}: ${done}/${total}   `),
      around: async (work, send) => {
        const before = read();
        const answer = await send();
        const after = read();
        if (work === 'cast') {
          casting.first ??= before;
          casting.load ??= loadavg()[0]!;
          casting.last = after;
        }
        measured.push({
          work,
          workerdMs: ms(after.workerd - before.workerd),
          treeMs: ms(after.tree - before.tree),
          wallMs: after.at - before.at,
        });
        return answer;
      },
    });
    process.stderr.write('\n');
    if (result.accepted !== VOTERS)
      throw new Error(
        `${result.accepted}/${VOTERS} ballots accepted (refused: ${[...new Set(result.refused)].join(', ')})`,
      );
    const of = (work: ServerWork) => measured.filter((m) => m.work === work);
    const casts = of('cast');
    const cpu = casts.map((m) => m.workerdMs);
    const shares = of('share');
    const phase = casting.first && casting.last ? casting.last.workerd - casting.first.workerd : Number.NaN;
    emit('workerd version', workerdVersion(), '');
    emit('ballots cast (one at a time)', casts.length, '');
    emit('cast: workerd CPU median', percentile(cpu, 50), 'ms');
    emit('cast: workerd CPU p90', percentile(cpu, 90), 'ms');
    emit('cast: workerd CPU max', Math.max(...cpu), 'ms');
    // between the casts too: what workerd does after answering (a collection, say) is counted here
    emit('cast: workerd CPU over the whole casting, per ballot', ms(phase) / casts.length, 'ms');
    emit(
      'cast: CPU of the whole dev:worker tree median',
      percentile(
        casts.map((m) => m.treeMs),
        50,
      ),
      'ms',
    );
    emit(
      'cast: wall median',
      percentile(
        casts.map((m) => m.wallMs),
        50,
      ),
      'ms',
    );
    emit(
      `close: workerd CPU (sum of ${casts.length} ballots)`,
      of('close')[0]?.workerdMs ?? Number.NaN,
      'ms',
    );
    emit('first decryption share (checked): workerd CPU', shares[0]?.workerdMs ?? Number.NaN, 'ms');
    emit(
      'last decryption share (checked, combined, rules): workerd CPU',
      shares.at(-1)?.workerdMs ?? Number.NaN,
      'ms',
    );
    emit('load average at the start', loadAtStart, '');
    emit('load average when the casting starts', casting.load ?? Number.NaN, '');
    emit('load average at the end', loadavg()[0]!, '');
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await endTree(child);
    rmSync(state, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`\nbench:worker: ${error.message}\n`);
  process.exitCode = 1;
});
