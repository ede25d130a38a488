// Bad arguments to `phieukin demo`, `simulate` and `verify` exit 2 with the reason above the command's
// usage, and nothing is written or sent.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let err = '';
beforeEach(() => {
  err = '';
  vi.spyOn(console, 'error').mockImplementation((...s) => {
    err += `${s.join(' ')}\n`;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const run = async (command: string, args: string[]) =>
  (await import(`../../src/commands/${command}.ts`)).run(args) as Promise<number>;

describe('a command given bad arguments', () => {
  it('demo: a voter count that is not a whole number is refused before any meeting runs', async () => {
    const out = join(tmpdir(), `phieukin-args-${process.pid}.json`);
    expect(await run('demo', ['--voters', 'mười', '--questions', '1', '--out', out])).toBe(2);
    expect(err).toContain('--voters');
    expect(err).toContain('Usage: phieukin demo');
    expect(existsSync(out)).toBe(false);
  });

  it('simulate: an unknown option is named, before any request is sent', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    expect(await run('simulate', ['--url', 'http://127.0.0.1:9', '--voterz', '3'])).toBe(2);
    expect(err).toContain('--voterz');
    expect(err).toContain('Usage: phieukin simulate');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('verify: an unknown option, and a missing record file, each with the usage', async () => {
    expect(await run('verify', ['--bogus'])).toBe(2);
    expect(err).toContain('--bogus');
    expect(err).toContain('Usage: phieukin verify');
    err = '';
    expect(await run('verify', [])).toBe(2);
    expect(err).toContain('missing record file');
  });
});
