// Who may import whom (issue 2, issue 11). Four rooms:
// - crypto/ runs unchanged in Node, browsers and Workers: it imports only @noble/* and itself, and only
//   crypto/group.ts touches @noble/curves (SPEC §0 names it for the group);
// - src/shared/ is the code both the server and the pages run (rules engine, minutes model, XLSX reader, the
//   domain's vocabulary, the paper ballots): it imports crypto/, itself, fflate, @rgrove/parse-xml, pdf-lib,
//   qrcode and jsqr (all run in browsers and Node unchanged), and uses no clock, I/O or console;
// - web/ (the pages) imports crypto/, src/shared/, itself and browser packages, never Node's built-ins;
// - the rest of src/ (the server) may import anything but web/: it serves the built pages by their addresses
//   in src/shared/page-routes.ts.
// One crossing is allowed, by type only: web/ may `import type` the app's type from src/app.ts, for Hono's
// typed client (the API contract); a type import is erased at build, so no server code reaches a page.
// Imports are read with TypeScript's own pre-processor (static, dynamic, re-exports, type-only and require),
// not with a regular expression.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const CRYPTO = join(ROOT, 'crypto');
const SHARED = join(ROOT, 'src', 'shared');
const WEB = join(ROOT, 'web');
const SERVER = join(ROOT, 'src');

type Room = 'crypto' | 'shared' | 'web' | 'server';
const within = (dir: string, path: string) => path === dir || path.startsWith(dir + sep);

function roomOf(path: string): Room | 'outside' {
  if (within(CRYPTO, path)) return 'crypto';
  if (within(SHARED, path)) return 'shared';
  if (within(WEB, path)) return 'web';
  if (within(SERVER, path)) return 'server';
  return 'outside';
}

/** The rooms each room's files may import by a relative path. */
const MAY_IMPORT: Record<Room, Room[]> = {
  crypto: ['crypto'],
  shared: ['shared', 'crypto'],
  web: ['web', 'shared', 'crypto'],
  server: ['server', 'shared', 'crypto'],
};

const CONTRACT = join(SERVER, 'app.ts');
/** The packages src/shared/ may use: zip and XML, both pure and the same in browsers and Node. */
const SHARED_PACKAGES = ['fflate', '@rgrove/parse-xml', 'pdf-lib', '@pdf-lib/fontkit', 'qrcode', 'jsqr'];

/** Why `specifier`, imported by `file`, breaks the boundary, or null when it is allowed. */
function violation(file: string, specifier: string, typeOnly = false): string | null {
  const room = roomOf(file);
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const path = resolve(dirname(file), specifier);
    if (room === 'web' && path === CONTRACT) return typeOnly ? null : 'web/ imports src/app.ts by type only';
    const target = roomOf(path);
    if (room === 'server' && target === 'web') return 'src/ never imports web/';
    if (room !== 'outside' && room !== 'server' && target === 'outside') return `leaves ${room}`;
    if (room !== 'outside' && !MAY_IMPORT[room].includes(target as Room))
      return `${room} may not import ${target}`;
    return null;
  }
  if (room === 'crypto') {
    if (!specifier.startsWith('@noble/')) return 'crypto/ imports only @noble/*';
    if (specifier.startsWith('@noble/curves') && relative(CRYPTO, file) !== 'group.ts')
      return 'only crypto/group.ts may import @noble/curves';
    return null;
  }
  if (room === 'shared')
    return SHARED_PACKAGES.includes(specifier)
      ? null
      : 'src/shared/ imports only crypto/, itself, fflate, parse-xml, pdf-lib, qrcode and jsqr';
  if (room === 'web' && (specifier.startsWith('node:') || specifier === 'better-sqlite3'))
    return 'web/ runs in browsers: no Node built-ins';
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name === 'dist' || d.name === 'node_modules'
        ? []
        : sourceFiles(join(dir, d.name))
      : /\.[cm]?[jt]sx?$/.test(d.name)
        ? [join(dir, d.name)]
        : [],
  );
}

/** Every module specifier a source imports or re-exports, including import() and require(). */
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The specifiers a source imports with `import type` only (erased by the build). */
function typeOnlySpecifiers(source: string): Set<string> {
  return new Set([...source.matchAll(/^import type [^;]*? from '([^']+)';/gms)].map((m) => m[1]!));
}

const files = [...sourceFiles(CRYPTO), ...sourceFiles(SERVER), ...sourceFiles(WEB)];
const name = (file: string) => relative(ROOT, file).split(sep).join('/');

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

  it('allows what each room may import', () => {
    expect(violation(join(CRYPTO, 'ballot.ts'), './group.ts')).toBeNull();
    expect(violation(join(CRYPTO, 'checks', 'ballots.ts'), '../ballot.ts')).toBeNull();
    expect(violation(join(CRYPTO, 'ballot.ts'), '@noble/hashes/sha2.js')).toBeNull();
    expect(violation(join(CRYPTO, 'group.ts'), '@noble/curves/ed25519.js')).toBeNull();
    expect(violation(join(SHARED, 'rules', 'cap.ts'), '../domain.ts')).toBeNull();
    expect(violation(join(SHARED, 'domain.ts'), '../../crypto/index.ts')).toBeNull();
    expect(violation(join(SHARED, 'xlsx', 'read.ts'), 'fflate')).toBeNull();
    expect(violation(join(SHARED, 'xlsx', 'read.ts'), '@rgrove/parse-xml')).toBeNull();
    expect(violation(join(WEB, 'booth', 'main.ts'), '../../src/shared/domain.ts')).toBeNull();
    expect(violation(join(WEB, 'booth', 'main.ts'), '../../crypto/index.ts')).toBeNull();
    expect(violation(join(WEB, 'booth', 'main.ts'), 'qrcode')).toBeNull();
    expect(violation(join(SERVER, 'entry', 'node.ts'), '../shared/page-routes.ts')).toBeNull();
    expect(violation(join(SERVER, 'entry', 'node.ts'), 'node:fs')).toBeNull();
  });

  it('flags each crossing, with its reason', () => {
    // crypto/ must run in Workers and browsers as it is, with one audited dependency
    expect(violation(join(CRYPTO, 'ballot.ts'), '../src/shared/rules/index.ts')).toBe(
      'crypto may not import shared',
    );
    expect(violation(join(CRYPTO, 'checks', 'ballots.ts'), '../../src/x.ts')).toBe(
      'crypto may not import server',
    );
    expect(violation(join(CRYPTO, 'ballot.ts'), 'node:crypto')).toBe('crypto/ imports only @noble/*');
    expect(violation(join(CRYPTO, 'ballot.ts'), '@noble/curves/ed25519.js')).toBe(
      'only crypto/group.ts may import @noble/curves',
    );
    // the shared room runs in the pages: nothing of the server's, no Node
    expect(violation(join(SHARED, 'rules', 'cap.ts'), '../../store/store.ts')).toBe(
      'shared may not import server',
    );
    expect(violation(join(SHARED, 'rules', 'cap.ts'), '../../../web/shared/i18n.ts')).toBe(
      'shared may not import web',
    );
    expect(violation(join(SHARED, 'domain.ts'), 'node:fs')).toBe(
      'src/shared/ imports only crypto/, itself, fflate, parse-xml, pdf-lib, qrcode and jsqr',
    );
    expect(violation(join(SHARED, 'domain.ts'), '../../test/x.ts')).toBe('leaves shared');
    expect(violation(join(CRYPTO, 'ballot.ts'), '../test/x.ts')).toBe('leaves crypto');
    // the pages are bundled for browsers: the server's modules would drag the store and Node in
    expect(violation(join(WEB, 'booth', 'main.ts'), '../../src/store/store.ts')).toBe(
      'web may not import server',
    );
    expect(violation(join(WEB, 'booth', 'main.ts'), 'node:path')).toBe(
      'web/ runs in browsers: no Node built-ins',
    );
    // the server serves the built pages, it does not compile them
    expect(violation(join(SERVER, 'entry', 'node.ts'), '../../web/page-routes.ts')).toBe(
      'src/ never imports web/',
    );
  });
});

describe('every source file keeps to its room', () => {
  it('the rooms hold the modules they are named for', () => {
    const names = files.map(name);
    expect(names).toEqual(
      expect.arrayContaining([
        'crypto/index.ts',
        'crypto/group.ts',
        'crypto/checks/chain.ts',
        'src/shared/domain.ts',
        'src/shared/rules/index.ts',
        'src/shared/minutes/minutes.ts',
        'web/booth/main.ts',
        'src/app.ts',
      ]),
    );
  });

  it.each(files.map((f) => [name(f), f] as const))('%s', (_, file) => {
    const source = readFileSync(file, 'utf8');
    const typeOnly = typeOnlySpecifiers(source);
    const bad = specifiers(source)
      .map((s) => ({ s, why: violation(file, s, typeOnly.has(s)) }))
      .filter((v) => v.why !== null)
      .map((v) => `${v.s}: ${v.why}`);
    expect(bad).toEqual([]);
  });

  it('crypto/group.ts is the one file that imports @noble/curves', () => {
    const importers = files.filter((f) =>
      specifiers(readFileSync(f, 'utf8')).some((s) => s.startsWith('@noble/curves')),
    );
    expect(importers.map(name)).toEqual(['crypto/group.ts']);
  });
});

describe('src/shared/ is pure: no clock, no randomness of its own, no I/O, no console', () => {
  const IMPURE =
    /\b(Date\.now|new Date\(\)|Math\.random|console\.|fetch\(|process\.|globalThis\.|localStorage)/;
  it.each(sourceFiles(SHARED).map((f) => [name(f), f] as const))('%s', (_, file) => {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//') && !line.trimStart().startsWith('*'));
    expect(lines.filter((line) => IMPURE.test(line))).toEqual([]);
  });
});
