// `npm run bench:server`: the server's heavy work for one meeting of BENCH_BALLOTS ballots (default 100) of
// 100 questions × 4 options, done by the verifier pool as the server does it, beside the same work done
// the naive way (every statement checked one by one, the tally summed afresh at close), so every speed-up
// is a ratio measured in one run. One table; the figures are wall-clock times on this machine, with the
// CPU time the process spent beside them and the load average while they ran (the machine may be shared).
// The end-to-end figures over HTTP (the store, the routes, the phones' connections) are
// `phieukin simulate`'s.
import { availableParallelism, loadavg } from 'node:os';
import {
  ballotStatements,
  type Choices,
  combineShares,
  dealShares,
  decodeTally,
  decryptionShare,
  failingShareProofs,
  failingStatements,
  finishCeremony,
  jointKeyPayload,
  manifestHash,
  meetingContext,
  newToken,
  shareStatements,
  startCeremony,
  verificationKeysOf,
} from '../crypto/index.ts';
import { createVerifierPool } from '../src/check-pool/pool.ts';
import { inlineVerifier } from '../src/check-pool/verifier.ts';
import { encryptOnPhones } from '../src/commands/simulate.ts';
import { benchManifest } from './manifest.ts';

const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 100);
/** The room: the ballots arrive one after another, evenly over this many seconds. */
const OVER = Number(process.env.BENCH_OVER ?? 60);
const QUESTIONS = 100;
const OPTIONS = 4;
const TRUSTEES = { n: 3, k: 2 };

const manifest = benchManifest({
  meetingId: 'bench-server',
  electorate: BALLOTS,
  questions: QUESTIONS,
  options: OPTIONS,
  trustees: TRUSTEES,
});
const manifestText = JSON.stringify(manifest);
const mh = manifestHash(manifestText);
const trustees = [1, 2, 3].map((index) => startCeremony(mh, { round: 1, index, ...TRUSTEES }));
const commitments = trustees.map((t) => t.commitments);
const dealt = trustees.map((t) => dealShares(mh, t.secrets, commitments));
const keyShares = trustees.map((t) => finishCeremony(mh, t.secrets, commitments, dealt).keyShare!);
const jointKeyFull = jointKeyPayload(mh, 1, commitments);
const jointKey = jointKeyFull.K;
const mc = meetingContext(manifestText, jointKey);
const meeting = { manifest: manifestText, jointKey };

const phones = Array.from({ length: BALLOTS }, (_, i) => ({
  token: newToken(),
  choices: manifest.questions.map((_, q) => (q % 10 === 0 ? null : (q + i) % OPTIONS)) satisfies Choices,
}));
// the phones' ballots, made on worker threads as `phieukin simulate` makes them
const made = await encryptOnPhones(
  { manifest: manifestText, jointKey, meetingId: manifest.meetingId },
  phones,
  (done) => process.stderr.write(`\rencrypting ballots: ${done}/${BALLOTS}`),
);
process.stderr.write('\n');
const ballots = made.map((b) => b.ballot);

type Row = { work: string; ours: number; naive?: number; cpu?: number; load?: number };
const rows: Row[] = [];

/** Wall-clock time, this process's CPU time (all threads) and the 1-minute load average at the end. */
async function measured<T>(
  f: () => Promise<T> | T,
): Promise<{ ms: number; cpu: number; load: number; out: T }> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const out = await f();
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000, load: loadavg()[0]!, out };
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]!;

const THREADS = Math.min(8, availableParallelism());
// the pool's threads do not hold the process open (a server's listener does): this does, until the end
const keepAlive = setInterval(() => {}, 1000);
const pool = createVerifierPool({ size: THREADS });
await Promise.all(
  Array.from({ length: THREADS }, () =>
    pool.verifyBallot({ meeting, ballot: ballots[0], payload: JSON.stringify(ballots[0]) }),
  ),
);

/** Submits the ballots to the pool, ballot i at i·spacing ms; the verdicts and each one's latency. */
async function submitted(spacing: number) {
  const latencies: number[] = [];
  const start = performance.now();
  const verdicts = await Promise.all(
    ballots.map(async (ballot, i) => {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, start + i * spacing - performance.now())),
      );
      const sent = performance.now();
      // as the server does: the body's object, and its text once for the store and the pool's thread
      const verdict = await pool.verifyBallot({ meeting, ballot, payload: JSON.stringify(ballot) });
      latencies.push(performance.now() - sent);
      return verdict;
    }),
  );
  if (!verdicts.every((v) => v.ok)) throw new Error('a ballot does not verify');
  latencies.sort((a, b) => a - b);
  return { verdicts, latencies };
}

// Receipts, all at once: the pool batches those that wait. Naive: one ballot, every statement alone.
const burst = await measured(() => submitted(0));
const naiveOne = await measured(() => {
  if (failingStatements(ballotStatements(mc, ballots.at(-1)).items).length > 0) throw new Error('bad ballot');
});
rows.push({ work: 'one ballot checked (CPU time)', ours: burst.cpu / BALLOTS, naive: naiveOne.cpu });
rows.push({
  work: `${BALLOTS} ballots at once: all verdicts`,
  ours: burst.ms,
  cpu: burst.cpu,
  load: burst.load,
});
rows.push({ work: '  submit → verdict p50', ours: percentile(burst.out.latencies, 50) });
rows.push({ work: '  submit → verdict p99', ours: percentile(burst.out.latencies, 99) });

// Receipts in a room: the same ballots arriving evenly over OVER seconds.
const room = await measured(() => submitted((OVER * 1000) / BALLOTS));
rows.push({
  work: `${BALLOTS} ballots over ${OVER} s: submit → verdict p50`,
  ours: percentile(room.out.latencies, 50),
  cpu: room.cpu,
  load: room.load,
});
rows.push({ work: '  submit → verdict p99', ours: percentile(room.out.latencies, 99) });

// Close: the running tally the pool kept as the store accepted each ballot, against summing afresh.
const stored = ballots.map((ballot, i) => ({ height: 10 + i, payload: JSON.stringify(ballot) }));
room.out.verdicts.forEach((v, i) => {
  if (v.ok) pool.ballotAccepted({ meeting, ballotHash: v.ballotHash, height: stored[i]!.height });
});
const running = await measured(() => pool.sumBallots({ meeting, ballots: stored }));
const afresh = await measured(() => inlineVerifier.sumBallots({ meeting, ballots: stored }));
if (JSON.stringify(running.out) !== JSON.stringify(afresh.out)) throw new Error('the running tally differs');
rows.push({
  work: `close: encrypted tally of ${BALLOTS} ballots`,
  ours: running.ms,
  naive: afresh.ms,
  cpu: running.cpu,
  load: running.load,
});

// Then the trustees' shares (made on their phones, not timed), each checked on arrival, and the counts.
const tally = running.out;
const decoded = decodeTally(mc, tally);
const present = keyShares.slice(TRUSTEES.n - TRUSTEES.k);
const shares = present.map((keyShare) => decryptionShare(mc, keyShare, decoded));
const keys = verificationKeysOf(jointKeyFull);
const encodedKey = (index: number) => jointKeyFull.verificationKeys.find((v) => v.index === index)!.key;
const checked = await measured(async () => {
  for (const share of shares) {
    const verdict = await pool.verifyShare({
      meeting,
      verificationKey: encodedKey(share.index),
      tally,
      share,
    });
    if (!verdict.ok) throw new Error(verdict.problems.join('; '));
  }
  return pool.combine({ meeting, tally, shares, ballots: BALLOTS });
});
const naiveShares = await measured(() => {
  const D = new Map(
    shares.map((share) => {
      const { D, items } = shareStatements(mc, keys.get(share.index)!, decoded, share);
      if (failingShareProofs(items).length > 0) throw new Error('bad share');
      return [share.index, D] as const;
    }),
  );
  return combineShares(mc, decoded, D, BALLOTS);
});
if (JSON.stringify(checked.out) !== JSON.stringify(naiveShares.out)) throw new Error('the counts differ');
rows.push({
  work: `close: ${TRUSTEES.k} shares checked, counts combined`,
  ours: checked.ms,
  naive: naiveShares.ms,
  cpu: checked.cpu,
  load: checked.load,
});
rows.push({
  work: 'close → counts (server side, both)',
  ours: running.ms + checked.ms,
  naive: afresh.ms + naiveShares.ms,
  cpu: running.cpu + checked.cpu,
});
await pool.close();
clearInterval(keepAlive);

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `phieukin bench:server — ${BALLOTS} ballots of ${QUESTIONS}×${OPTIONS}, ${THREADS} verifier threads, ` +
    `${availableParallelism()} cores`,
);
console.log('| work | this project | naive (one by one, summed afresh) | ratio | CPU time | load |');
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.work} | ${s(r.ours)} | ${r.naive === undefined ? '' : s(r.naive)} | ` +
      `${r.naive === undefined ? '' : `${(r.naive / r.ours).toFixed(1)}×`} | ` +
      `${r.cpu === undefined ? '' : s(r.cpu)} | ${r.load === undefined ? '' : r.load.toFixed(1)} |`,
  );
