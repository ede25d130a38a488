// `npm run bench`, paper ballots (SPEC §3.1): how long the reader takes over one page as the board's
// scanning phone sees it (a 100-subject ballot's first page, marked, photographed synthetically into the
// page's 1440 × 1920 camera frame: turned, in perspective, under uneven light), wall and CPU time; and
// from it the board's time for 60 two-page ballots on two phones: per page, two frames of the camera
// loop (the reading plus the loop's pause) and 3 s to turn the page or take the next sheet; per ballot,
// 2 s to look at the review and confirm.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newToken, tokenText } from '../crypto/index.ts';
import { findQr } from '../src/shared/paper/qr.ts';
import { readPaperPage } from '../src/shared/paper/read.ts';
import { markBox, renderedBallot } from '../test/paper/marking.ts';
import { photograph, seeded } from '../test/paper/photo.ts';
import { EVERY_MS } from '../web/scan/paper-camera.ts';
import { emit } from './figures.ts';
import { benchManifest } from './manifest.ts';

const DPI = 150;
const manifest = benchManifest({
  meetingId: 'bench',
  electorate: 60,
  questions: 100,
  options: 4,
  trustees: { n: 3, k: 2 },
});
const dir = mkdtempSync(join(tmpdir(), 'phieukin-bench-paper-'));
try {
  const { pages, images } = await renderedBallot(manifest, '1', tokenText(newToken()), dir, DPI);
  const page = pages[0]!;
  const marked = { ...images[0]!, rgba: new Uint8ClampedArray(images[0]!.rgba) };
  const random = seeded(7);
  page.rows.forEach((row, i) => {
    markBox(marked, DPI / 25.4, page, row.question, i % 4, 'cross', random);
  });
  const image = photograph(marked, {
    angle: 8,
    tilt: 0.05,
    scale: 0.88,
    size: { width: 1440, height: 1920 },
    shadow: { x: 0.3, y: 0.6, r: 0.35, depth: 0.3 },
  });
  const layout = { meetingId: manifest.meetingId, pages };
  const first = readPaperPage(image, layout, findQr);
  if (first.problems.length > 0 || first.answers.some((a, i) => a.option !== `o${i % 4}`))
    throw new Error('page not read');
  const runs = 20;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < runs; i++) readPaperPage(image, layout, findQr);
  const perPage = (performance.now() - start) / runs;
  const used = process.cpuUsage(cpu);
  const cpuPerPage = (used.user + used.system) / 1000 / runs;
  emit(
    `paper: read one page (${image.width}×${image.height} px, ${page.rows.length} rows), wall`,
    perPage,
    'ms',
  );
  emit('paper: read one page, CPU', cpuPerPage, 'ms');
  const perPageBoard = 2 * (perPage + EVERY_MS) + 3000;
  emit(
    'paper: board time, 60 two-page ballots on two phones (estimate)',
    (30 * (2 * perPageBoard + 2000)) / 60000,
    'min',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
