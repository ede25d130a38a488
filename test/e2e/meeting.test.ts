// A whole classification meeting in browsers, as issue #5 asks: the organiser (a phone) logs in, imports
// the roster from an XLSX file, creates the meeting and shows the board's QR; three trustees run the key
// ceremony on their phones; the organiser records attendance, prints the cards (read back from the print
// layout with jsQR), activates them and opens the poll; 21 phones vote through their cards' links, one
// by scanning its card with the camera and one by typing its code; the projector counts them live; the
// organiser closes; two trustees decrypt and sign; the console and the minutes show the counts the phones
// chose, and the verifier passes the record and finds a voter's code. Refused: a spent card, a card after the close, and
// the camera without permission. Screenshots of each step go to test-results/e2e/meeting-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import {
  type Choices,
  expectedCounts,
  inBatches,
  markAndSubmit,
  type PrintedCard,
  phoneChoices,
  readPrintedCards,
  rosterRows,
  rosterWorkbook,
  voteByLink,
} from './meeting-steps.ts';
import { writeQrVideo } from './qr-video.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const MEMBERS = 24;
/** Two sheets of 12, all activated: 1–21 vote by link, 22 by the camera, 23 by typing, 24 stays unused. */
const CARDS = 24;
const ACTIVATED = 24;
const LINK_PHONES = 21;
const CAMERA_CARD = 22;
const TYPED_CARD = 23;
const UNUSED_CARD = 24;
const BALLOTS = LINK_PHONES + 2;

e2eDescribe('a whole meeting in browsers', () => {
  let server: E2eServer;
  let browser: Browser;
  let cameraBrowser: Browser | null = null;
  let organiser: Page;
  let projector: Page;
  let meetingId = '';
  let trusteeLink = '';
  const trustees: Page[] = [];
  let cards: PrintedCard[] = [];
  let proposed: number[] = [];
  let options = 0;
  const ballots: Choices[] = [];
  const codes: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'phieukin-meeting-'));
  const rows = rosterRows(MEMBERS);

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    await server.t.organiser();
    const context = await phone(browser);
    organiser = await context.newPage();
    organiser.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await cameraBrowser?.close();
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The steps build on each other: after one fails, the rest fail at once instead of timing out. */
  let broken = '';
  const step = (name: string, run: () => Promise<void>, timeout = 300_000) =>
    it(name, { timeout }, async () => {
      expect(broken, 'an earlier step failed').toBe('');
      broken = name;
      try {
        await run();
      } catch (error) {
        await screenshot(organiser, 'meeting-failed-organiser');
        throw error;
      }
      broken = '';
    });

  const okMessage = (text: string) => organiser.locator('#message.ok').filter({ hasText: text }).waitFor();
  const projectorShows = async (cast: number) => {
    await projector
      .locator('#cast')
      .filter({ hasText: new RegExp(`^${cast}$`) })
      .waitFor();
    expect(await projector.locator('#activated').textContent()).toBe(String(ACTIVATED));
  };
  /** The address the organiser's console links to (every page is reachable from it). */
  const linkedFromConsole = async (href: string) => {
    await organiser.locator(`a[href="${href}"]`).first().waitFor();
    return `${server.origin}${href}`;
  };
  /** Each member's section (`selector`, marked data-subject) shows the votes per level and the blanks. */
  const expectCounts = async (page: Page, selector: string) => {
    const expected = expectedCounts(ballots, MEMBERS, options);
    expect(await page.locator(selector).count()).toBe(MEMBERS);
    for (const [q, row] of rows.entries()) {
      const section = page.locator(`${selector}[data-subject="${row.id}"]`);
      expect(await section.locator('h3').textContent()).toContain(row.name);
      const votes = await section.locator('tbody tr td:nth-child(2)').allTextContents();
      expect(votes.map(Number), row.name).toEqual([...expected[q]!.counts, expected[q]!.blank]);
    }
  };
  const counts = async () => (await server.t.client().get(`/api/meetings/${meetingId}/counts`)).body;

  step('the organiser imports the roster, creates the meeting and shows the board QR', async () => {
    await organiser.goto(`${server.origin}/`);
    await organiser.locator('#password').fill(PASSWORD);
    await organiser.locator('#login-form button').click();
    await organiser.locator('#roster-file').setInputFiles({
      name: 'danh-sach-dang-vien.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(rosterWorkbook(rows)),
    });
    await organiser.locator('#roster-rows').waitFor();
    expect(await organiser.locator('#roster-rows tbody tr[data-row]').count()).toBe(MEMBERS);
    expect(await organiser.locator('#roster-rows .row-invalid').count()).toBe(0);
    await screenshot(organiser, 'meeting-01-roster-preview');
    await organiser.locator('#roster-import').click();
    await okMessage(`Đã nhập ${MEMBERS} đảng viên`);
    expect(await fitsWidth(organiser)).toBe(true);
    await screenshot(organiser, 'meeting-01-roster');

    await organiser.locator('#new-meeting-form select[name="kind"]').selectOption('classification');
    await organiser
      .locator('#new-meeting-form input[name="title"]')
      .fill('Kiểm điểm, xếp loại đảng viên 2026');
    await organiser.locator('#new-meeting-form button[type="submit"]').click();
    await organiser.waitForURL(/\?meeting=/);
    meetingId = new URL(organiser.url()).searchParams.get('meeting')!;

    await organiser.locator('#trustee-qr').click();
    trusteeLink = (await organiser.locator('#trustee-link p').textContent())!;
    expect(trusteeLink).toContain(`/t/${meetingId}#`);
    await screenshot(organiser, 'meeting-02-trustee-qr');

    const manifest = JSON.parse((await server.t.client().get(`/api/vote/${meetingId}`)).body.manifest);
    expect(manifest.kind).toBe('classification');
    expect(manifest.questions).toHaveLength(MEMBERS);
    options = manifest.questions[0].options.length;
    proposed = manifest.questions.map((q: { proposed: string; options: Array<{ id: string }> }) =>
      q.options.findIndex((o) => o.id === q.proposed),
    );
    expect(proposed.every((p) => p >= 0)).toBe(true);
  });

  step('three trustees run the key ceremony on their phones', async () => {
    for (let i = 0; i < 3; i++) {
      const page = await (await phone(browser)).newPage();
      await page.goto(trusteeLink);
      await page.locator('#join').click();
      await page.locator('#trustee-index').waitFor();
      trustees.push(page);
    }
    for (const page of trustees) await page.locator('#key-made').waitFor({ timeout: 120_000 });
    await screenshot(trustees[0]!, 'meeting-03-trustee-key-made');
    expect((await server.t.client().get(`/api/vote/${meetingId}`)).body.jointKey).toBeTruthy();
  });

  step('the organiser records attendance, prints the cards, activates them and opens the poll', async () => {
    await organiser.reload();
    await organiser.locator('#attendance-form input[name="summoned"]').fill(String(MEMBERS));
    await organiser.locator('#attendance-form input[name="present"]').fill(String(MEMBERS));
    await organiser.locator('#attendance-form button').click();
    await okMessage('Đã lưu');

    await organiser.locator('#cards-form input[name="count"]').fill(String(CARDS));
    await organiser.locator('#cards-form select[name="perSheet"]').selectOption('12');
    await organiser.locator('#cards-form button').click();
    await organiser.locator('#card-sheet').waitFor();
    cards = await readPrintedCards(organiser, 'meeting-04-cards-printed');
    expect(cards.map((c) => c.serial)).toEqual(Array.from({ length: CARDS }, (_, i) => i + 1));
    for (const card of cards) {
      expect(card.url).toMatch(new RegExp(`^${server.origin}/v/${meetingId}#[A-Z2-7]{26}$`));
      expect(card.typed.replaceAll(' ', ''), "the printed code is the QR code's").toBe(
        card.url.split('#')[1],
      );
    }
    expect(new Set(cards.map((c) => c.url)).size).toBe(CARDS);
    const pdf = await organiser.pdf({
      path: join(process.cwd(), 'test-results', 'e2e', 'meeting-cards.pdf'),
      preferCSSPageSize: true,
    });
    expect((await PDFDocument.load(pdf)).getPageCount(), 'one A4 page per sheet of 12').toBe(CARDS / 12);

    await organiser.locator('#activate-form input[name="from"]').fill('1');
    await organiser.locator('#activate-form input[name="to"]').fill(String(ACTIVATED));
    await organiser.locator('#activate-form button').click();
    await okMessage(`Đã kích hoạt ${ACTIVATED} thẻ`);
    await organiser.locator('#open-poll').click();
    await organiser.locator('#close-poll').waitFor();
    await screenshot(organiser, 'meeting-05-poll-open');
    projector = await (await phone(browser)).newPage();
    await projector.goto(await linkedFromConsole(`/projector/${meetingId}`));
    await projectorShows(0);
    expect(await counts()).toMatchObject({ status: 'open', activated: ACTIVATED, cast: 0 });
  });

  step(
    `${LINK_PHONES} phones vote through their cards' links, five at a time`,
    async () => {
      const plans = Array.from({ length: LINK_PHONES }, (_, k) => phoneChoices(k, proposed, options));
      const got = await inBatches(plans, 5, (choices, k) =>
        voteByLink(browser, cards[k]!.url, choices, proposed, k === 3 ? 'meeting-06-phone' : null),
      );
      ballots.push(...plans);
      codes.push(...got);
      expect(codes.every((c) => /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/.test(c))).toBe(true);
      expect(new Set(codes).size).toBe(LINK_PHONES);
      expect((await counts()).cast).toBe(LINK_PHONES);
    },
    600_000,
  );

  step('one phone votes by scanning its card with the camera', async () => {
    const video = join(folder, 'card.y4m');
    writeQrVideo(video, cards[CAMERA_CARD - 1]!.url);
    cameraBrowser = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    const context = await phone(cameraBrowser);
    await context.grantPermissions(['camera'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(`${server.origin}/v/${meetingId}`);
    await page.locator('#scan').click();
    const choices = phoneChoices(LINK_PHONES, proposed, options);
    await page.locator('#ballot').waitFor({ timeout: 120_000 });
    await screenshot(page, 'meeting-07-camera-ballot');
    codes.push(await markAndSubmit(page, choices, proposed));
    ballots.push(choices);
    await context.close();
  });

  step('a phone without camera permission is told so and types the printed code', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/v/${meetingId}`);
    await page.locator('#scan').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Không mở được camera' });
    await alert.waitFor({ timeout: 60_000 });
    await screenshot(page, 'meeting-08-camera-denied');
    await page.locator('#token').fill(cards[TYPED_CARD - 1]!.typed);
    await page.locator('#token-form button[type="submit"]').click();
    const choices = phoneChoices(LINK_PHONES + 1, proposed, options);
    codes.push(await markAndSubmit(page, choices, proposed));
    ballots.push(choices);
    await context.close();
    expect((await counts()).cast).toBe(BALLOTS);
  });

  step('a spent card is refused clearly', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(cards[0]!.url);
    await page.locator('#ballot, #problem').first().waitFor({ timeout: 60_000 });
    if (await page.locator('#ballot').isVisible()) await page.locator('#submit').click();
    await page.locator('#problem').waitFor({ timeout: 120_000 });
    expect(await page.locator('#problem').textContent()).toContain('Thẻ này đã được dùng');
    await screenshot(page, 'meeting-09-card-spent');
    await context.close();
    expect((await counts()).cast).toBe(BALLOTS);
  });

  step('the projector, open since the poll opened, shows every ballot cast', async () => {
    await projectorShows(BALLOTS);
    expect(await fitsWidth(projector)).toBe(true);
    await screenshot(projector, 'meeting-10-projector');
  });

  step('the organiser closes the poll; an unused card is then refused', async () => {
    await organiser.reload();
    await organiser.locator('#close-poll').click();
    await organiser.locator('#close-confirm-do').click();
    await organiser.locator('#meeting-status').filter({ hasText: 'Đã kết thúc bỏ phiếu' }).waitFor();
    await screenshot(organiser, 'meeting-11-closed');
    expect(await counts()).toMatchObject({ status: 'closed', activated: ACTIVATED, cast: BALLOTS });

    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(cards[UNUSED_CARD - 1]!.url);
    await page.locator('#problem').waitFor({ timeout: 60_000 });
    expect(await page.locator('#problem').textContent()).toContain('Đã kết thúc bỏ phiếu');
    await screenshot(page, 'meeting-12-card-after-close');
    await context.close();
  });

  step('two trustees decrypt the totals and sign the result on their phones', async () => {
    for (const page of trustees.slice(0, 2)) {
      await page.locator('#decrypt').click();
      await page.locator('#share-sent, #result').first().waitFor({ timeout: 120_000 });
    }
    for (const page of trustees.slice(0, 2)) {
      await page.locator('#record-ok').waitFor({ timeout: 120_000 });
      await page.locator('#sign').click();
      await page.locator('#signed').waitFor({ timeout: 60_000 });
    }
    await screenshot(trustees[1]!, 'meeting-13-trustee-signed');
    const result = (await server.t.client().get(`/api/meetings/${meetingId}/result`)).body;
    expect(result.certified).toBe(true);
    const expected = expectedCounts(ballots, MEMBERS, options);
    expect(result.result.questions).toMatchObject(expected);
  });

  step("the organiser's console shows the certified result per member and level", async () => {
    await organiser.reload();
    await organiser.locator('#result').waitFor();
    await expectCounts(organiser, '#result .result-subject');
    await screenshot(organiser, 'meeting-14-console-result');
  });

  step('the minutes show the counts the phones chose, per member and level', async () => {
    const page = await (await phone(browser)).newPage();
    await page.goto(await linkedFromConsole(`/minutes/${meetingId}`));
    await page.locator('#certified.ok').waitFor({ timeout: 60_000 });
    expect(await page.locator('#certified').textContent()).toContain('đã được ban kiểm phiếu ký xác nhận');
    await expectCounts(page, '.minutes-subject');
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'meeting-15-minutes');
    await page.context().close();
  });

  step('the verifier passes the record and a voter finds their code', async () => {
    const page = await (await phone(browser)).newPage();
    await page.goto(await linkedFromConsole(`/verify?meeting=${meetingId}`));
    const verdict = page.locator('#verdict');
    await verdict.waitFor({ timeout: 120_000 });
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    const checks = await page.locator('.check').count();
    expect(checks).toBeGreaterThan(0);
    expect(await page.locator('.check[data-status="pass"]').count()).toBe(checks);
    await page.locator('#code').fill(codes[7]!);
    await page.locator('#code-form button[type="submit"]').click();
    await page.locator('[data-answer="found"]').waitFor();
    await screenshot(page, 'meeting-16-verify-found');
  });
});
