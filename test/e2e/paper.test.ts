// Paper ballots from the organiser's console to the count (SPEC §3.1, issue 16). The organiser prints 10
// paper ballots: they are registered as paper with the keys of the tokens in their QR codes, and both the
// browser's print and the saved PDF read back (pdftoppm, the paper reader) as those ballots.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  base64url,
  credentialFromToken,
  type Manifest,
  parseManifest,
  parseTokenText,
} from '../../crypto/index.ts';
import { findQr } from '../../src/commands/paper.ts';
import { ballotPages } from '../../src/shared/paper/layout.ts';
import { type PageReading, readPaperPage } from '../../src/shared/paper/read.ts';
import { MeetingDriver, PASSWORD } from '../app/helpers.ts';
import type { Image } from '../paper/marking.ts';
import { e2eDescribe, launchBrowser, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const DPI = 100;
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
  const dir = mkdtempSync(join(tmpdir(), 'phieukin-paper-e2e-'));
  const printedPdf: { browser?: Uint8Array; worker?: Uint8Array } = {};

  beforeAll(async () => {
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
      const readings = renderedPages(pdf, dir, how).map((image) => readPage(manifest, image));
      expect(
        readings.map((r) => r.ballot),
        how,
      ).toEqual(paper.map((c) => String(c.serial)));
      for (const [i, reading] of readings.entries()) {
        expect(reading.problems, `${how} page ${i + 1}`).toEqual([]);
        expect(reading.answers.map((a) => a.state)).toEqual(['empty', 'empty']);
        const pk = base64url(credentialFromToken(meeting.id, parseTokenText(reading.token!)).pk);
        expect(pk, `${how}: ballot ${reading.ballot}`).toBe(paper[i]!.pk);
      }
    }
  });
});
