// Issue 2 boundary: crypto/ runs unchanged in Node, browsers and Workers (SPEC §0 names @noble/curves for the
// group), so nothing in crypto/ imports anything but @noble/* and crypto/ itself, and only crypto/group.ts
// touches @noble/curves. Imports are read with TypeScript's own pre-processor (static, dynamic, re-exports,
// type-only and require), not with a regular expression.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CRYPTO = resolve(import.meta.dirname, '..', '..', 'crypto');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourceFiles(join(dir, d.name))
      : /\.[cm]?[jt]sx?$/.test(d.name)
        ? [join(dir, d.name)]
        : [],
  );
}

/** Every module specifier a source imports or re-exports, including import() and require(). */
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Why a specifier of `file` breaks the boundary, or null when it is allowed. */
function violation(file: string, specifier: string): string | null {
  if (specifier.startsWith('@noble/')) {
    if (specifier.startsWith('@noble/curves') && relative(CRYPTO, file) !== 'group.ts')
      return 'only crypto/group.ts may import @noble/curves';
    return null;
  }
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return 'not @noble/* and not relative';
  const target = resolve(dirname(file), specifier);
  if (target !== CRYPTO && !target.startsWith(CRYPTO + sep)) return 'leaves crypto/';
  return null;
}

const files = sourceFiles(CRYPTO);

describe('the scanner itself', () => {
  it('finds static, type-only, re-exported, dynamic and require() imports', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../src/b.ts';",
      "export * from 'node:fs';",
      "const c = await import('hono');",
      "const d = require('better-sqlite3');",
      "import {\n  e,\n  f,\n} from '@noble/hashes/sha2.js';",
    ].join('\n');
    expect(specifiers(source).sort()).toEqual(
      ['./a.ts', '../src/b.ts', 'node:fs', 'hono', 'better-sqlite3', '@noble/hashes/sha2.js'].sort(),
    );
  });

  it('flags what leaves crypto/ and @noble/curves outside group.ts', () => {
    const inside = join(CRYPTO, 'ballot.ts');
    expect(violation(inside, './group.ts')).toBeNull();
    expect(violation(join(CRYPTO, 'checks', 'ballots.ts'), '../ballot.ts')).toBeNull();
    expect(violation(inside, '@noble/hashes/sha2.js')).toBeNull();
    expect(violation(inside, '../src/rules/index.ts')).toBe('leaves crypto/');
    expect(violation(join(CRYPTO, 'checks', 'ballots.ts'), '../../src/x.ts')).toBe('leaves crypto/');
    expect(violation(inside, 'node:crypto')).toBe('not @noble/* and not relative');
    expect(violation(inside, '@noble/curves/ed25519.js')).toBe(
      'only crypto/group.ts may import @noble/curves',
    );
    expect(violation(join(CRYPTO, 'group.ts'), '@noble/curves/ed25519.js')).toBeNull();
  });
});

describe('crypto/ imports only @noble/* and crypto/', () => {
  it('crypto/ holds the protocol modules (index.ts, group.ts, checks/, proofs/)', () => {
    const names = files.map((f) => relative(CRYPTO, f).split(sep).join('/'));
    expect(names).toEqual(expect.arrayContaining(['index.ts', 'group.ts', 'verify.ts', 'checks/chain.ts']));
    expect(names.some((n) => n.startsWith('proofs/'))).toBe(true);
  });

  it.each(files.map((f) => [relative(CRYPTO, f), f] as const))('crypto/%s', (_, file) => {
    const bad = specifiers(readFileSync(file, 'utf8'))
      .map((s) => ({ s, why: violation(file, s) }))
      .filter((v) => v.why !== null)
      .map((v) => `${v.s}: ${v.why}`);
    expect(bad).toEqual([]);
  });

  it('crypto/group.ts is the one file that imports @noble/curves', () => {
    const importers = files.filter((f) =>
      specifiers(readFileSync(f, 'utf8')).some((s) => s.startsWith('@noble/curves')),
    );
    expect(importers.map((f) => relative(CRYPTO, f))).toEqual(['group.ts']);
  });
});
