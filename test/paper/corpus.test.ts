// The reader against a corpus of 500 synthetic phone photos of the real PDF (SPEC §3.1), made once for
// this file over the machine's cores (worker threads, corpus-worker.ts): every photo a 1440 × 1920
// camera frame as the board's scanning page reads it, the page turned up to ±15° and seen in
// perspective, some blurred, some JPEG-compressed, under uneven light and shadow, with rows marked as
// members mark them (crosses, ticks, filled boxes, light pencil), left empty, or left doubtful (two marks,
// a mark taken back by scribbling over it, a faint one). At least 99.5% of the boxes must be read right,
// and no row may be read as another answer than the member's without being `unsure`: a doubtful row
// goes to the board, never silently into the count.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken, tokenText } from '../../crypto/index.ts';
import { corpusManifest, DPI, OPTIONS, type Outcome, type PhotoResult, type Reading } from './corpus.ts';
import { renderedBallot } from './marking.ts';

const PHOTOS = Number(process.env.CORPUS_PHOTOS ?? 500);

/** A box as the reader's answer for its row says: the option marked, empty, or part of an unsure row. */
const boxState = (reading: Reading | null, option: string): string =>
  reading === null
    ? 'not read'
    : reading.state === 'unsure'
      ? 'unsure'
      : reading.option === option
        ? 'marked'
        : 'empty';

/** Worker threads run TypeScript through tsx's loader, as bin/run-ts.js does. */
function inWorker(workerData: object): Promise<PhotoResult[]> {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const worker = JSON.stringify(new URL('./corpus-worker.ts', import.meta.url).href);
  const thread = new Worker(`import(${tsx}).then((t) => { t.register(); return import(${worker}); });`, {
    eval: true,
    workerData,
  });
  return new Promise((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`corpus worker stopped (${code})`)));
  });
}

let dir: string;
let results: PhotoResult[] = [];
let outcomes: Outcome[] = [];
let rowsPerPhoto = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'phieukin-corpus-'));
  const { pages, images } = await renderedBallot(corpusManifest, '1', tokenText(newToken()), dir, DPI);
  expect(pages).toHaveLength(1);
  rowsPerPhoto = pages[0]!.rows.length;
  const threads = Math.max(1, Math.min(2, availableParallelism()));
  const shares = await Promise.all(
    Array.from({ length: threads }, (_, first) =>
      inWorker({ rendered: images[0], page: pages[0], first, step: threads, photos: PHOTOS }),
    ),
  );
  results = shares.flat().sort((a, b) => a.photo - b.photo);
  outcomes = results.flatMap((r) => r.outcomes);
}, 1_200_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  results = [];
  outcomes = [];
});

describe(`the reader over ${PHOTOS} synthetic photos`, () => {
  it('reads at least 99.5% of the boxes right', () => {
    let right = 0;
    let boxes = 0;
    const wrongByKind: Record<string, number> = {};
    for (const o of outcomes)
      for (let i = 0; i < OPTIONS; i++) {
        boxes++;
        const option = `o${i}`;
        if (boxState(o.read, option) === boxState(o.expected, option)) right++;
        else wrongByKind[`${o.kind} ${o.marks}`] = (wrongByKind[`${o.kind} ${o.marks}`] ?? 0) + 1;
      }
    const notFound = results.filter((r) => r.problems.length > 0);
    console.log(
      `paper corpus: ${right} of ${boxes} boxes read right (${((100 * right) / boxes).toFixed(2)}%),` +
        ` ${outcomes.filter((o) => o.read?.state === 'unsure').length} of ${outcomes.length} rows unsure,` +
        ` page not found in ${notFound.length} of ${results.length} photos${notFound.map((r) => ` (photo ${r.photo}: ${r.problems[0]})`).join('')};` +
        ` wrong boxes by row: ${JSON.stringify(wrongByKind)}`,
    );
    expect(results).toHaveLength(PHOTOS);
    expect(boxes).toBe(PHOTOS * rowsPerPhoto * OPTIONS);
    expect(right / boxes, JSON.stringify({ wrongByKind, notFound })).toBeGreaterThanOrEqual(0.995);
  });

  it('reads no row as another answer than the member’s without saying unsure', () => {
    const silent = outcomes.filter(
      (o) =>
        o.read !== null &&
        o.read.state !== 'unsure' &&
        (o.read.option !== o.expected.option || o.expected.state === 'unsure'),
    );
    console.log(`paper corpus: ${silent.length} rows read as another answer without unsure`);
    expect(
      silent.map(
        (o) =>
          `photo ${o.photo} ${o.kind} ${o.marks}: ${o.expected.state} ${o.expected.option} read ${o.read!.state} ${o.read!.option}`,
      ),
    ).toEqual([]);
  });

  it('holds every kind of mark and of photo', () => {
    const kinds = new Set(outcomes.map((o) => o.kind));
    expect([...kinds].sort()).toEqual(['changed', 'clear', 'crossed-out', 'double', 'empty', 'faint']);
    const marks = new Set(outcomes.flatMap((o) => o.marks.split('+')));
    for (const mark of ['cross', 'tick', 'filled', 'pencil', 'faint', 'crossed-out'])
      expect(marks).toContain(mark);
    const shots = results.map((r) => r.shot);
    expect(shots.some((s) => s.angle < -14) && shots.some((s) => s.angle > 14)).toBe(true);
    expect(shots.filter((s) => s.tilt > 0.04).length).toBeGreaterThan(PHOTOS / 4);
    expect(shots.filter((s) => s.jpeg !== null).length).toBeGreaterThan(PHOTOS / 5);
    expect(shots.filter((s) => (s.blur ?? 0) > 0).length).toBeGreaterThan(PHOTOS / 3);
    expect(shots.filter((s) => s.shadow !== null).length).toBeGreaterThan(PHOTOS / 3);
  });
});
