// Builds the pages (web/<page>/main.ts and the Web Workers) with esbuild into web/dist/: scripts and the
// style sheet under assets/, each page's HTML (one shell, web/shared/page.html) under pages/ (src/shared/page-routes.ts maps addresses to them).
// The verifier's service worker goes to the top (`/verify-sw.js`, so its scope can be /verify), stamped with
// a hash of the files it caches.
// `--if-stale` builds only when a source is newer than the last build (npm start and npm test use it).
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { PAGES } from '../src/shared/page-routes.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
export const outDir = join(web, 'dist');
const stamp = join(outDir, '.built');
const WORKERS = [
  'booth/encrypt-worker.ts',
  'verify/verify-worker.ts',
  'trustee/decrypt-worker.ts',
  'organiser/card-pdf-worker.ts',
  'organiser/paper-pdf-worker.ts',
  'scan/scan-worker.ts',
];
/** The fonts the organiser's card PDF embeds (Vietnamese; the typed code in mono), fetched by its worker. */
const CARD_FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'];
const SOURCES = ['web', 'crypto', 'src/shared', 'scripts/build-web.ts', 'package-lock.json'];

function newestChange(path: string): number {
  if (path.startsWith(outDir) || !existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export function webBuildIsStale(): boolean {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((source) => newestChange(join(root, source)) > built);
}

/**
 * Builds into a fresh folder beside web/dist and then swaps it in, so a server (or a test) reading the
 * pages while another process rebuilds never sees a half-written or missing folder.
 */
export async function buildWeb(): Promise<void> {
  const suffix = `${process.pid}-${Date.now()}`;
  const building = `${outDir}.building-${suffix}`;
  await buildInto(building);
  const old = `${outDir}.old-${suffix}`;
  try {
    renameSync(outDir, old);
  } catch {
    // nothing built yet, or another build is swapping at this moment
  }
  try {
    renameSync(building, outDir);
  } catch {
    // another build swapped its folder in first; it is as fresh as this one
    rmSync(building, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

async function buildInto(dir: string): Promise<void> {
  mkdirSync(join(dir, 'pages'), { recursive: true });
  const entryPoints = [
    ...PAGES.map((page) => ({ in: join(web, page, 'main.ts'), out: page })),
    ...WORKERS.map((file) => ({ in: join(web, file), out: file.split('/')[1]!.replace(/\.ts$/, '') })),
  ];
  await build({
    entryPoints,
    outdir: join(dir, 'assets'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022', 'chrome100', 'safari15', 'firefox110'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  copyFileSync(join(web, 'shared', 'style.css'), join(dir, 'assets', 'style.css'));
  for (const font of CARD_FONTS)
    copyFileSync(
      fileURLToPath(import.meta.resolve(`dejavu-fonts-ttf/ttf/${font}`)),
      join(dir, 'assets', font),
    );
  const shell = readFileSync(join(web, 'shared', 'page.html'), 'utf8');
  for (const page of PAGES)
    writeFileSync(join(dir, 'pages', `${page}.html`), shell.replaceAll('{{page}}', page));
  await buildVerifyServiceWorker(dir);
  writeFileSync(join(dir, '.built'), `${new Date().toISOString()}\n`);
}

/** The files web/verify/offline-worker.ts caches, relative to the build folder. */
const VERIFY_OFFLINE = ['pages/verify.html', 'assets/verify.js', 'verify-worker.js', 'assets/style.css'];

/**
 * `/verify-sw.js`, versioned by the files it caches: a new build of any of them is a new cache. The verify
 * page's Web Worker is copied to `/verify-worker.js`: a worker's script is matched to a service worker by
 * its own address, which must be inside the scope /verify to be served offline.
 */
async function buildVerifyServiceWorker(dir: string): Promise<void> {
  copyFileSync(join(dir, 'assets', 'verify-worker.js'), join(dir, 'verify-worker.js'));
  const hash = createHash('sha256');
  for (const file of VERIFY_OFFLINE) hash.update(readFileSync(join(dir, file)));
  await build({
    entryPoints: [join(web, 'verify', 'offline-worker.ts')],
    outfile: join(dir, 'verify-sw.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022', 'chrome100', 'safari15', 'firefox110'],
    minify: true,
    define: { VERSION: JSON.stringify(hash.digest('hex').slice(0, 16)) },
    logLevel: 'warning',
  });
}

/** Builds unless the last build is newer than every source. */
export async function ensureWebBuilt(): Promise<void> {
  if (webBuildIsStale()) await buildWeb();
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || webBuildIsStale()) {
    await buildWeb();
    process.stdout.write(`web: built into ${outDir}\n`);
  }
}
