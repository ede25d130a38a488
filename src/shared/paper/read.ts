// Reading a photo or scan of a paper ballot's page (SPEC §3.1): the QR names the ballot and the page and
// gives a first estimate of where the page lies; the four corner marks, found near where that estimate
// puts them, fix its perspective and rotation; every box is then sampled and judged against the paper
// around it and the ink of the corner marks. Two marks in a row, or a box neither clearly empty nor
// clearly marked, make the row `unsure`: never silently read. Pure: the QR decoder is passed in.
import { affine, type Homography, homography, type Point2 } from './homography.ts';
import {
  MARK_MM,
  markCentres,
  type PaperLayout,
  type PaperPage,
  parsePaperQr,
  QR_MM,
  QR_QUIET,
} from './layout.ts';

export type RgbaImage = { rgba: Uint8ClampedArray; width: number; height: number };
/** A decoded QR: its text, its size in modules, its corners clockwise from its top-left. */
export type FoundQr = { text: string; modules: number; corners: Point2[] };
export type QrFinder = (rgba: Uint8ClampedArray, width: number, height: number) => FoundQr | null;

export type AnswerState = 'marked' | 'empty' | 'unsure';
export type PaperAnswer = { question: string; option: string | null; state: AnswerState };
export type PageReading = {
  ballot: string | null;
  page: number | null;
  /** The token of the ballot, from the QR: the scanning phone signs with it. Never printed by the CLI. */
  token: string | null;
  answers: PaperAnswer[];
  problems: string[];
  /** Where the corner marks' centres are in the image, clockwise from the top-left (a page found). */
  corners?: Point2[];
};

/** Share of a box's inside that must be ink to count as a mark, and at most to count as empty. */
export const MARKED_AT = 0.06;
export const EMPTY_BELOW = 0.02;

class Gray {
  readonly data: Uint8Array;
  constructor(
    image: RgbaImage,
    readonly width = image.width,
    readonly height = image.height,
  ) {
    const { rgba } = image;
    this.data = new Uint8Array(width * height);
    for (let i = 0, p = 0; i < this.data.length; i++, p += 4)
      this.data[i] = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000;
  }
  at(x: number, y: number): number {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.width || yi >= this.height) return 255;
    return this.data[yi * this.width + xi]!;
  }
}

const pxPerMm = (h: Homography, p: Point2): number => {
  const a = h(p);
  const b = h({ x: p.x + 1, y: p.y });
  const c = h({ x: p.x, y: p.y + 1 });
  return (Math.hypot(b.x - a.x, b.y - a.y) + Math.hypot(c.x - a.x, c.y - a.y)) / 2;
};

/** The dark square nearest `guess` within `radius` px that has the corner mark's size: its centre and ink. */
function findMark(
  g: Gray,
  guess: Point2,
  scale: number,
  radius: number,
): { centre: Point2; ink: number } | null {
  const x0 = Math.max(0, Math.floor(guess.x - radius));
  const y0 = Math.max(0, Math.floor(guess.y - radius));
  const x1 = Math.min(g.width - 1, Math.ceil(guess.x + radius));
  const y1 = Math.min(g.height - 1, Math.ceil(guess.y + radius));
  if (x1 <= x0 || y1 <= y0) return null;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const values: number[] = [];
  for (let y = y0; y <= y1; y += 2) for (let x = x0; x <= x1; x += 2) values.push(g.at(x, y));
  values.sort((a, b) => a - b);
  const bright = values[Math.floor(values.length * 0.9)]!;
  const dark = values[Math.floor(values.length * 0.02)]!;
  if (bright - dark < 40) return null;
  const threshold = (bright + dark) / 2;
  const seen = new Uint8Array(w * h);
  const expected = (MARK_MM.size * scale) ** 2;
  let best: { centre: Point2; ink: number; distance: number } | null = null;
  for (let sy = 0; sy < h; sy++)
    for (let sx = 0; sx < w; sx++) {
      if (seen[sy * w + sx] || g.at(x0 + sx, y0 + sy) >= threshold) continue;
      const stack = [sy * w + sx];
      seen[sy * w + sx] = 1;
      let area = 0;
      let sumX = 0;
      let sumY = 0;
      let ink = 0;
      let minX = sx;
      let maxX = sx;
      let minY = sy;
      let maxY = sy;
      while (stack.length > 0) {
        const i = stack.pop()!;
        const px = i % w;
        const py = (i - px) / w;
        area++;
        sumX += px;
        sumY += py;
        ink += g.at(x0 + px, y0 + py);
        minX = Math.min(minX, px);
        maxX = Math.max(maxX, px);
        minY = Math.min(minY, py);
        maxY = Math.max(maxY, py);
        for (const [nx, ny] of [
          [px + 1, py],
          [px - 1, py],
          [px, py + 1],
          [px, py - 1],
        ] as const) {
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const j = ny * w + nx;
          if (seen[j] || g.at(x0 + nx, y0 + ny) >= threshold) continue;
          seen[j] = 1;
          stack.push(j);
        }
      }
      const bw = maxX - minX + 1;
      const bh = maxY - minY + 1;
      if (area < expected * 0.4 || area > expected * 2.2) continue;
      if (bw / bh > 1.8 || bh / bw > 1.8 || area / (bw * bh) < 0.45) continue;
      const centre = { x: x0 + sumX / area, y: y0 + sumY / area };
      const distance = Math.hypot(centre.x - guess.x, centre.y - guess.y);
      if (!best || distance < best.distance) best = { centre, ink: ink / area, distance };
    }
  return best;
}

/** The QR symbol's corners on the page, in mm, clockwise from its top-left (as the decoder gives them). */
function qrCornersMm(modules: number): Point2[] {
  const cell = QR_MM.size / (modules + 2 * QR_QUIET);
  const a = QR_MM.x + QR_QUIET * cell;
  const b = QR_MM.y + QR_QUIET * cell;
  const side = modules * cell;
  return [
    { x: a, y: b },
    { x: a + side, y: b },
    { x: a + side, y: b + side },
    { x: a, y: b + side },
  ];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 255;
};

/** Grey levels below the paper around a box that a faint mark (a light pencil, a mark rubbed out) reaches. */
const FAINT_BELOW_PAPER = 28;

/**
 * The shares of the box's inside (70% of it, clear of the printed border) darker than the midpoint of
 * paper and ink (`fill`), and darker than the paper by a faint mark's contrast (`faint`).
 */
function boxFill(
  g: Gray,
  page: Homography,
  box: PaperPage['boxes'][number],
  ink: number,
): { fill: number; faint: number } {
  const ring: number[] = [];
  const halfW = box.wMm / 2;
  const halfH = box.hMm / 2;
  for (let i = 0; i < 24; i++) {
    const angle = (i / 24) * 2 * Math.PI;
    for (const r of [1.3, 1.5]) {
      const p = page({ x: box.xMm + Math.cos(angle) * halfW * r, y: box.yMm + Math.sin(angle) * halfH * r });
      ring.push(g.at(p.x, p.y));
    }
  }
  const paper = median(ring);
  const threshold = paper - 0.35 * Math.max(paper - ink, 60);
  const n = 14;
  let dark = 0;
  let faint = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const p = page({
        x: box.xMm + ((i + 0.5) / n - 0.5) * box.wMm * 0.7,
        y: box.yMm + ((j + 0.5) / n - 0.5) * box.hMm * 0.7,
      });
      const value = g.at(p.x, p.y);
      if (value < threshold) dark++;
      if (value < paper - FAINT_BELOW_PAPER) faint++;
    }
  return { fill: dark / (n * n), faint: faint / (n * n) };
}

/**
 * Each question's answer from its boxes' fills: one clear mark, none at all, or unsure (two marks, a box
 * between empty and marked, or a faint mark that is not ink-dark).
 */
export function answerOf(
  question: string,
  fills: Array<{ option: string; fill: number; faint?: number }>,
): PaperAnswer {
  const marked = fills.filter((f) => f.fill >= MARKED_AT);
  const doubtful = fills.filter(
    (f) => f.fill < MARKED_AT && (f.fill >= EMPTY_BELOW || (f.faint ?? 0) >= MARKED_AT),
  );
  if (marked.length === 1 && doubtful.length === 0)
    return { question, option: marked[0]!.option, state: 'marked' };
  if (marked.length === 0 && doubtful.length === 0) return { question, option: null, state: 'empty' };
  const strongest = [...fills].sort((a, b) => b.fill - a.fill || (b.faint ?? 0) - (a.faint ?? 0))[0]!;
  return { question, option: strongest.option, state: 'unsure' };
}

export function readPaperPage(image: RgbaImage, layout: PaperLayout, findQr: QrFinder): PageReading {
  const none = (problem: string, found: Partial<PageReading> = {}): PageReading => ({
    ballot: null,
    page: null,
    token: null,
    answers: [],
    problems: [problem],
    ...found,
  });
  const qr = findQr(image.rgba, image.width, image.height);
  if (!qr) return none('no page found: no QR code in the image');
  const label = parsePaperQr(qr.text);
  if (!label) return none('no page found: the QR code is not a paper ballot’s');
  const found = { ballot: label.serial, page: label.page };
  if (label.meetingId !== layout.meetingId)
    return none(`wrong meeting: the ballot is for meeting ${label.meetingId}`, found);
  const layoutPage = layout.pages.find((p) => p.ballot === label.serial && p.page === label.page);
  if (!layoutPage)
    return none(`page missing: ballot ${label.serial} page ${label.page} is not in the layout`, found);
  // Affine, not perspective: a small QR's corners fix a perspective too loosely to reach the far corners.
  const fromQr = affine(qrCornersMm(qr.modules), qr.corners);
  if (!fromQr) return none('no page found: the QR code’s corners are degenerate', found);
  const g = new Gray(image);
  const marks = markCentres().map((m) => {
    const guess = fromQr({ x: m.xMm, y: m.yMm });
    const scale = pxPerMm(fromQr, { x: m.xMm, y: m.yMm });
    return findMark(g, guess, scale, 30 * scale);
  });
  if (marks.some((m) => m === null))
    return none('no page found: a corner mark is missing (keep the whole page in the picture)', found);
  const page = homography(
    markCentres().map((m) => ({ x: m.xMm, y: m.yMm })),
    marks.map((m) => m!.centre),
  );
  if (!page) return none('no page found: the corner marks are degenerate', found);
  const ink = median(marks.map((m) => m!.ink));
  const answers = layoutPage.rows.map((row) =>
    answerOf(
      row.question,
      layoutPage.boxes
        .filter((b) => b.question === row.question)
        .map((b) => ({ option: b.option, ...boxFill(g, page, b, ink) })),
    ),
  );
  return { ...found, token: label.token, answers, problems: [], corners: marks.map((m) => m!.centre) };
}
