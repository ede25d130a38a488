// `npm run bench:verify [RECORD]`: `phieukin verify` on a record, as a child process under /usr/bin/time,
// so the figures are the whole command's: wall time, CPU time (user + system) and peak resident memory,
// with the load average beside them (on a shared machine the CPU time is the steadier figure). Without a
// RECORD it first writes a seeded demo record of BENCH_VOTERS (default 10) voters × 100 questions × 4
// options; a 100 × 100 record comes from `phieukin simulate --out`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { emit, seededRecordFile } from './figures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'phieukin-bench-verify-'));
try {
  const record = process.argv[2] ?? seededRecordFile(dir, Number(process.env.BENCH_VOTERS ?? 10));
  const timing = join(dir, 'time.txt');
  const load = loadavg()[0]!;
  const run = spawnSync(
    '/usr/bin/time',
    ['-v', '-o', timing, process.execPath, join(ROOT, 'bin/phieukin.js'), 'verify', record],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (run.error) throw new Error(`/usr/bin/time is needed for this bench: ${run.error.message}`);
  const time = readFileSync(timing, 'utf8');
  const field = (label: string) => Number(new RegExp(`${label}: ([0-9.:]+)`).exec(time)?.[1] ?? Number.NaN);
  const wall = (/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([0-9:.]+)/.exec(time)?.[1] ?? 'NaN')
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
  emit('verify: record size', statSync(record).size / 1e6, 'MB');
  emit('verify: every check passes', run.status === 0 ? 1 : 0, 'yes=1');
  emit('verify: wall time', wall ?? Number.NaN, 's');
  emit(
    'verify: CPU time (user + system)',
    field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    's',
  );
  emit('verify: peak resident memory', field('Maximum resident set size \\(kbytes\\)') / 1024, 'MB');
  emit('load average at the start', load, '');
  emit('load average at the end', loadavg()[0]!, '');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
