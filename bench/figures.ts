// What the benches share: a figure printed as one JSON line, and the seeded demo record the verifier's
// benches check when they are given none.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../crypto/index.ts';
import { runDemoMeeting } from '../src/demo/meeting.ts';

/** One figure as `{ name, value, unit }`, a number to three decimals (null: not measured). */
export function emit(name: string, value: number | string | null, unit: string): void {
  const shown = typeof value === 'number' ? Number(value.toFixed(3)) : value;
  console.log(JSON.stringify({ name, value: shown, unit }));
}

/**
 * Writes, in `dir`, the seeded record of a demo meeting of `voters` voters × 100 questions × 4 options with
 * a 2-of-3 board, and returns its path (a 100 × 100 record comes from `phieukin simulate --out`).
 */
export function seededRecordFile(dir: string, voters: number): string {
  const demo = runDemoMeeting({
    voters,
    questions: 100,
    options: 4,
    trustees: { n: 3, k: 2 },
    random: seededRandom('bench-verify'),
    meetingId: 'bench-verify',
  });
  const file = join(dir, 'record.json');
  writeFileSync(file, JSON.stringify(demo.record));
  return file;
}
