// `npm run bench:server`: the server's heavy work for one meeting of BENCH_BALLOTS ballots (default 100) of
// 100 questions × 4 options, done by the verifier pool as the server does it, beside the same work done
// the naive way (every statement checked one by one, the tally summed afresh at close), so every speed-up
// is a ratio measured in one run. One table; the figures are wall-clock times on this machine.
import { availableParallelism } from 'node:os';
import {
  ballotStatements,
  credentialFromToken,
  encryptBallot,
  failingStatements,
  jointKeyPayload,
  manifestHash,
  meetingContext,
  newToken,
  startCeremony,
} from '../crypto/index.ts';
import { inlineVerifier } from '../src/server/verifier.ts';
import { createVerifierPool } from '../src/server/verifier-pool.ts';
import { benchManifest } from './manifest.ts';

const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 100);
const QUESTIONS = 100;
const OPTIONS = 4;

const manifest = benchManifest({
  meetingId: 'bench-server',
  electorate: BALLOTS,
  questions: QUESTIONS,
  options: OPTIONS,
  trustees: { n: 1, k: 1 },
});
const manifestText = JSON.stringify(manifest);
const mh = manifestHash(manifestText);
const trustee = startCeremony(mh, { round: 1, index: 1, n: 1, k: 1 });
const jointKey = jointKeyPayload(mh, 1, [trustee.commitments]).K;
const mc = meetingContext(manifestText, jointKey);
const meeting = { manifest: manifestText, jointKey };

const ballots = Array.from({ length: BALLOTS }, (_, i) => {
  process.stderr.write(`\rencrypting ballots: ${i + 1}/${BALLOTS}`);
  return encryptBallot(
    mc,
    credentialFromToken('bench-server', newToken()),
    manifest.questions.map((_, q) => (q % 10 === 0 ? null : (q + i) % OPTIONS)),
  ).ballot;
});
process.stderr.write('\n');

async function timed<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const out = await f();
  return [performance.now() - start, out];
}

const rows: Array<[string, number, number | null]> = [];
const THREADS = Math.min(8, availableParallelism());
// the pool's threads do not hold the process open (a server's listener does): this does, until the end
const keepAlive = setInterval(() => {}, 1000);
const pool = createVerifierPool({ size: THREADS });
await pool.verifyBallot({ meeting, ballot: ballots[0] }); // workers started, meeting context cached

// Receipts: every ballot submitted at once; the pool batches those that wait. Naive: one by one, inline.
const latencies: number[] = [];
const [burst, verdicts] = await timed(() =>
  Promise.all(
    ballots.map(async (ballot) => {
      const [ms, verdict] = await timed(() => pool.verifyBallot({ meeting, ballot }));
      latencies.push(ms);
      return verdict;
    }),
  ),
);
if (!verdicts.every((v) => v.ok)) throw new Error('a ballot does not verify');
const [naiveOne] = await timed(() => {
  if (failingStatements(ballotStatements(mc, ballots[1]).items).length > 0) throw new Error('bad ballot');
});
latencies.sort((a, b) => a - b);
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))]!;
rows.push(['one ballot checked (thread time)', (burst * THREADS) / BALLOTS, naiveOne]);
rows.push([`${BALLOTS} ballots at once: all verdicts`, burst, null]);
rows.push(['  submit → verdict p50', p(50), null]);
rows.push(['  submit → verdict p99', p(99), null]);

// Close: the running tally the pool kept as the store accepted each ballot, against summing afresh.
const stored = ballots.map((ballot, i) => ({ height: 10 + i, payload: JSON.stringify(ballot) }));
verdicts.forEach((v, i) => {
  if (v.ok) pool.ballotAccepted({ meeting, ballotHash: v.ballotHash, height: stored[i]!.height });
});
const [running, tally] = await timed(() => pool.sumBallots({ meeting, ballots: stored }));
const [afresh, again] = await timed(() => inlineVerifier.sumBallots({ meeting, ballots: stored }));
if (JSON.stringify(tally) !== JSON.stringify(again)) throw new Error('the running tally differs');
rows.push([`close: encrypted tally of ${BALLOTS} ballots`, running, afresh]);
await pool.close();
clearInterval(keepAlive);

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `phieukin bench:server — ${BALLOTS} ballots of ${QUESTIONS}×${OPTIONS}, ${THREADS} verifier threads, ` +
    `${availableParallelism()} cores`,
);
console.log(`| work | this project | naive (one by one, summed afresh) | ratio |`);
console.log('|---|---|---|---|');
for (const [name, ours, naive] of rows)
  console.log(
    `| ${name} | ${s(ours)} | ${naive === null ? '' : s(naive)} | ${naive === null ? '' : `${(naive / ours).toFixed(1)}×`} |`,
  );
