// The vote-counting board on three phones: each opens the trustee link from the projector, joins, and
// the key ceremony completes in the browsers; after the poll two of them decrypt the totals (the tally
// recomputed from the record, not the one the server shows), check the record on the phone (a record with
// a changed result is refused, with its reasons in Vietnamese), and sign the result; the record then verifies and the minutes show it certified. On a 360 × 640 phone what to do now
// and the button to decrypt or sign are on the first screen; the counts per question are folded below.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MeetingDriver, verify } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';
import { textProblems } from './text-audit.ts';

const SMALL = { width: 360, height: 640 };
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).textContent()) ?? '').trim();

/** The element is wholly on the screen the page opens on, with nothing scrolled. */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

/** The page says nothing internal (text-audit.ts) in Vietnamese, nor after the switch, in English; the
 * meeting's and the members' names are theirs. */
async function expectPlainText(page: Page): Promise<void> {
  const names = await page.locator('h1, #result h3').allTextContents();
  const own = [...names, 'phiếu kín', 'Tiếng Việt'];
  expect(textProblems(await page.locator('body').innerText(), 'vi', own)).toEqual([]);
  await page.locator('.lang-switch').click();
  await page.locator('html[lang="en"]').waitFor();
  expect(textProblems(await page.locator('body').innerText(), 'en', own)).toEqual([]);
  await page.locator('.lang-switch').click();
  await page.locator('html[lang="vi"]').waitFor();
}

e2eDescribe('trustee pages', { timeout: 120_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let meeting: MeetingDriver;
  const phones: Page[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    meeting = await MeetingDriver.create(server.t, { members: 3 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs the key ceremony on three phones', async () => {
    for (let i = 0; i < 3; i++) {
      const page = await (await phone(browser)).newPage();
      await page.goto(`${server.origin}/t/${meeting.id}#${meeting.trusteeCode}`);
      await page.locator('#join').click();
      await page.locator('#trustee-index').waitFor();
      phones.push(page);
    }
    for (const page of phones) await page.locator('#key-made').waitFor({ timeout: 60_000 });
    expect(new URL(phones[0]!.url()).hash).toBe('');
    expect(await fitsWidth(phones[0]!)).toBe(true);
    await screenshot(phones[0]!, 'trustee-key-made');
    const indices = await Promise.all(phones.map((p) => p.locator('#trustee-index').textContent()));
    expect(new Set(indices).size).toBe(3);
    expect((await server.t.client().get(`/api/vote/${meeting.id}`)).body.jointKey).toBeTruthy();
  });

  it('decrypts the totals and signs the result from two phones', async () => {
    await meeting.cards(2);
    await meeting.expectOk(
      meeting.organiser.put(meeting.path('/attendance'), { summoned: 3, present: 2 }),
      200,
    );
    await meeting.expectOk(meeting.organiser.post(meeting.path('/cards/activate'), { from: 1, to: 2 }), 200);
    await meeting.open();
    await meeting.expectOk(meeting.vote(1, [1, 0]), 201);
    await meeting.expectOk(meeting.vote(2, [1, null]), 201);
    await meeting.close();

    // A server that lies about the tally: the first phone is shown the options of each question in
    // reverse. A phone that decrypted what it is shown would open the wrong ciphertexts (one voter's, in a
    // real attack); it must decrypt the tally it recomputed from the record, which the server then accepts.
    await phones[0]!.route('**/api/meetings/*/tally', async (route) => {
      const view = await (await route.fetch()).json();
      for (const q of view.tally.questions) q.options.reverse();
      await route.fulfill({ json: view });
    });
    // A server that changes the result in the record it gives the second phone: that phone must refuse to
    // sign, and say why in Vietnamese (it decrypts first: the record has no result until both shares).
    const recordRoute = '**/api/meetings/*/record';
    await phones[1]!.route(recordRoute, async (route) => {
      const record = await (await route.fetch()).json();
      const result = record.events.find((e: { type: string }) => e.type === 'result');
      if (result) {
        const payload = JSON.parse(result.payload);
        payload.questions[0].counts.reverse();
        result.payload = JSON.stringify(payload);
      }
      await route.fulfill({ json: record });
    });
    // On a small phone (360 × 640) what to do now and the one button are on the first screen.
    for (const page of phones.slice(0, 2)) await page.setViewportSize(SMALL);
    await phones[0]!.locator('#decrypt').waitFor();
    expect(await text(phones[0]!, '#summary')).toBe(
      'Đã kết thúc bỏ phiếu: 2 phiếu. Việc cần làm bây giờ: đồng chí bấm nút dưới đây để giải mã tổng số phiếu. Cần 2 thành viên ban kiểm phiếu giải mã; đã có 0/2.',
    );
    expect(await onFirstScreen(phones[0]!, '#decrypt')).toBe(true);
    await screenshot(phones[0]!, 'trustee-decrypt');
    await expectPlainText(phones[0]!);
    for (const page of phones.slice(0, 2)) {
      await page.locator('#decrypt').click();
      await page.locator('#share-sent, #result').first().waitFor({ timeout: 60_000 });
    }
    for (const [i, page] of phones.slice(0, 2).entries()) {
      if (i === 1) {
        await page.locator('#record-bad').waitFor({ timeout: 60_000 });
        expect(await page.locator('#sign').count()).toBe(0);
        expect(await text(page, '#summary')).toBe(
          'Kết quả đã giải mã, nhưng hồ sơ máy chủ đưa ra KHÔNG đạt kiểm tra trên điện thoại này. Việc cần làm bây giờ: không ký; báo ngay cho cả ban kiểm phiếu.',
        );
        const reasons = await page.locator('#record-bad li').allTextContents();
        expect(reasons).toContain('Kết quả máy chủ đưa ra khác với kết quả trong hồ sơ.');
        expect(reasons.some((line) => line.startsWith('Kết quả: '))).toBe(true);
        await screenshot(page, 'trustee-record-bad');
        await page.setViewportSize({ width: 1280, height: 900 });
        await screenshot(page, 'trustee-record-bad-1280');
        await page.setViewportSize(SMALL);
        await expectPlainText(page);
        // the true record again: after a reload the phone checks it afresh and may sign
        await page.unroute(recordRoute);
        await page.reload();
      }
      await page.locator('#record-ok').waitFor({ timeout: 60_000 });
      await page.locator('#summary', { hasText: `đã có ${i}/2.` }).waitFor();
      expect(await text(page, '#summary')).toBe(
        `Kết quả đã giải mã. Việc cần làm bây giờ: đồng chí ký xác nhận kết quả khi điện thoại đã kiểm tra xong hồ sơ. Cần 2 chữ ký; đã có ${i}/2.`,
      );
      expect(await onFirstScreen(page, '#sign')).toBe(true);
      // The counts per question are folded below the button.
      expect(await page.locator('#result-counts').getAttribute('open')).toBeNull();
      expect(await page.locator('#result .question').first().isVisible()).toBe(false);
      if (i === 0) {
        await screenshot(page, 'trustee-sign');
        await expectPlainText(page);
      }
      await page.locator('#sign').click();
      await page.locator('#signed').waitFor({ timeout: 60_000 });
    }
    await phones[0]!.locator('#signed', { hasText: '(2 chữ ký)' }).waitFor();
    expect(await text(phones[0]!, '#summary')).toBe(
      'Kết quả đã được xác nhận đủ chữ ký (2 chữ ký). Ban kiểm phiếu đã xong việc.',
    );
    // Opened, the counts stay open through the page's redraws.
    await phones[1]!.locator('#result-counts > summary').click();
    await phones[1]!.waitForTimeout(2000);
    expect(await phones[1]!.locator('#result .question').first().isVisible()).toBe(true);
    expect(await text(phones[1]!, '#result-counts > summary')).toBe('Số phiếu từng nội dung (2)');
    expect(await fitsWidth(phones[1]!)).toBe(true);
    await screenshot(phones[1]!, 'trustee-result-signed');
    await expectPlainText(phones[1]!);
    await phones[1]!.setViewportSize({ width: 1280, height: 900 });
    await screenshot(phones[1]!, 'trustee-result-signed-1280');
    const result = (await server.t.client().get(`/api/meetings/${meeting.id}/result`)).body;
    expect(result.certified).toBe(true);
    expect(result.result.questions[0].counts).toEqual([0, 2, 0, 0]);
    expect(verify(await meeting.record()).ok).toBe(true);

    const minutes = await (await phone(browser)).newPage();
    await minutes.goto(`${server.origin}/minutes/${meeting.id}`);
    await minutes.locator('#certified').waitFor();
    expect(await minutes.locator('#certified').textContent()).toContain('đủ số chữ ký');
    expect(await minutes.locator('.minutes-subject').count()).toBe(2);
    expect(await fitsWidth(minutes)).toBe(true);
    await screenshot(minutes, 'minutes');
  });
});
