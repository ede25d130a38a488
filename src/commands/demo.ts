// `phieukin demo`: runs a whole meeting in this process and writes its record (SPEC §6).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Manifest, secureRandom, seededRandom } from '../../crypto/index.ts';
import { runDemoMeeting } from '../demo/meeting.ts';
import { outcomeForResult, ruleSets } from '../shared/rules/index.ts';
import { parsedOrUsage } from './arguments.ts';
import { progressLine } from './progress.ts';

const USAGE = `Usage: phieukin demo --voters N --questions M [--options K] [--trustees n/k] [--rule-set ID] [--seed S] --out FILE
  Runs a whole meeting in-process (ceremony, cards, ballots, close, decryption, certification).
  --rule-set  a rule set of docs/rules.md (its options replace --options), or "none"; default QD366-2025
              when the ballot has 4 options (the four classification levels), otherwise "none".
  --seed      makes the run reproducible (demo only: a seeded record is NOT secret).`;

/** The manifest a rule set needs: its meeting kind and its options (RULES.md), for every question. */
function manifestForRuleSet(ruleSet: string): ((base: Manifest) => Manifest) | undefined {
  const info = ruleSets[ruleSet];
  if (!info) return undefined;
  const role = info.kind === 'confidence' ? 'leader' : 'member';
  return (base) => ({
    ...base,
    kind: info.kind,
    questions: base.questions.map((q) => ({
      ...q,
      role,
      options: info.options.map((o) => ({ id: o.id, label: o.label.vi })),
    })),
  });
}

function positive(value: string | undefined, name: string, min = 1, max = 10_000): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(
      `--${name}: cần một số nguyên từ ${min} đến ${max} / expected a whole number from ${min} to ${max}`,
    );
  return n;
}

export async function run(args: string[]): Promise<number> {
  const options = parsedOrUsage(USAGE, () => parse(args));
  if (!options) return 2;
  const started = performance.now();
  const show = progressLine();
  const meeting = runDemoMeeting({
    ...options,
    manifestFor: manifestForRuleSet(options.ruleSet),
    outcome: outcomeForResult,
    onProgress: show,
  });
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
      options: { type: 'string' },
      trustees: { type: 'string', default: '3/2' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'rule-set': { type: 'string' },
    },
  });
  if (!values.out) throw new Error('--out: cần tên tệp / a file name is required');
  const [n, k] = (values.trustees ?? '').split('/');
  const trustees = { n: positive(n, 'trustees (n)', 1, 32), k: positive(k, 'trustees (k)', 1, 32) };
  if (trustees.k > trustees.n) throw new Error('--trustees: k phải ≤ n / k must be at most n');
  const ruleSet =
    values['rule-set'] ?? (values.options === undefined || values.options === '4' ? 'QD366-2025' : 'none');
  if (ruleSet !== 'none' && !ruleSets[ruleSet])
    throw new Error(
      `--rule-set: không có bộ quy tắc "${ruleSet}" / unknown rule set; known: none, ${Object.keys(ruleSets).join(', ')}`,
    );
  return {
    voters: positive(values.voters, 'voters'),
    questions: positive(values.questions, 'questions', 1, 500),
    options: ruleSets[ruleSet]?.options.length ?? positive(values.options ?? '4', 'options', 2, 16),
    trustees,
    random: values.seed === undefined ? secureRandom : seededRandom(values.seed),
    meetingId: values.seed === undefined ? 'demo' : `demo-${values.seed}`,
    ruleSet,
    out: values.out,
  };
}
