// Synthetic phone photos of a rendered paper ballot page, for the paper tests: the page turned and seen
// in perspective on a darker table, blurred (focus, shake), under light that fades across the picture with
// a shadow over part of it, with sensor noise and, if asked, a phone's JPEG compression. Seeded.
import { decode as decodeJpeg, encode as encodeJpeg } from 'jpeg-js';
import { homography, type Point2 } from '../../src/shared/paper/homography.ts';
import type { Image } from './marking.ts';

/** A small seeded generator (mulberry32): the same seed, the same photos. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Shot = {
  /** Degrees the page is turned. */
  angle: number;
  /** How much narrower the page's top looks than its bottom (perspective), 0–0.1. */
  tilt: number;
  /** The page's size in the picture against the page as rendered. */
  scale?: number;
  /** The picture's size in pixels (the table around the page); the page's 1.25 × 1.2 by default. */
  size?: { width: number; height: number };
  /** Each corner moved by up to this share of the page (uneven perspective). */
  jitter?: number;
  /** Box blur radius in pixels (0: sharp). */
  blur?: number;
  /** Light from 1 − `fade` at the dark side to 1. */
  fade?: number;
  /** A soft shadow: centre (share of the picture), radius (share of its width), darkness 0–1. */
  shadow?: { x: number; y: number; r: number; depth: number } | null;
  /** Noise amplitude in grey levels. */
  noise?: number;
  /** JPEG quality 1–100, or null for none. */
  jpeg?: number | null;
  seed?: number;
};

/** Separable box blur of a grey image of `width` × `height`, `radius` pixels. */
function boxBlur(grey: Float32Array, width: number, height: number, radius: number): Float32Array {
  if (radius <= 0) return grey;
  const out = new Float32Array(grey.length);
  const tmp = new Float32Array(grey.length);
  const span = 2 * radius + 1;
  for (let y = 0; y < height; y++) {
    let sum = 0;
    for (let x = -radius; x <= radius; x++) sum += grey[y * width + Math.min(width - 1, Math.max(0, x))]!;
    for (let x = 0; x < width; x++) {
      tmp[y * width + x] = sum / span;
      const add = Math.min(width - 1, x + radius + 1);
      const drop = Math.max(0, x - radius);
      sum += grey[y * width + add]! - grey[y * width + drop]!;
    }
  }
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let y = -radius; y <= radius; y++) sum += tmp[Math.min(height - 1, Math.max(0, y)) * width + x]!;
    for (let y = 0; y < height; y++) {
      out[y * width + x] = sum / span;
      const add = Math.min(height - 1, y + radius + 1);
      const drop = Math.max(0, y - radius);
      sum += tmp[add * width + x]! - tmp[drop * width + x]!;
    }
  }
  return out;
}

export function photograph(page: Image, shot: Shot): Image {
  const random = seeded(shot.seed ?? 12345);
  const width = shot.size?.width ?? Math.round(page.width * 1.25);
  const height = shot.size?.height ?? Math.round(page.height * 1.2);
  const rad = (shot.angle * Math.PI) / 180;
  const scale = shot.scale ?? 0.85;
  const jitter = (shot.jitter ?? 0) * page.width;
  const pageCorners = [
    { x: 0, y: 0 },
    { x: page.width, y: 0 },
    { x: page.width, y: page.height },
    { x: 0, y: page.height },
  ];
  const corners = pageCorners.map((p, i): Point2 => {
    const x = p.x - page.width / 2;
    const y = p.y - page.height / 2;
    const shrink = i < 2 ? 1 - shot.tilt : 1;
    return {
      x: width / 2 + (x * Math.cos(rad) - y * Math.sin(rad)) * scale * shrink + (random() - 0.5) * 2 * jitter,
      y: height / 2 + (x * Math.sin(rad) + y * Math.cos(rad)) * scale + (random() - 0.5) * 2 * jitter,
    };
  });
  const back = homography(corners, pageCorners)!;
  // the perspective at every GRID-th pixel, linear in between (it bends far less than a pixel there)
  const GRID = 8;
  const columns = Math.ceil(width / GRID) + 1;
  const rows = Math.ceil(height / GRID) + 1;
  const knots = new Float64Array(columns * rows * 2);
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < columns; i++) {
      const s = back({ x: i * GRID, y: j * GRID });
      knots[(j * columns + i) * 2] = s.x;
      knots[(j * columns + i) * 2 + 1] = s.y;
    }
  const grey = new Float32Array(width * height);
  const source = page.rgba;
  const [right, bottom] = [page.width - 1, page.height - 1];
  for (let y = 0; y < height; y++) {
    const j = Math.floor(y / GRID);
    const w = y / GRID - j;
    for (let x = 0; x < width; x++) {
      const i = Math.floor(x / GRID);
      const u = x / GRID - i;
      const k = (j * columns + i) * 2;
      const k2 = k + columns * 2;
      const sx =
        (knots[k]! * (1 - u) + knots[k + 2]! * u) * (1 - w) + (knots[k2]! * (1 - u) + knots[k2 + 2]! * u) * w;
      const sy =
        (knots[k + 1]! * (1 - u) + knots[k + 3]! * u) * (1 - w) +
        (knots[k2 + 1]! * (1 - u) + knots[k2 + 3]! * u) * w;
      let value = 70;
      if (sx >= 0 && sy >= 0 && sx < right && sy < bottom) {
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const fx = sx - x0;
        const fy = sy - y0;
        const p = (y0 * page.width + x0) * 4;
        const q = p + page.width * 4;
        value =
          (source[p]! * (1 - fx) + source[p + 4]! * fx) * (1 - fy) +
          (source[q]! * (1 - fx) + source[q + 4]! * fx) * fy;
      }
      grey[y * width + x] = value;
    }
  }
  const blurred = boxBlur(grey, width, height, shot.blur ?? 0);
  const fade = shot.fade ?? 0.28;
  const shadow = shot.shadow ?? null;
  const noise = shot.noise ?? 8;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const across = fade * (1 - 0.4 * (y / height));
    const dy = shadow ? (y - shadow.y * height) / width : 0;
    for (let x = 0; x < width; x++) {
      let light = 1 - fade + across * (x / width);
      if (shadow) {
        const dx = x / width - shadow.x;
        const d2 = (dx * dx + dy * dy) / (shadow.r * shadow.r);
        if (d2 < 1) light *= 1 - shadow.depth * (1 - d2);
      }
      const out = blurred[y * width + x]! * light + (random() - 0.5) * 2 * noise;
      const p = (y * width + x) * 4;
      rgba[p] = out;
      rgba[p + 1] = out;
      rgba[p + 2] = out;
      rgba[p + 3] = 255;
    }
  }
  if (shot.jpeg == null) return { rgba, width, height };
  const decoded = decodeJpeg(encodeJpeg({ data: rgba, width, height }, shot.jpeg).data, {
    useTArray: true,
    formatAsRGBA: true,
  });
  return { rgba: new Uint8ClampedArray(decoded.data), width, height };
}
