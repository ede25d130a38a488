// `phieukin rules FILE [--json] [--lang vi|en]`: prints the documented outcome; bad input exits 2 with a
// message in both languages.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderOutcome, run } from '../../src/commands/rules.ts';
import { applyRuleSet } from '../../src/shared/rules/index.ts';
import { EXAMPLES, example } from './docs.ts';

const file = (name: string) => fileURLToPath(new URL(`${name}.json`, EXAMPLES));
let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(console, 'error').mockImplementation((...s) => {
    err += `${s.join(' ')}\n`;
  });
  vi.spyOn(console, 'log').mockImplementation((...s) => {
    out += `${s.join(' ')}\n`;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const scratch = (name: string, text: string) => {
  const path = join(tmpdir(), `phieukin-rules-${process.pid}-${name}`);
  writeFileSync(path, text);
  return path;
};

describe('phieukin rules prints the outcome', () => {
  it.each(['qd366-2025', 'qd124-2023', 'qd132-2019', 'qd96-2023', 'motion'])(
    '%s as a table, in Vietnamese by default',
    async (name) => {
      expect(await run([file(name)])).toBe(0);
      expect(out).toBe(renderOutcome(applyRuleSet(example(name)), 'vi'));
    },
  );

  it('in English with --lang en, and as JSON with --json', async () => {
    expect(await run([file('motion'), '--lang', 'en'])).toBe(0);
    expect(out).toBe(renderOutcome(applyRuleSet(example('motion')), 'en'));
    out = '';
    expect(await run(['--json', file('qd96-2023')])).toBe(0);
    expect(JSON.parse(out)).toStrictEqual(applyRuleSet(example('qd96-2023')));
  });

  it('through bin/phieukin.js', () => {
    const bin = fileURLToPath(new URL('../../bin/phieukin.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'rules', file('motion'), '--lang', 'en'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Đề nghị công nhận đảng viên chính thức cho đồng chí Vũ Thị Giang (q2): not adopted',
    );
  });
});

describe('phieukin rules refuses bad input with exit code 2', () => {
  it.each([
    {
      why: 'a missing file',
      args: () => ['/nonexistent/rules.json'],
      vi: 'Không tìm thấy tệp',
      en: 'No such file',
    },
    {
      why: 'invalid JSON',
      args: () => [scratch('bad.json', '{ "ruleSet": ')],
      vi: 'không phải JSON hợp lệ',
      en: 'is not valid JSON',
    },
    {
      why: 'an unknown rule set',
      args: () => [scratch('rs.json', '{ "ruleSet": "QD999" }')],
      vi: 'Bộ quy tắc không tồn tại',
      en: 'Unknown rule set',
    },
    {
      why: 'a bad setting',
      args: () => [
        scratch('set.json', JSON.stringify({ ...example('motion'), settings: { quorum: '3/4' } })),
      ],
      vi: 'Giá trị không hợp lệ',
      en: 'Invalid value for setting "quorum"',
    },
    { why: 'no file', args: () => [], vi: 'Cần đúng một tệp', en: 'Exactly one input file' },
    {
      why: 'two files',
      args: () => ['a.json', 'b.json'],
      vi: 'Cần đúng một tệp',
      en: 'Exactly one input file',
    },
    {
      why: 'an unknown option',
      args: () => ['--csv', 'a.json'],
      vi: 'Tham số không hợp lệ',
      en: 'Invalid arguments',
    },
    {
      why: 'an unknown language',
      args: () => ['--lang', 'fr', 'a.json'],
      vi: '--lang phải là vi hoặc en',
      en: '--lang must be vi or en',
    },
  ])('$why', async ({ args, vi: viText, en }) => {
    expect(await run(args())).toBe(2);
    expect(err).toContain(viText);
    expect(err).toContain(en);
    expect(out).toBe('');
  });

  it('--help prints the usage and exits 0', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(out).toContain('phieukin rules FILE [--json] [--lang vi|en]');
  });
});
