// `npm run bench`, paper ballots (SPEC §3.1): how long reading one page takes (a 100-subject ballot's
// first page, rendered by pdftoppm at 150 dpi, about a phone photo's resolution), and from it the board's
// time for 60 two-page ballots on two phones, with the camera loop's rate (a frame every 250 ms, two
// frames per page) and a person's handling of each sheet (3 s) added.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newToken, tokenText } from '../crypto/index.ts';
import { decodeImage } from '../src/paper/image.ts';
import { ballotPages } from '../src/shared/paper/layout.ts';
import { paperBallotsPdf } from '../src/shared/paper/pdf.ts';
import { findQr } from '../src/shared/paper/qr.ts';
import { readPaperPage } from '../src/shared/paper/read.ts';
import { benchManifest } from './manifest.ts';

const emit = (name: string, value: number, unit: string) =>
  console.log(JSON.stringify({ name, value: Number(value.toFixed(3)), unit }));

const manifest = benchManifest({
  meetingId: 'bench',
  electorate: 60,
  questions: 100,
  options: 4,
  trustees: { n: 3, k: 2 },
});
const dir = mkdtempSync(join(tmpdir(), 'phieukin-bench-paper-'));
try {
  const pages = ballotPages(manifest, '1');
  const font = (name: string) => readFileSync(new URL(import.meta.resolve(`dejavu-fonts-ttf/ttf/${name}`)));
  const pdf = await paperBallotsPdf(manifest, [{ serial: '1', token: tokenText(newToken()), pages }], {
    regular: font('DejaVuSans.ttf'),
    bold: font('DejaVuSans-Bold.ttf'),
  });
  writeFileSync(join(dir, 'b.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', join(dir, 'b.pdf'), join(dir, 'p')]);
  const image = decodeImage(readFileSync(join(dir, 'p-1.png')));
  const layout = { meetingId: manifest.meetingId, pages };
  const runs = 10;
  if (readPaperPage(image, layout, findQr).problems.length > 0) throw new Error('page not read');
  const start = performance.now();
  for (let i = 0; i < runs; i++) readPaperPage(image, layout, findQr);
  const perPage = (performance.now() - start) / runs;
  emit(`paper: read one page (${image.width}×${image.height} px)`, perPage, 'ms');
  const perPageBoard = Math.max(perPage, 250) * 2 + 3000;
  emit(
    'paper: board time, 60 two-page ballots on two phones (estimate)',
    (60 * 2 * perPageBoard) / 2 / 60000,
    'min',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
