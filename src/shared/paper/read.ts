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
export const MARKED_AT = 0.12;
export const EMPTY_BELOW = 0.02;

/** A grey picture, one byte a pixel (0 black, 255 white). */
type Grey = { data: Uint8Array; width: number; height: number };

/** Grey level (Rec. 601 luma) of the pixel nearest (x, y); white outside the picture. */
function greyAt(image: RgbaImage, x: number, y: number): number {
  const xi = Math.round(x);
  const yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= image.width || yi >= image.height) return 255;
  const p = (yi * image.width + xi) * 4;
  const { rgba } = image;
  return (rgba[p]! * 77 + rgba[p + 1]! * 150 + rgba[p + 2]! * 29) >> 8;
}

/**
 * The picture `factor` times smaller each way, each pixel the mean grey of four pixels spread over the
 * block it stands for (all four of a 2 × 2 block): a quarter of the reads of a full mean, as smooth for
 * finding 7 mm marks.
 */
function shrunk(image: RgbaImage, factor: number): Grey {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height);
  const { rgba } = image;
  const row = image.width * 4;
  const [near, far] = [factor >> 2, (3 * factor) >> 2];
  const across = (far - near) * 4;
  const down = (far - near) * row;
  const luma = (p: number) => rgba[p]! * 77 + rgba[p + 1]! * 150 + rgba[p + 2]! * 29;
  for (let y = 0; y < height; y++) {
    let p = (y * factor + near) * row + near * 4;
    for (let x = 0; x < width; x++, p += factor * 4)
      data[y * width + x] = (luma(p) + luma(p + across) + luma(p + down) + luma(p + down + across)) >> 10;
  }
  return { data, width, height };
}

/** The longest side of the shrunk picture the corner marks are looked for in. */
const SEARCH_SIDE = 500;
/** A pixel is ink when darker than this share of the mean grey around it (light and shadow multiply both). */
const DARK_SHARE = 0.6;

/** A dark blob shaped like a corner mark: its centre and side, in the full picture's pixels. */
type Blob = { centre: Point2; side: number };

/**
 * Every dark, square, solid blob of the shrunk picture that could be a corner mark, each judged against
 * the mean grey of its neighbourhood (an integral image), labelled by one flood fill over typed arrays.
 */
function markBlobs(g: Grey, factor: number): Blob[] {
  const { data, width: w, height: h } = g;
  const stride = w + 1;
  const sums = new Uint32Array(stride * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x]!;
      sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1]! + row;
    }
  }
  const longest = Math.max(w, h);
  const r = Math.max(4, Math.round(longest / 20));
  const dark = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const total =
        sums[y1 * stride + x1]! - sums[y0 * stride + x1]! - sums[y1 * stride + x0]! + sums[y0 * stride + x0]!;
      if (data[y * w + x]! * (x1 - x0) * (y1 - y0) < DARK_SHARE * total) dark[y * w + x] = 1;
    }
  }
  const stack = new Int32Array(w * h);
  const blobs: Blob[] = [];
  const [minSide, maxSide] = [longest * 0.008, longest * 0.06];
  for (let start = 0; start < w * h; start++) {
    if (dark[start] !== 1) continue;
    dark[start] = 2;
    let top = 0;
    stack[top++] = start;
    let [area, sumX, sumY, minX, maxX, minY, maxY] = [0, 0, 0, w, 0, h, 0];
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % w;
      const y = (i - x) / w;
      area++;
      sumX += x;
      sumY += y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (const j of [
        x > 0 ? i - 1 : -1,
        x < w - 1 ? i + 1 : -1,
        y > 0 ? i - w : -1,
        y < h - 1 ? i + w : -1,
      ])
        if (j >= 0 && dark[j] === 1) {
          dark[j] = 2;
          stack[top++] = j;
        }
    }
    const bw = maxX - minX + 1;
    const bh = maxY - minY + 1;
    if (minX === 0 || minY === 0 || maxX === w - 1 || maxY === h - 1) continue;
    if (Math.max(bw, bh) > maxSide || Math.sqrt(area) < minSide) continue;
    if (bw / bh > 1.6 || bh / bw > 1.6 || area / (bw * bh) < 0.45) continue;
    blobs.push({
      centre: { x: (sumX / area + 0.5) * factor - 0.5, y: (sumY / area + 0.5) * factor - 0.5 },
      side: Math.sqrt(area) * factor,
    });
  }
  return blobs;
}

/** The blobs farthest out towards the picture's four corners, clockwise from its top-left, if alike in size. */
function outerBlobs(blobs: Blob[]): Blob[] | null {
  if (blobs.length < 4) return null;
  const picked = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([dx, dy]) =>
    blobs.reduce((best, b) =>
      dx! * b.centre.x + dy! * b.centre.y > dx! * best.centre.x + dy! * best.centre.y ? b : best,
    ),
  );
  if (new Set(picked).size < 4) return null;
  const sides = picked.map((b) => b.side);
  return Math.max(...sides) > 2 * Math.min(...sides) ? null : picked;
}

/** A corner mark as measured: its centre, its mean grey, and how many pixels of ink it has. */
type Mark = { centre: Point2; ink: number; area: number };

/**
 * A corner mark at full resolution from where it was seen: around it, the grey between the paper (90th
 * percentile) and the ink (2nd) divides the mark from the paper; its centre is the dark pixels' centroid.
 */
function refinedMark(image: RgbaImage, around: Blob): Mark | null {
  const r = Math.ceil(around.side * 0.85);
  const x0 = Math.max(0, Math.round(around.centre.x - r));
  const y0 = Math.max(0, Math.round(around.centre.y - r));
  const x1 = Math.min(image.width - 1, Math.round(around.centre.x + r));
  const y1 = Math.min(image.height - 1, Math.round(around.centre.y + r));
  if (x1 <= x0 || y1 <= y0) return null;
  const histogram = new Uint32Array(256);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) histogram[greyAt(image, x, y)]!++;
  const count = (x1 - x0 + 1) * (y1 - y0 + 1);
  const level = (share: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v]!;
      if (seen > share * count) return v;
    }
    return 255;
  };
  const [dark, bright] = [level(0.02), level(0.9)];
  if (bright - dark < 40) return null;
  const threshold = (bright + dark) / 2;
  let [n, sumX, sumY, ink] = [0, 0, 0, 0];
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const v = greyAt(image, x, y);
      if (v >= threshold) continue;
      n++;
      sumX += x;
      sumY += y;
      ink += v;
    }
  return { centre: { x: sumX / n, y: sumY / n }, ink: ink / n, area: n };
}

/** The image at half its size, each pixel the mean of four: less noise and blur, per pixel, for jsQR. */
function halved(rgba: Uint8ClampedArray, width: number, height: number) {
  const w = width >> 1;
  const h = height >> 1;
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const p = (2 * y * width + 2 * x) * 4;
      const q = p + width * 4;
      for (let c = 0; c < 4; c++)
        out[(y * w + x) * 4 + c] = (rgba[p + c]! + rgba[p + 4 + c]! + rgba[q + c]! + rgba[q + 4 + c]!) / 4;
    }
  return { rgba: out, width: w, height: h };
}

/** The QR in a part of the picture (whole, then halved), its corners in the whole picture's pixels. */
function qrIn(image: RgbaImage, findQr: QrFinder, x0 = 0, y0 = 0, w = image.width, h = image.height) {
  let rgba = image.rgba;
  if (x0 !== 0 || y0 !== 0 || w !== image.width || h !== image.height) {
    rgba = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++)
      rgba.set(
        image.rgba.subarray(((y0 + y) * image.width + x0) * 4, ((y0 + y) * image.width + x0 + w) * 4),
        y * w * 4,
      );
  }
  const moved = (qr: FoundQr | null, scale: number): FoundQr | null =>
    qr && {
      ...qr,
      corners: qr.corners.map((p) => ({
        x: (p.x + 0.5) * scale - 0.5 + x0,
        y: (p.y + 0.5) * scale - 0.5 + y0,
      })),
    };
  const half = () => {
    const smaller = halved(rgba, w, h);
    return moved(findQr(smaller.rgba, smaller.width, smaller.height), 2);
  };
  // a crop is small: full size first; a whole picture is large: halved first, it is four times faster
  return x0 === 0 && y0 === 0 && w === image.width && h === image.height
    ? (half() ?? moved(findQr(rgba, w, h), 1))
    : (moved(findQr(rgba, w, h), 1) ?? half());
}

/** The QR where the page's map puts it: a crop of the picture around the printed square. */
function qrOnPage(image: RgbaImage, page: Homography, findQr: QrFinder): FoundQr | null {
  const m = 1;
  const corners = [
    { x: QR_MM.x - m, y: QR_MM.y - m },
    { x: QR_MM.x + QR_MM.size + m, y: QR_MM.y - m },
    { x: QR_MM.x + QR_MM.size + m, y: QR_MM.y + QR_MM.size + m },
    { x: QR_MM.x - m, y: QR_MM.y + QR_MM.size + m },
  ].map(page);
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.x))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.y))));
  const x1 = Math.min(image.width, Math.ceil(Math.max(...corners.map((p) => p.x))));
  const y1 = Math.min(image.height, Math.ceil(Math.max(...corners.map((p) => p.y))));
  if (x1 - x0 < 16 || y1 - y0 < 16) return null;
  return qrIn(image, findQr, x0, y0, x1 - x0, y1 - y0);
}

/** Whether the QR lies where the page's map puts it (within 3 mm at each corner). */
function agrees(page: Homography, qr: FoundQr): boolean {
  const expected = qrCornersMm(qr.modules).map(page);
  const tolerance = 3 * pxPerMm(page, { x: QR_MM.x, y: QR_MM.y });
  return expected.every((p, i) => Math.hypot(p.x - qr.corners[i]!.x, p.y - qr.corners[i]!.y) < tolerance);
}

const MARKS_MM = (): Point2[] => markCentres().map((m) => ({ x: m.xMm, y: m.yMm }));

type Located = { qr: FoundQr; marks: Mark[]; page: Homography };

/**
 * The page found from its corner marks alone (the four outermost mark-like blobs), the way up being
 * the one that puts the QR, read from a crop, where it is printed: no decoding of the whole picture.
 */
function locateByMarks(image: RgbaImage, blobs: Blob[], findQr: QrFinder): Located | null {
  const outer = outerBlobs(blobs);
  const marks = outer?.map((b) => refinedMark(image, b));
  if (!marks || marks.some((m) => m === null)) return null;
  const c = marks.map((m) => m!.centre);
  const side = (a: number, b: number) => Math.hypot(c[a]!.x - c[b]!.x, c[a]!.y - c[b]!.y);
  const upright = side(0, 3) + side(1, 2) >= side(0, 1) + side(2, 3);
  for (const turn of upright ? [0, 2, 1, 3] : [1, 3, 0, 2]) {
    const found = settled(
      image,
      [0, 1, 2, 3].map((i) => marks[(i + turn) % 4]!),
    );
    const qr = found && qrOnPage(image, found.page, findQr);
    if (found && qr && agrees(found.page, qr)) return { qr, ...found };
  }
  return null;
}

/** The page found from its QR (read from the whole picture): each corner mark the blob nearest where the QR puts it. */
function locateByQr(image: RgbaImage, blobs: Blob[], qr: FoundQr): Located | string {
  // Affine, not perspective: a small QR's corners fix a perspective too loosely to reach the far corners.
  const fromQr = affine(qrCornersMm(qr.modules), qr.corners);
  if (!fromQr) return 'no page found: the QR code’s corners are degenerate';
  const marks = MARKS_MM().map((m) => {
    const guess = fromQr(m);
    const scale = pxPerMm(fromQr, m);
    const near = blobs
      .filter((b) => b.side > MARK_MM.size * scale * 0.5 && b.side < MARK_MM.size * scale * 2)
      .map((b) => ({ b, d: Math.hypot(b.centre.x - guess.x, b.centre.y - guess.y) }))
      .filter(({ d }) => d < 20 * scale)
      .sort((a, b) => a.d - b.d)[0];
    return refinedMark(image, near?.b ?? { centre: guess, side: MARK_MM.size * scale });
  });
  const found = marks.every((m) => m !== null) ? settled(image, marks as Mark[]) : null;
  if (!found) return 'no page found: a corner mark is missing (keep the whole page in the picture)';
  return { qr, ...found };
}

/**
 * The page's map from its four marks (in the page's order), each measured again, twice, in the window
 * its size on the page gives (the first window came from a blob, which blur or noise may have shrunk or
 * a guess may have missed), and its ink checked to cover about a 7 mm square.
 */
function settled(image: RgbaImage, placed: Mark[]): { marks: Mark[]; page: Homography } | null {
  let marks: Array<Mark | null> = placed;
  for (let pass = 0; pass < 2; pass++) {
    const page = homography(
      MARKS_MM(),
      marks.map((m) => m!.centre),
    );
    if (!page) return null;
    marks = MARKS_MM().map((mm, i) => {
      const side = MARK_MM.size * pxPerMm(page, mm);
      const mark = refinedMark(image, { centre: marks[i]!.centre, side });
      return mark && mark.area > 0.5 * side * side && mark.area < 1.6 * side * side ? mark : null;
    });
    if (marks.some((m) => m === null)) return null;
  }
  const page = homography(
    MARKS_MM(),
    marks.map((m) => m!.centre),
  );
  return page && { marks: marks as Mark[], page };
}

const pxPerMm = (h: Homography, p: Point2): number => {
  const a = h(p);
  const b = h({ x: p.x + 1, y: p.y });
  const c = h({ x: p.x, y: p.y + 1 });
  return (Math.hypot(b.x - a.x, b.y - a.y) + Math.hypot(c.x - a.x, c.y - a.y)) / 2;
};

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

/**
 * How much darker than the paper around it a box's inside must be on the whole, as a share of the page's
 * paper-to-ink contrast, to hold a faint mark (a light pencil, a mark rubbed out). A mean, so blur, noise
 * and JPEG blocks do not hide it: they move ink about but keep its sum.
 */
export const FAINT_SHADE = 0.035;

/** Share of the band around a box (clear of its border) that must be ink to call the mark spilled. */
export const SPILLED_AT = 0.1;

/**
 * The shares of the box's inside (70% of it, clear of the printed border) darker than the midpoint of
 * paper and ink (`fill`), how much darker than the paper it is on the whole (`shade`); and of a band
 * just outside the box (`spill`): a mark scribbled over to take it back runs past the box's edges.
 */
function boxFill(
  image: RgbaImage,
  page: Homography,
  box: PaperPage['boxes'][number],
  ink: number,
): { fill: number; shade: number; spill: number } {
  const halfW = box.wMm / 2;
  const halfH = box.hMm / 2;
  const band: number[] = [];
  for (const r of [1.28, 1.4])
    for (let i = 0; i < 12; i++) {
      const t = ((i + 0.5) / 12) * 2 - 1;
      for (const [dx, dy] of [
        [t, -1],
        [t, 1],
        [-1, t],
        [1, t],
      ] as const) {
        const p = page({ x: box.xMm + dx * r * halfW, y: box.yMm + dy * r * halfH });
        band.push(greyAt(image, p.x, p.y));
      }
    }
  const paper = median(band);
  const contrast = Math.max(paper - ink, 60);
  const threshold = paper - 0.25 * contrast;
  const n = 14;
  let dark = 0;
  let sum = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const p = page({
        x: box.xMm + ((i + 0.5) / n - 0.5) * box.wMm * 0.7,
        y: box.yMm + ((j + 0.5) / n - 0.5) * box.hMm * 0.7,
      });
      const value = greyAt(image, p.x, p.y);
      if (value < threshold) dark++;
      sum += value;
    }
  const spilled = band.filter((v) => v < threshold).length;
  return { fill: dark / (n * n), shade: (paper - sum / (n * n)) / contrast, spill: spilled / band.length };
}

/**
 * Each question's answer from its boxes' fills: one clear mark, none at all, or unsure (two marks, a box
 * between empty and marked, a faint mark that is not ink-dark, or a mark spilling out of its box, as one
 * crossed out does).
 */
export function answerOf(
  question: string,
  fills: Array<{ option: string; fill: number; shade?: number; spill?: number }>,
): PaperAnswer {
  const marked = fills.filter((f) => f.fill >= MARKED_AT);
  const doubtful = fills.filter(
    (f) =>
      (f.fill < MARKED_AT && (f.fill >= EMPTY_BELOW || (f.shade ?? 0) >= FAINT_SHADE)) ||
      (f.fill >= EMPTY_BELOW && (f.spill ?? 0) >= SPILLED_AT),
  );
  if (marked.length === 1 && doubtful.length === 0)
    return { question, option: marked[0]!.option, state: 'marked' };
  if (marked.length === 0 && doubtful.length === 0) return { question, option: null, state: 'empty' };
  const strongest = [...fills].sort((a, b) => b.fill - a.fill || (b.shade ?? 0) - (a.shade ?? 0))[0]!;
  return { question, option: strongest.option, state: 'unsure' };
}

export const NO_QR = 'no page found: no QR code in the image';

/** A page of the layout by its ballot's serial and its number. */
export type PageOf = (serial: string, page: number) => PaperPage | undefined;

export function readPaperPage(image: RgbaImage, layout: PaperLayout, findQr: QrFinder): PageReading {
  return readPage(
    image,
    layout.meetingId,
    (serial, page) => layout.pages.find((p) => p.ballot === serial && p.page === page),
    findQr,
  );
}

/** The reading of one page, its ballot's layout looked up by the serial its QR names. */
export function readPage(image: RgbaImage, meetingId: string, pageOf: PageOf, findQr: QrFinder): PageReading {
  const none = (problem: string, found: Partial<PageReading> = {}): PageReading => ({
    ballot: null,
    page: null,
    token: null,
    answers: [],
    problems: [problem],
    ...found,
  });
  const factor = Math.max(1, Math.round(Math.max(image.width, image.height) / SEARCH_SIDE));
  const blobs = markBlobs(shrunk(image, factor), factor);
  const byMarks = locateByMarks(image, blobs, findQr);
  const qr = byMarks?.qr ?? qrIn(image, findQr);
  if (!qr) return none(NO_QR);
  const label = parsePaperQr(qr.text);
  if (!label) return none('no page found: the QR code is not a paper ballot’s');
  const found = { ballot: label.serial, page: label.page };
  if (label.meetingId !== meetingId)
    return none(`wrong meeting: the ballot is for meeting ${label.meetingId}`, found);
  const layoutPage = pageOf(label.serial, label.page);
  if (!layoutPage)
    return none(`page missing: ballot ${label.serial} page ${label.page} is not in the layout`, found);
  const located = byMarks ?? locateByQr(image, blobs, qr);
  if (typeof located === 'string') return none(located, found);
  const { marks, page } = located;
  const ink = median(marks.map((m) => m.ink));
  const answers = layoutPage.rows.map((row) =>
    answerOf(
      row.question,
      layoutPage.boxes
        .filter((b) => b.question === row.question)
        .map((b) => ({ option: b.option, ...boxFill(image, page, b, ink) })),
    ),
  );
  return { ...found, token: label.token, answers, problems: [], corners: marks.map((m) => m.centre) };
}
