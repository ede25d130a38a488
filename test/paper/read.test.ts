// The paper ballot from print to reading (SPEC §3.1): the real PDF rendered by pdftoppm, marked by drawing
// on the rendered page (crosses, filled boxes, ticks, light pencil, two marks in a row), photographed
// synthetically (rotation, perspective, uneven light, noise, a table around the page), and read back.
// Every clear mark is read as its option, every untouched row as empty, and two marks in a row as unsure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as encodeJpeg } from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, newToken, parseManifest, tokenText } from '../../crypto/index.ts';
import {
  type PaperLayout,
  type PaperPage,
  paperQrText,
  parsePaperQr,
} from '../../src/shared/paper/layout.ts';
import { findQr } from '../../src/shared/paper/qr.ts';
import { type PaperAnswer, readPaperPage } from '../../src/shared/paper/read.ts';
import { type Image, type Mark, markBox, renderedBallot } from './marking.ts';
import { photograph } from './photo.ts';

const DPI = 110;
const PX_PER_MM = DPI / 25.4;
const LEVELS = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Không hoàn thành nhiệm vụ',
];

const manifest: Manifest = parseManifest(
  JSON.stringify({
    protocol: 'phieukin/v1',
    meetingId: 'paper-test',
    title: 'Họp chi bộ tháng 12: đánh giá, xếp loại đảng viên năm 2026',
    organisation: 'Chi bộ Khu phố 3',
    kind: 'classification',
    ruleSet: 'none',
    electorate: 30,
    trustees: { n: 1, k: 1 },
    settings: {},
    questions: Array.from({ length: 24 }, (_, q) => ({
      id: `q${q + 1}`,
      subjectId: `m${q + 1}`,
      subject: `Đảng viên Nguyễn Văn ${q + 1}`,
      role: 'member',
      facts: [],
      prompt: 'Xếp loại',
      options: LEVELS.map((label, i) => ({ id: `o${i}`, label })),
    })),
  }),
);

/** Per question of the page: the options marked and how; [] leaves the row empty. */
type Marking = Record<string, Array<{ option: number; mark: Mark }>>;

let dir: string;
let pages: PaperPage[];
let rendered: Image[];
const token = tokenText(newToken());

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'phieukin-paper-'));
  ({ pages, images: rendered } = await renderedBallot(manifest, '7', token, dir, DPI));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const layout = (): PaperLayout => ({ meetingId: manifest.meetingId, pages });

/** Marks page 1 in every way the test expects read: a clear mark of each kind, empty rows, a double mark. */
function markedFirstPage(): { image: Image; expected: PaperAnswer[] } {
  const page = pages[0]!;
  const image = { ...rendered[0]!, rgba: new Uint8ClampedArray(rendered[0]!.rgba) };
  const kinds: Mark[] = ['cross', 'filled', 'tick', 'pencil'];
  const marking: Marking = {};
  page.rows.forEach((row, i) => {
    marking[row.question] =
      i % 5 === 4
        ? []
        : i === 3
          ? [
              { option: 0, mark: 'cross' },
              { option: 2, mark: 'cross' },
            ]
          : [{ option: i % 4, mark: kinds[i % 4]! }];
  });
  for (const [question, marks] of Object.entries(marking))
    for (const m of marks) markBox(image, PX_PER_MM, page, question, m.option, m.mark);
  const expected = page.rows.map((row): PaperAnswer => {
    const marks = marking[row.question]!;
    if (marks.length === 0) return { question: row.question, option: null, state: 'empty' };
    if (marks.length > 1)
      return { question: row.question, option: expect.any(String), state: 'unsure' } as never;
    return { question: row.question, option: `o${marks[0]!.option}`, state: 'marked' };
  });
  return { image, expected };
}

describe('paper ballot: print, mark, photograph, read', () => {
  it('lays out 24 subjects on two pages, every page naming its ballot and its place', () => {
    expect(pages.map((p) => [p.ballot, p.page, p.pages])).toEqual([
      ['7', 1, 2],
      ['7', 2, 2],
    ]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.question))).toEqual(manifest.questions.map((q) => q.id));
    for (const p of pages) expect(p.rows[0]!.header).not.toBeNull();
    const qr = paperQrText('a:b', '7', 2, 2, token);
    expect(parsePaperQr(qr)).toEqual({ meetingId: 'a:b', serial: '7', page: 2, pages: 2, token });
    expect(parsePaperQr(`https://x/v/paper-test#${token}`)).toBeNull();
  });

  it('reads the rendered pages, unmarked, as empty', () => {
    rendered.forEach((image, i) => {
      const reading = readPaperPage(image, layout(), findQr);
      expect(reading.problems).toEqual([]);
      expect(reading).toMatchObject({ ballot: '7', page: i + 1, token });
      expect(reading.answers.map((a) => a.state)).toEqual(pages[i]!.rows.map(() => 'empty'));
    });
  });

  it.each([
    [0, 0],
    [-15, 0.03],
    [-7, 0.06],
    [6, 0.04],
    [15, 0.08],
  ])('reads every mark of a photo turned %s° with perspective %s', (angle, tilt) => {
    const { image, expected } = markedFirstPage();
    const reading = readPaperPage(photograph(image, { angle, tilt }), layout(), findQr);
    expect(reading.problems).toEqual([]);
    expect(reading.answers).toEqual(expected);
  });

  it.each([90, 180, -90])('finds which way up a page photographed turned %s° is', (angle) => {
    const { image, expected } = markedFirstPage();
    const sideways = Math.abs(angle) === 90;
    const [long, short] = [Math.round(image.height * 1.1), Math.round(image.width * 1.2)];
    const size = sideways ? { width: long, height: short } : { width: short, height: long };
    const reading = readPaperPage(photograph(image, { angle, tilt: 0.03, size }), layout(), findQr);
    expect(reading.problems).toEqual([]);
    expect(reading.answers).toEqual(expected);
  });

  it('reads a faint mark as unsure, never as empty', () => {
    const page = pages[1]!;
    const image = { ...rendered[1]!, rgba: new Uint8ClampedArray(rendered[1]!.rgba) };
    markBox(image, PX_PER_MM, page, page.rows[0]!.question, 1, 'faint');
    const reading = readPaperPage(photograph(image, { angle: 8, tilt: 0.04 }), layout(), findQr);
    expect(reading.answers[0]).toEqual({ question: page.rows[0]!.question, option: 'o1', state: 'unsure' });
    expect(reading.answers.slice(1).every((a) => a.state === 'empty')).toBe(true);
  });

  it('names the problem: another meeting’s ballot, a page not in the layout, no page at all', () => {
    const other = readPaperPage(rendered[0]!, { ...layout(), meetingId: 'another' }, findQr);
    expect(other.problems[0]).toMatch(/^wrong meeting/);
    const missing = readPaperPage(rendered[0]!, { ...layout(), pages: [pages[1]!] }, findQr);
    expect(missing.problems[0]).toMatch(/^page missing/);
    const blank = { ...rendered[0]!, rgba: new Uint8ClampedArray(rendered[0]!.rgba.length).fill(255) };
    expect(readPaperPage(blank, layout(), findQr).problems[0]).toMatch(/^no page found/);
  });
});

describe('phieukin paper print and read', () => {
  it('print writes the PDF, the layout and (for tests) the tokens; read prints the shape documented', () => {
    const manifestFile = join(dir, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const cli = (...args: string[]) =>
      execFileSync('node', [join(import.meta.dirname, '../../bin/phieukin.js'), 'paper', ...args], {
        encoding: 'utf8',
      });
    const out = (name: string) => join(dir, name);
    cli(
      'print',
      '--manifest',
      manifestFile,
      '--count',
      '2',
      '--first',
      '41',
      '--out',
      out('cli.pdf'),
      '--layout',
      out('layout.json'),
      '--tokens',
      out('tokens.json'),
    );
    const written = JSON.parse(readFileSync(out('layout.json'), 'utf8')) as PaperLayout;
    expect(written.pages.map((p) => [p.ballot, p.page])).toEqual([
      ['41', 1],
      ['41', 2],
      ['42', 1],
      ['42', 2],
    ]);
    expect(written.pages[0]!.boxes[0]).toEqual({
      question: 'q1',
      option: 'o0',
      xMm: 115.5,
      yMm: 79,
      wMm: 6,
      hMm: 6,
    });
    const tokens = JSON.parse(readFileSync(out('tokens.json'), 'utf8')) as Array<{
      serial: string;
      token: string;
    }>;
    expect(tokens.map((t) => t.serial)).toEqual(['41', '42']);
    execFileSync('pdftoppm', ['-r', '100', '-f', '3', '-l', '3', '-png', out('cli.pdf'), out('cli')]);
    const image = readdirSync(dir).find((f) => f.startsWith('cli-') && f.endsWith('.png'))!;
    const printed = cli('read', '--layout', out('layout.json'), join(dir, image), '--json');
    const [reading] = JSON.parse(printed);
    expect(reading).toMatchObject({ ballot: '42', page: 1, problems: [] });
    expect(reading.answers).toHaveLength(written.pages[2]!.rows.length);
    expect(reading.answers[0]).toEqual({ question: 'q1', option: null, state: 'empty' });
    expect(printed).not.toContain(tokens[1]!.token);
  });

  it('read takes a phone’s JPEG photo as it takes a PNG, and names a file that is neither', () => {
    const { image, expected } = markedFirstPage();
    const photo = photograph(image, { angle: -9, tilt: 0.05 });
    writeFileSync(join(dir, 'photo.jpg'), encodeJpeg({ ...photo, data: photo.rgba }, 80).data);
    writeFileSync(join(dir, 'layout-7.json'), JSON.stringify(layout()));
    writeFileSync(join(dir, 'notes.jpg'), 'not a photo');
    const run = spawnSync(
      'node',
      [
        join(import.meta.dirname, '../../bin/phieukin.js'),
        'paper',
        'read',
        '--layout',
        join(dir, 'layout-7.json'),
        join(dir, 'photo.jpg'),
        join(dir, 'notes.jpg'),
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    const [jpeg, notes] = JSON.parse(run.stdout);
    expect(jpeg).toMatchObject({ ballot: '7', page: 1, problems: [] });
    expect(jpeg.answers).toEqual(expected);
    expect(notes).toMatchObject({ ballot: null, problems: ['unreadable image: not a PNG or JPEG image'] });
  });
});
