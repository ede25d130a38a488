// `phieukin verify FILE [--json]`: every check of SPEC §8 with pass, fail or pending and the reasons.
// Imports crypto/ (and the pure rules engine to recompute outcomes) only: no server code.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyRecord } from '../../crypto/index.ts';
import { outcomeForResult } from '../shared/rules/index.ts';
import { parsedOrUsage } from './arguments.ts';
import { progressLine } from './progress.ts';

const USAGE = 'Usage: phieukin verify FILE [--json]';

export async function run(args: string[]): Promise<number> {
  const parsed = parsedOrUsage(USAGE, () =>
    parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } }),
  );
  if (!parsed) return 2;
  const file = parsed.positionals[0];
  const json = parsed.values.json ?? false;
  if (!file) {
    console.error(`Thiếu tệp biên bản / missing record file\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`Không đọc được tệp / cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const show = progressLine();
  const report = verifyRecord(text, { onProgress: show, outcome: outcomeForResult });
  show.done();
  if (json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const c of report.checks) {
      console.log(`${c.status.toUpperCase().padEnd(7)} ${c.name}${c.note ? ` (${c.note})` : ''}`);
      for (const p of c.problems) console.log(`        - ${p}`);
    }
    console.log(
      report.ok
        ? `Hợp lệ / valid: meeting ${report.meetingId}, ${report.ballots} ballots, every check passes`
        : 'KHÔNG hợp lệ / NOT valid: see the checks above',
    );
  }
  return report.ok ? 0 : 1;
}
