// SPEC.md conformance: test/vectors/conformance holds records written by a separate implementation of
// SPEC.md, copied unchanged from ../shared/vectors. Its README's table says what a verifier must report for
// each file; the table is parsed here so the expectations cannot drift from it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, type CheckName, verifyRecord } from '../../crypto/index.ts';

const DIR = join(import.meta.dirname, '..', 'vectors', 'conformance');

type Expectation = { file: string; expect: 'valid' | CheckName; text: string };

/** The README's table rows: | `file` | every check passes | or | `file` | `check` fails (…) |. */
function readmeTable(): Expectation[] {
  const rows: Expectation[] = [];
  for (const line of readFileSync(join(DIR, 'README.md'), 'utf8').split('\n')) {
    const row = /^\|\s*`([^`]+\.json)`\s*\|\s*(.+?)\s*\|\s*$/.exec(line);
    if (!row) continue;
    const [, file, text] = row as unknown as [string, string, string];
    if (/^every check passes$/.test(text)) {
      rows.push({ file, expect: 'valid', text });
      continue;
    }
    const check = /^`([a-z]+)` fails\b/.exec(text)?.[1];
    if (!check || !(CHECKS as readonly string[]).includes(check))
      throw new Error(`README row for ${file} names no check of SPEC §8: ${text}`);
    rows.push({ file, expect: check as CheckName, text });
  }
  return rows;
}

const table = readmeTable();
const invalid = table.filter((r) => r.expect !== 'valid');
const load = (file: string) => readFileSync(join(DIR, file), 'utf8');

describe('conformance records of a separate SPEC.md implementation', () => {
  it('the README names every record in the directory, one valid and eight invalid', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(table.map((r) => r.file).sort()).toEqual(files);
    expect(table.filter((r) => r.expect === 'valid')).toHaveLength(1);
    expect(invalid).toHaveLength(8);
  });

  it('record-valid.json passes every check of SPEC §8', () => {
    const valid = table.find((r) => r.expect === 'valid')!;
    const report = verifyRecord(load(valid.file));
    expect(report.checks.map((c) => `${c.name}:${c.status}`)).toEqual(CHECKS.map((name) => `${name}:pass`));
    expect(report.ok).toBe(true);
    expect(report.ballots).toBe(6);
  });

  it.each(invalid.map((r) => [r.file, r.expect, r] as const))('%s fails the %s check', (file, check, row) => {
    const report = verifyRecord(load(file));
    const named = report.checks.find((c) => c.name === check)!;
    expect(named.status, `${file} (${row.text}): ${JSON.stringify(report.checks)}`).toBe('fail');
    expect(named.problems.length).toBeGreaterThan(0);
    expect(report.ok).toBe(false);
  });
});
