// Shared by the paper tests: the real PDF of a ballot rendered by pdftoppm, and pen marks drawn on the
// rendered page where a member would make them.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../../crypto/index.ts';
import { decodeImage } from '../../src/paper/image.ts';
import type { Point2 } from '../../src/shared/paper/homography.ts';
import { ballotPages, type PaperPage } from '../../src/shared/paper/layout.ts';
import { paperBallotsPdf } from '../../src/shared/paper/pdf.ts';

export type Image = { rgba: Uint8ClampedArray; width: number; height: number };
/** `crossed-out`: a cross the member then scribbled over, past the box's edges, to take it back. */
export type Mark = 'cross' | 'filled' | 'tick' | 'pencil' | 'faint' | 'crossed-out';

const font = (name: string) => readFileSync(new URL(import.meta.resolve(`dejavu-fonts-ttf/ttf/${name}`)));

/** One ballot's pages, laid out, printed to PDF in `dir` and rendered at `dpi`. */
export async function renderedBallot(
  manifest: Manifest,
  serial: string,
  token: string,
  dir: string,
  dpi: number,
): Promise<{ pages: PaperPage[]; images: Image[] }> {
  const pages = ballotPages(manifest, serial);
  const pdf = await paperBallotsPdf(manifest, [{ serial, token, pages }], {
    regular: font('DejaVuSans.ttf'),
    bold: font('DejaVuSans-Bold.ttf'),
  });
  const file = join(dir, `ballot-${serial}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, `ballot-${serial}`)]);
  const images = pages.map((_, i) => decodeImage(readFileSync(join(dir, `ballot-${serial}-${i + 1}.png`))));
  return { pages, images };
}

/** A pen stroke from a to b (mm), `widthMm` wide, of grey level `ink`. */
function stroke(image: Image, pxPerMm: number, a: Point2, b: Point2, widthMm: number, ink: number): void {
  const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * pxPerMm * 2);
  const r = (widthMm / 2) * pxPerMm;
  for (let s = 0; s <= steps; s++) {
    const cx = (a.x + ((b.x - a.x) * s) / steps) * pxPerMm;
    const cy = (a.y + ((b.y - a.y) * s) / steps) * pxPerMm;
    for (let y = Math.floor(cy - r); y <= cy + r; y++)
      for (let x = Math.floor(cx - r); x <= cx + r; x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
        const p = (y * image.width + x) * 4;
        for (let c = 0; c < 3; c++) image.rgba[p + c] = Math.min(image.rgba[p + c]!, ink);
      }
  }
}

/**
 * Marks option `option` of `question` on a page rendered at `pxPerMm`; given `random`, a hand's mark:
 * moved, sized and turned a little, inside the box.
 */
export function markBox(
  image: Image,
  pxPerMm: number,
  page: PaperPage,
  question: string,
  option: number,
  how: Mark,
  random?: () => number,
): void {
  const box = page.boxes.filter((b) => b.question === question)[option]!;
  const wobble = (amount: number) => (random ? (random() - 0.5) * 2 * amount : 0);
  const size = 1 + wobble(0.08);
  const turn = wobble(0.12);
  const [ox, oy] = [wobble(0.04), wobble(0.04)];
  const at = (dx: number, dy: number) => {
    const x = (dx * Math.cos(turn) - dy * Math.sin(turn)) * size + ox;
    const y = (dx * Math.sin(turn) + dy * Math.cos(turn)) * size + oy;
    return { x: box.xMm + x * box.wMm, y: box.yMm + y * box.hMm };
  };
  const line = (a: Point2, b: Point2, width: number, ink: number) => stroke(image, pxPerMm, a, b, width, ink);
  if (how === 'crossed-out') {
    markBox(image, pxPerMm, page, question, option, 'cross', random);
    for (let i = 0; i < 6; i++) line(at(-0.75, -0.4 + i * 0.16), at(0.75, -0.32 + i * 0.16), 0.6, 35);
  } else if (how === 'cross' || how === 'pencil' || how === 'faint') {
    const [width, ink] = how === 'cross' ? [0.6, 30] : how === 'pencil' ? [0.45, 150] : [0.45, 200];
    line(at(-0.4, -0.4), at(0.4, 0.4), width, ink);
    line(at(0.4, -0.4), at(-0.4, 0.4), width, ink);
  } else if (how === 'tick') {
    line(at(-0.35, 0), at(-0.1, 0.35), 0.6, 40);
    line(at(-0.1, 0.35), at(0.4, -0.4), 0.6, 40);
  } else for (let dy = -0.4; dy <= 0.4; dy += 0.08) line(at(-0.4, dy), at(0.4, dy), 0.7, 50);
}
