// Paper ballots from the organiser's console to the count (SPEC §3.1, issue 16), a mixed meeting of 20.
// The organiser prints 10 paper ballots: they are registered as paper with the keys of the tokens in their
// QR codes, and both the browser's print and the saved PDF read back (pdftoppm, the paper reader) as those
// ballots. 10 phones vote on the booth page from their cards' links; the 10 paper ballots are marked
// by drawing on the PDF's rendered pages (one row with two marks, one left blank), filmed into two fake
// cameras and scanned by the board page on two phones at once: each sheet shown as read, the unsure row
// decided by tapping, confirmed and cast. A sheet scanned again, on the same phone or the other, is
// refused as counted. The result counts all 20, the record verifies and the minutes say 10 on paper.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  base64url,
  cardUrl,
  credentialFromToken,
  type Manifest,
  parseManifest,
  parseTokenText,
} from '../../crypto/index.ts';
import { ballotPages } from '../../src/shared/paper/layout.ts';
import { findQr } from '../../src/shared/paper/qr.ts';
import { type PageReading, readPaperPage } from '../../src/shared/paper/read.ts';
import { MeetingDriver, PASSWORD, verify } from '../app/helpers.ts';
import { type Image, markBox } from '../paper/marking.ts';
import { e2eDescribe, launchBrowser, phone, screenshot } from './browser.ts';
import { inBatches, voteByLink } from './meeting-steps.ts';
import { auditPage } from './page-audit.ts';
import { writePaperVideo } from './paper-video.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const DPI = 100;
const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const PAPER = 10;

/** The pages of a PDF rendered at DPI, as pixels. */
function renderedPages(pdf: Uint8Array, dir: string, name: string): Image[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', file, join(dir, name)]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const digits = String(pages).length;
  return Array.from({ length: pages }, (_, i) => {
    const png = PNG.sync.read(readFileSync(join(dir, `${name}-${String(i + 1).padStart(digits, '0')}.png`)));
    return { rgba: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
  });
}

/** A page read with the layout of the ballot its QR names. */
function readPage(manifest: Manifest, image: Image): PageReading {
  const serial = findQr(image.rgba, image.width, image.height)?.text.split(':').at(-4) ?? '0';
  return readPaperPage(
    image,
    { meetingId: manifest.meetingId, pages: ballotPages(manifest, serial) },
    findQr,
  );
}

e2eDescribe('paper ballots in a mixed meeting', { timeout: 600_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let meeting: MeetingDriver;
  let manifest: Manifest;
  let desk: Page;
  const cameras: Browser[] = [];
  /** The saved PDF's pages, rendered, by serial, for the marking. */
  const sheets = new Map<string, Image>();
  const dir = mkdtempSync(join(tmpdir(), 'phieukin-paper-e2e-'));
  const printedPdf: { browser?: Uint8Array; worker?: Uint8Array } = {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startE2eServer();
    meeting = await MeetingDriver.create(server.t, { members: 20 });
    manifest = parseManifest(meeting.manifest);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    desk = await context.newPage();
    await desk.goto(`${server.origin}/`);
    await desk.locator('#password').fill(PASSWORD);
    await desk.locator('#login-form button').click();
    await desk.locator('#login-form').waitFor({ state: 'detached' });
    await desk.goto(`${server.origin}/?meeting=${meeting.id}`);
  });

  afterAll(async () => {
    for (const camera of cameras) await camera.close();
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints 10 paper ballots from the console, registered as paper under the keys in their QR codes', async () => {
    await meeting.ceremony();
    await meeting.cards(10);
    await desk.reload();
    await desk.locator('#paper-form input[name="count"]').fill(String(PAPER));
    await desk.locator('#paper-form button').click();
    await desk.locator('#message.ok').filter({ hasText: 'phiếu giấy số 11 đến 20' }).waitFor();
    expect(await desk.locator('#paper-sheets svg.paper-page').count()).toBe(PAPER);
    await screenshot(desk, 'paper-console');

    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      desk.locator('#save-paper-pdf').click(),
    ]);
    printedPdf.worker = new Uint8Array(readFileSync((await download.path())!));
    await desk.locator('#paper-status').filter({ hasText: 'Đã lưu tệp PDF' }).waitFor();
    await desk.emulateMedia({ media: 'print' });
    printedPdf.browser = new Uint8Array(await desk.pdf({ preferCSSPageSize: true }));
    await desk.emulateMedia({ media: null });

    const { cards } = (await meeting.organiser.get(meeting.path('/cards'))).body as {
      cards: Array<{ serial: number; pk: string; medium: string }>;
    };
    const paper = cards.filter((c) => c.medium === 'paper');
    expect(paper.map((c) => c.serial)).toEqual(Array.from({ length: PAPER }, (_, i) => 11 + i));
    for (const [how, pdf] of Object.entries(printedPdf)) {
      const images = renderedPages(pdf, dir, how);
      const readings = images.map((image) => readPage(manifest, image));
      expect(
        readings.map((r) => r.ballot),
        how,
      ).toEqual(paper.map((c) => String(c.serial)));
      for (const [i, reading] of readings.entries()) {
        expect(reading.problems, `${how} page ${i + 1}`).toEqual([]);
        expect(reading.answers.map((a) => a.state)).toEqual(['empty', 'empty']);
        const pk = base64url(credentialFromToken(meeting.id, parseTokenText(reading.token!)).pk);
        expect(pk, `${how}: ballot ${reading.ballot}`).toBe(paper[i]!.pk);
        if (how === 'worker') sheets.set(reading.ballot!, images[i]!);
      }
    }
  });

  /** What each paper ballot's member marked: q1 and q2 option indices, null for blank. */
  const paperChoice = (serial: number): [number | null, number] => {
    const i = serial - 11;
    return [i === 1 ? null : i % 4, i === 0 ? 2 : (i + 1) % 4];
  };
  const phoneChoice = (card: number): [number, number] => [card % 4, (card + 2) % 4];

  /** The sheet of `serial` as its member marked it: ballot 11 has two marks on q2, ballot 12 a blank q1. */
  function markedSheet(serial: number): Image {
    const source = sheets.get(String(serial))!;
    const image = { ...source, rgba: new Uint8ClampedArray(source.rgba) };
    const page = ballotPages(manifest, String(serial))[0]!;
    const [q1, q2] = manifest.questions.map((q) => q.id) as [string, string];
    const [c1, c2] = paperChoice(serial);
    const how = (['cross', 'filled', 'tick'] as const)[serial % 3]!;
    if (c1 !== null) markBox(image, DPI / 25.4, page, q1, c1, how);
    if (serial === 11) {
      markBox(image, DPI / 25.4, page, q2, 1, 'cross');
      markBox(image, DPI / 25.4, page, q2, 2, 'cross');
    } else markBox(image, DPI / 25.4, page, q2, c2, 'cross');
    if (serial === 11) {
      const png = new PNG({ width: image.width, height: image.height });
      png.data.set(image.rgba);
      writeFileSync(join(SHOTS, 'paper-sheet-marked.png'), PNG.sync.write(png));
    }
    return image;
  }

  async function scanningPhone(name: string, serials: number[]): Promise<Page> {
    const video = join(dir, `${name}.y4m`);
    writePaperVideo(video, serials.map(markedSheet));
    const camera = await launchBrowser([
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    cameras.push(camera);
    const context = await phone(camera);
    await context.grantPermissions(['camera'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(`${server.origin}/scan/${meeting.id}`);
    await page.locator('#scan-start').waitFor();
    return page;
  }

  const logEntry = (page: Page, text: string) =>
    page.locator('#scan-log li').filter({ hasText: text }).first().waitFor({ timeout: 240_000 });

  /** Confirms each sheet the phone shows, after checking what it read and deciding ballot 11's q2. */
  async function countSheets(page: Page, count: number): Promise<string[]> {
    const counted: string[] = [];
    const ids = manifest.questions.map((q) => q.id);
    while (counted.length < count) {
      const review = page.locator('#scan-review');
      await review.waitFor({ timeout: 240_000 });
      const serial = (await review.getAttribute('data-ballot'))!;
      const [c1, c2] = paperChoice(Number(serial));
      const row = (q: number) => review.locator(`li.scan-row[data-question="${ids[q]}"]`);
      const pressed = (q: number) => row(q).locator('[aria-pressed="true"]').getAttribute('data-option');
      const optionId = (q: number, c: number | null) =>
        c === null ? '' : manifest.questions[q]!.options[c]!.id;
      expect(await pressed(0), `ballot ${serial} q1`).toBe(optionId(0, c1));
      if (serial === '11') {
        expect(await row(1).getAttribute('data-state')).toBe('unsure');
        expect(await row(1).locator('[aria-pressed="true"]').count()).toBe(0);
        expect(await page.locator('#scan-confirm').isDisabled()).toBe(true);
        await screenshot(page, 'paper-scan-unsure-360');
        await page.screenshot({ path: join(SHOTS, 'paper-scan-phone.png') });
        await row(1)
          .locator(`[data-option="${optionId(1, 2)}"]`)
          .click();
      } else expect(await pressed(1), `ballot ${serial} q2`).toBe(optionId(1, c2));
      expect(await page.locator('#scan-confirm').isDisabled()).toBe(false);
      if (serial === '12') {
        await screenshot(page, 'paper-scan-review-360');
        expect.soft(await auditPage(page), 'the review at 360 px').toEqual([]);
      }
      await page.locator('#scan-confirm').click();
      await logEntry(page, `Đã đếm phiếu số ${serial}`);
      counted.push(serial);
    }
    return counted;
  }

  it('counts 10 phones and 10 scanned paper ballots in one encrypted tally, the minutes saying 10 on paper', async () => {
    await meeting.expectOk(
      meeting.organiser.put(meeting.path('/attendance'), { summoned: 20, present: 20 }),
      200,
    );
    await meeting.expectOk(meeting.organiser.post(meeting.path('/cards/activate'), { from: 1, to: 20 }), 200);
    await meeting.open();
    const proposed = manifest.questions.map((q) =>
      q.options.findIndex((o) => o.id === (q as { proposed?: string }).proposed),
    );
    const codes = await inBatches(meeting.tokens, 3, (token, i) =>
      voteByLink(browser, cardUrl(server.origin, meeting.id, token), phoneChoice(i + 1), proposed, null),
    );
    expect(new Set(codes).size).toBe(10);

    const [first, second] = await Promise.all([
      scanningPhone('phone-a', [11, 12, 13, 14, 15]),
      scanningPhone('phone-b', [11, 16, 17, 18, 19, 20]),
    ]);
    await first.locator('#scan-start').click();
    const countedFirst = countSheets(first, 5);
    await logEntry(first, 'Đã đếm phiếu số 11');
    await second.locator('#scan-start').click();
    const countedSecond = countSheets(second, 5);
    await logEntry(second, 'Phiếu số 11 đã được đếm rồi');
    expect((await countedFirst).sort()).toEqual(['11', '12', '13', '14', '15']);
    expect((await countedSecond).sort()).toEqual(['16', '17', '18', '19', '20']);
    // the same sheet shown to the same phone again, once its video comes round
    await logEntry(first, 'Phiếu số 11 đã được đếm rồi');
    expect(await first.locator('#scan-count').getAttribute('data-mine')).toBe('5');
    await screenshot(first, 'paper-scan-360');
    expect.soft(await auditPage(first), 'the scanning page at 360 px').toEqual([]);
    await first.setViewportSize({ width: 1280, height: 900 });
    await screenshot(first, 'paper-scan-1280');

    const result = await meeting.certifiedResult();
    const expected = manifest.questions.map((_, q) => {
      const counts = [0, 0, 0, 0];
      for (let card = 1; card <= 10; card++) counts[phoneChoice(card)[q]!]!++;
      for (let serial = 11; serial <= 20; serial++) {
        const choice = paperChoice(serial)[q];
        if (choice !== null && choice !== undefined) counts[choice]!++;
      }
      return counts;
    });
    expect(result).toMatchObject({ ballots: 20, paperBallots: 10, decidedByHand: 1 });
    expect(result.questions.map((q) => q.counts)).toEqual(expected);
    const report = verify(await meeting.record());
    expect(report.ok).toBe(true);
    expect(report.paperBallots).toBe(10);
    const minutes = (await server.t.client().get(meeting.path('/minutes'))).body;
    expect(minutes.ballots).toMatchObject({ cast: 20, counted: 20, paper: 10 });
    await desk.goto(`${server.origin}/minutes/${meeting.id}`);
    await desk.getByText('Trong đó 10 phiếu giấy, do Ban kiểm phiếu quét.').waitFor();
  });
});
