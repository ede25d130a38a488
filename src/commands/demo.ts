// `phieukin demo`: runs a whole meeting in this process and writes its record (SPEC §6).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { secureRandom, seededRandom } from '../../crypto/index.ts';
import { runDemoMeeting } from '../demo/meeting.ts';
import { progressLine } from './progress.ts';

const USAGE = `Usage: phieukin demo --voters N --questions M --options K --trustees n/k [--seed S] --out FILE
  Runs a whole meeting in-process (ceremony, cards, ballots, close, decryption, certification).
  --seed makes the run reproducible (demo only: a seeded record is NOT secret).`;

function positive(value: string | undefined, name: string, min = 1, max = 10_000): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(
      `--${name}: cần một số nguyên từ ${min} đến ${max} / expected a whole number from ${min} to ${max}`,
    );
  return n;
}

export async function run(args: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(args);
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const show = progressLine();
  const meeting = runDemoMeeting({ ...options, onProgress: show });
  show.done();
  writeFileSync(options.out, `${JSON.stringify(meeting.record)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `wrote ${options.out}: ${meeting.record.events.length} events, ${options.voters} ballots, trustees ${meeting.trusteesUsed.join('+')} decrypted, ${seconds} s`,
  );
  return 0;
}

function parse(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      voters: { type: 'string' },
      questions: { type: 'string' },
      options: { type: 'string', default: '4' },
      trustees: { type: 'string', default: '3/2' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'rule-set': { type: 'string', default: 'none' },
    },
  });
  if (!values.out) throw new Error('--out: cần tên tệp / a file name is required');
  const [n, k] = (values.trustees ?? '').split('/');
  const trustees = { n: positive(n, 'trustees (n)', 1, 32), k: positive(k, 'trustees (k)', 1, 32) };
  if (trustees.k > trustees.n) throw new Error('--trustees: k phải ≤ n / k must be at most n');
  return {
    voters: positive(values.voters, 'voters'),
    questions: positive(values.questions, 'questions', 1, 500),
    options: positive(values.options, 'options', 2, 16),
    trustees,
    random: values.seed === undefined ? secureRandom : seededRandom(values.seed),
    meetingId: values.seed === undefined ? 'demo' : `demo-${values.seed}`,
    ruleSet: values['rule-set'],
    out: values.out,
  };
}
