// Printed cards and activation by scanning, end to end: the organiser makes 12 cards at 12 a sheet and 8
// at 8 a sheet; every QR of the print layout (print media, screenshotted) decodes with jsQR to the card's
// link, whose key is the one registered for the serial printed beside it, at 35–55 mm; the browser's print
// is one A4 page per sheet. 20 cards at 12 a sheet saved as PDF: two A4 pages whose embedded QR images
// decode the same way. Then a card is activated by showing it to Chromium's fake camera (duplicates,
// unknown and foreign cards reported), and a phone whose camera is refused still activates by range.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { base64url, credentialFromToken, newToken, parseTokenText, tokenText } from '../../crypto/index.ts';
import { type Client, MeetingDriver, PASSWORD } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { pdfPages, pngPixels, readQr } from './card-images.ts';
import { writeQrVideo } from './qr-video.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const MM_PER_PX = 25.4 / 96;
const MM_PER_PT = 25.4 / 72;
const A4_PT = { width: 595.28, height: 841.89 };

type ReadCard = { serial: number; url: string; qrMm: number };

e2eDescribe('printed cards and activation by scanning', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let cameraBrowser: Browser | undefined;
  let organiser: Client;
  let meetingId: string;
  let desk: Page;
  const printed: ReadCard[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'phieukin-cards-'));

  beforeAll(async () => {
    server = await startE2eServer();
    const meeting = await MeetingDriver.create(server.t, { members: 4 });
    organiser = meeting.organiser;
    meetingId = meeting.id;
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 2,
    });
    context.setDefaultTimeout(60_000);
    desk = await logIn(context);
  });

  afterAll(async () => {
    await cameraBrowser?.close();
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function logIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#login-form button').click();
    await page.locator('#login-form').waitFor({ state: 'detached' });
    await page.goto(`${server.origin}/?meeting=${meetingId}`);
    await page.locator('#cards-form').waitFor();
    return page;
  }

  async function makeCards(page: Page, count: number, perSheet: 8 | 12): Promise<number> {
    const first = Math.max(0, ...(await registeredKeys()).keys()) + 1;
    await page.locator('#cards-form input[name="count"]').fill(String(count));
    await page.locator('#cards-form select[name="perSheet"]').selectOption(String(perSheet));
    await page.locator('#cards-form button').click();
    await page
      .locator('#message.ok')
      .filter({ hasText: `${first} đến ${first + count - 1}` })
      .waitFor();
    return first;
  }

  /** The registered key of each serial. */
  async function registeredKeys(): Promise<Map<number, { pk: string; state: string }>> {
    const { cards } = (await organiser.get(`/api/meetings/${meetingId}/cards`)).body;
    return new Map(cards.map((c: { serial: number; pk: string; state: string }) => [c.serial, c]));
  }

  function expectCardOfSerial(url: string, serial: number, keys: Map<number, { pk: string }>): void {
    const match = new RegExp(`^${server.origin}/v/${meetingId}#([A-Z2-7]{26})$`).exec(url);
    expect(match, url).not.toBeNull();
    const pk = base64url(credentialFromToken(meetingId, parseTokenText(match![1]!)).pk);
    expect(pk, `card ${serial}`).toBe(keys.get(serial)?.pk);
  }

  /** Every card as printed: print media, each QR screenshotted and decoded, its serial read as printed. */
  async function readPrintedSheet(page: Page): Promise<ReadCard[]> {
    await page.emulateMedia({ media: 'print' });
    const cards = page.locator('#card-sheet .card');
    const read: ReadCard[] = [];
    for (let i = 0; i < (await cards.count()); i++) {
      const card = cards.nth(i);
      const qr = card.locator('.card-qr');
      const box = (await qr.boundingBox())!;
      const { rgba, width, height } = await pngPixels(page, await qr.screenshot());
      const serialText = (await card.locator('.card-serial').textContent()) ?? '';
      expect(serialText).toMatch(/^Thẻ số \d+$/);
      expect(await card.locator('.card-organisation').textContent()).toBeTruthy();
      expect(await card.locator('.card-meeting').textContent()).toMatch(
        /^Xếp loại đảng viên · ngày \d\d\/\d\d\/\d{4}$/,
      );
      expect(await card.locator('.card-title').textContent()).toBe('Họp chi bộ tháng 12');
      expect(await card.locator('.card-token').textContent()).toMatch(/^([A-Z2-7]{4} ){6}[A-Z2-7]{2}$/);
      const clipped = await card.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
      expect(clipped, `${serialText}: its text fits on the card`).toBe(false);
      read.push({
        serial: Number(serialText.replace(/\D/g, '')),
        url: readQr(rgba, width, height) ?? '',
        qrMm: box.width * MM_PER_PX,
      });
    }
    await page.emulateMedia({ media: null });
    return read;
  }

  async function printedPageCount(page: Page): Promise<number> {
    await page.emulateMedia({ media: 'print' });
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true }));
    await page.emulateMedia({ media: null });
    for (const p of pdf.getPages()) {
      expect(p.getWidth()).toBeCloseTo(A4_PT.width, 0);
      expect(p.getHeight()).toBeCloseTo(A4_PT.height, 0);
    }
    return pdf.getPageCount();
  }

  for (const [count, perSheet, qrMm] of [
    [12, 12, 38],
    [8, 8, 50],
  ] as const)
    it(`prints ${count} cards at ${perSheet} a sheet whose QR codes read back as the registered cards`, async () => {
      const first = await makeCards(desk, count, perSheet);
      const read = await readPrintedSheet(desk);
      expect(read.map((c) => c.serial)).toEqual(Array.from({ length: count }, (_, i) => first + i));
      const keys = await registeredKeys();
      for (const card of read) {
        expectCardOfSerial(card.url, card.serial, keys);
        expect(card.qrMm).toBeGreaterThanOrEqual(35);
        expect(card.qrMm).toBeLessThanOrEqual(55);
        expect(card.qrMm).toBeCloseTo(qrMm, 0);
      }
      expect(await printedPageCount(desk)).toBe(1);
      await desk.emulateMedia({ media: 'print' });
      await screenshot(desk, `cards-sheet-${perSheet}`);
      await desk.emulateMedia({ media: null });
      printed.push(...read);
    });

  it('saves 20 cards at 12 a sheet as a two-page A4 PDF whose QR images read back', async () => {
    const first = await makeCards(desk, 20, 12);
    expect(await printedPageCount(desk)).toBe(2);
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.locator('#save-pdf').click()]);
    const bytes = readFileSync((await download.path())!);
    mkdirSync(join(process.cwd(), 'test-results', 'e2e'), { recursive: true });
    writeFileSync(join(process.cwd(), 'test-results', 'e2e', 'cards-20.pdf'), bytes);
    await desk.locator('#pdf-status').filter({ hasText: 'Đã lưu' }).waitFor();
    const file = join(process.cwd(), 'test-results', 'e2e', 'cards-20.pdf');
    // each card: the chi bộ, the kind and date of the meeting, its whole title
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text.match(/Xếp loại đảng viên · ngày \d\d\/\d\d\/\d{4}/g)).toHaveLength(20);
    expect(text.match(/Họp chi bộ tháng 12/g)).toHaveLength(20);

    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => p.images.length)).toEqual([12, 8]);
    const keys = await registeredKeys();
    pages.forEach((page, p) => {
      expect(page.widthPt).toBeCloseTo(A4_PT.width, 0);
      expect(page.heightPt).toBeCloseTo(A4_PT.height, 0);
      page.images.forEach((image, i) => {
        const serial = first + p * 12 + i;
        const url = readQr(image.rgba, image.width, image.height);
        expect(url, `card ${serial} in the PDF`).not.toBeNull();
        expectCardOfSerial(url!, serial, keys);
        expect(image.widthPt * MM_PER_PT).toBeCloseTo(38, 0);
        expect(image.heightPt).toBeCloseTo(image.widthPt, 3);
      });
    });
  });

  it('activates a card shown to the camera, and reports repeated, unknown and foreign cards', async () => {
    const scanned = printed[4]!;
    const typed = printed[5]!;
    const video = join(folder, 'card.y4m');
    writeQrVideo(video, scanned.url);
    cameraBrowser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    const context = await phone(cameraBrowser);
    await context.grantPermissions(['camera'], { origin: server.origin });
    const page = await logIn(context);
    await page.locator('#scan-cards').click();
    const log = page.locator('#scan-log li');
    await log.filter({ hasText: `Đã kích hoạt thẻ số ${scanned.serial}.` }).waitFor();
    expect((await registeredKeys()).get(scanned.serial)?.state).toBe('active');
    await page.waitForTimeout(1500);
    expect(await log.count(), 'a card held in view is read once').toBe(1);
    await screenshot(page, 'cards-scan');
    expect(await fitsWidth(page)).toBe(true);
    await page.locator('#scan-stop').click();
    await page.locator('#scan-video').waitFor({ state: 'hidden' });

    const typeCode = async (text: string, expected: string) => {
      await page.locator('#scan-token').fill(text);
      await page.locator('#scan-token-form button').click();
      await log.first().filter({ hasText: expected }).waitFor();
    };
    await page.evaluate(() => {
      const panel = document.getElementById('scan-panel');
      const seen = window as unknown as { scanPanelDetached: boolean };
      seen.scanPanelDetached = false;
      new MutationObserver((changes) => {
        if (changes.some((c) => [...c.removedNodes].includes(panel!))) seen.scanPanelDetached = true;
      }).observe(document.getElementById('app')!, { childList: true });
    });
    await typeCode(typed.url.split('#')[1]!, `Đã kích hoạt thẻ số ${typed.serial}.`);
    await typeCode(scanned.url.split('#')[1]!, `Thẻ số ${scanned.serial} đã được kích hoạt từ trước.`);
    await typeCode(tokenText(newToken()), 'không có trong danh sách');
    await typeCode(`${server.origin}/v/khac#${tokenText(newToken())}`, 'cuộc họp khác');
    await typeCode('không phải thẻ', 'không phải thẻ bỏ phiếu');
    expect(await page.locator('#scan-log li.scan-ok').count()).toBe(2);
    expect(
      await page.evaluate(() => (window as unknown as { scanPanelDetached: boolean }).scanPanelDetached),
      'the console re-renders after each activation around the panel, never detaching it: a click pressed before a render and released after would be lost',
    ).toBe(false);
    const keys = await registeredKeys();
    expect([...keys.values()].filter((c) => c.state === 'active')).toHaveLength(2);
    await screenshot(page, 'cards-scan-log');
  });

  it('shows the cards made on a phone as a preview that fits its width; a set not printed is voided', async () => {
    const page = await logIn(await phone(browser));
    page.on('dialog', (dialog) => void dialog.accept());
    const first = await makeCards(page, 2, 8);
    await page
      .locator('#printed-cards [role="alert"]')
      .filter({ hasText: 'chỉ có trong trang này' })
      .waitFor();
    expect(await page.locator('#card-sheet .card').count()).toBe(2);
    const typed = (await page.locator('#card-sheet .card-token').allTextContents())[1]!;
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'cards-preview-phone');

    await page.locator('#void-cards').click();
    await page
      .locator('#message.ok')
      .filter({ hasText: `Đã hủy các thẻ số ${first} đến ${first + 1}` })
      .waitFor();
    expect(await page.locator('#card-sheet').count()).toBe(0);
    const keys = await registeredKeys();
    expect([keys.get(first)?.state, keys.get(first + 1)?.state]).toEqual(['voided', 'voided']);
    await page.locator('#scan-token').fill(typed);
    await page.locator('#scan-token-form button').click();
    await page
      .locator('#scan-log li')
      .filter({ hasText: `Thẻ số ${first + 1} đã bị hủy` })
      .waitFor();
  });

  it('prints the cards in Vietnamese, for the members, even when the console is in English', async () => {
    const page = await logIn(await phone(browser));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.locator('.lang-switch').click();
    await page.locator('#cards-form input[name="count"]').fill('1');
    await page.locator('#cards-form button').click();
    const card = page.locator('#card-sheet .card').first();
    await card.waitFor();
    expect(await card.locator('.card-serial').textContent()).toMatch(/^Thẻ số \d+$/);
    expect(await card.locator('.card-help').textContent()).toContain('Mỗi thẻ chỉ dùng một lần');
    expect(await card.locator('.card-meeting').textContent()).toMatch(/^Xếp loại đảng viên · ngày/);
    await page.locator('#void-cards').click();
    await page.locator('#message.ok').waitFor();
    await page.locator('.lang-switch').click();
  });

  it('says so when the camera is refused (no permission), and activation by range still works', async () => {
    const page = await logIn(await phone(cameraBrowser!));
    await page.locator('#scan-cards').click();
    await page.locator('#scan-problem').filter({ hasText: 'Không mở được camera' }).waitFor();
    await screenshot(page, 'cards-scan-denied');
    expect(await fitsWidth(page)).toBe(true);
    const serial = printed[0]!.serial;
    await page.locator('#activate-form input[name="from"]').fill(String(serial));
    await page.locator('#activate-form input[name="to"]').fill(String(serial));
    await page.locator('#activate-form button').click();
    await page.locator('#message.ok').waitFor();
    expect((await registeredKeys()).get(serial)?.state).toBe('active');
  });
});
