// The synthetic photo corpus of the paper reader (corpus.test.ts): a one-page ballot of the real PDF,
// each photo's rows marked as members mark them and the photo taken as a phone at the board's camera
// frame would take it, all from the photo's number (seeded), so a worker thread can make and read any
// share of the corpus from the rendered page alone.
import { type Manifest, parseManifest } from '../../crypto/index.ts';
import type { PaperPage } from '../../src/shared/paper/layout.ts';
import { findQr } from '../../src/shared/paper/qr.ts';
import { type AnswerState, readPaperPage } from '../../src/shared/paper/read.ts';
import { type Image, type Mark, markBox } from './marking.ts';
import { photograph, type Shot, seeded } from './photo.ts';

export const OPTIONS = 4;
/** The page rendered at 150 dpi; photographed into the board page's camera frame, 1440 × 1920 (portrait). */
export const DPI = 150;
const FRAME = { width: 1440, height: 1920 };

export const corpusManifest: Manifest = parseManifest(
  JSON.stringify({
    protocol: 'phieukin/v1',
    meetingId: 'paper-corpus',
    title: 'Họp chi bộ: đánh giá, xếp loại đảng viên',
    organisation: 'Chi bộ Khu phố 5',
    kind: 'classification',
    ruleSet: 'none',
    electorate: 30,
    trustees: { n: 1, k: 1 },
    settings: {},
    questions: Array.from({ length: 20 }, (_, q) => ({
      id: `q${q + 1}`,
      subjectId: `m${q + 1}`,
      subject: `Đảng viên Trần Thị ${q + 1}`,
      role: 'member',
      facts: [],
      prompt: 'Xếp loại',
      options: Array.from({ length: OPTIONS }, (_, i) => ({ id: `o${i}`, label: `Mức ${i + 1}` })),
    })),
  }),
);

/** How a row was marked, and what the reader must make of it. */
export type RowKind = 'empty' | 'clear' | 'double' | 'changed' | 'crossed-out' | 'faint';
type Row = { kind: RowKind; marks: Array<{ option: number; mark: Mark }>; expected: Reading };
export type Reading = { state: AnswerState; option: string | null };
export type Outcome = {
  photo: number;
  kind: RowKind;
  marks: string;
  expected: Reading;
  /** null: the page was not found in the photo. */
  read: Reading | null;
};
export type PhotoResult = { photo: number; shot: Shot; problems: string[]; outcomes: Outcome[] };

const CLEAR: Mark[] = ['cross', 'tick', 'filled', 'pencil'];

function rowOf(random: () => number): Row {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const options = [0, 1, 2, 3].sort(() => random() - 0.5);
  const [a, b] = options as [number, number];
  const unsure = (marks: Row['marks'], kind: RowKind): Row => ({
    kind,
    marks,
    expected: { state: 'unsure', option: null },
  });
  const roll = random();
  if (roll < 0.3) return { kind: 'empty', marks: [], expected: { state: 'empty', option: null } };
  if (roll < 0.8)
    return {
      kind: 'clear',
      marks: [{ option: a, mark: pick(CLEAR) }],
      expected: { state: 'marked', option: `o${a}` },
    };
  if (roll < 0.86)
    return unsure(
      [
        { option: a, mark: pick(CLEAR) },
        { option: b, mark: pick(CLEAR) },
      ],
      'double',
    );
  if (roll < 0.92)
    return unsure(
      [
        { option: a, mark: 'crossed-out' },
        { option: b, mark: pick(CLEAR) },
      ],
      'changed',
    );
  if (roll < 0.96) return unsure([{ option: a, mark: 'crossed-out' }], 'crossed-out');
  return unsure([{ option: a, mark: 'faint' }], 'faint');
}

function shotOf(random: () => number, seed: number): Shot {
  const between = (a: number, b: number) => a + (b - a) * random();
  return {
    angle: between(-15, 15),
    tilt: between(0, 0.08),
    scale: between(0.8, 0.92),
    size: FRAME,
    jitter: between(0, 0.015),
    // a 3-pixel box blur, half a millimetre here: a phone's focus missed or its hand shook
    blur: random() < 0.45 ? 0 : 1,
    fade: between(0.1, 0.45),
    shadow:
      random() < 0.5 ? { x: random(), y: random(), r: between(0.2, 0.5), depth: between(0.2, 0.45) } : null,
    noise: between(3, 12),
    jpeg: random() < 0.3 ? Math.round(between(40, 90)) : null,
    seed,
  };
}

/** Photo number `photo` of the corpus: marked, photographed and read. */
export function readPhoto(rendered: Image, page: PaperPage, photo: number): PhotoResult {
  const random = seeded(1000 + photo);
  const image = { ...rendered, rgba: new Uint8ClampedArray(rendered.rgba) };
  const rows = page.rows.map(() => rowOf(random));
  page.rows.forEach((row, i) => {
    for (const m of rows[i]!.marks) markBox(image, DPI / 25.4, page, row.question, m.option, m.mark, random);
  });
  const shot = shotOf(random, photo);
  const layout = { meetingId: corpusManifest.meetingId, pages: [page] };
  const reading = readPaperPage(photograph(image, shot), layout, findQr);
  const outcomes = page.rows.map((row, i): Outcome => {
    const answer = reading.answers.find((a) => a.question === row.question);
    return {
      photo,
      kind: rows[i]!.kind,
      marks: rows[i]!.marks.map((m) => m.mark).join('+'),
      expected: rows[i]!.expected,
      read: answer ? { state: answer.state, option: answer.state === 'empty' ? null : answer.option } : null,
    };
  });
  return { photo, shot, problems: reading.problems, outcomes };
}
