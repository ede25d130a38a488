// The booth as a member meets it in the room: opened before the poll, it lets the ballot be read and
// marked with "Gửi phiếu" disabled, and notices by itself when the chair opens the poll; before sending,
// one review lists what the member changed from the proposals and the rows left blank; a spent card says
// what to do next; a confidence ballot names each official's position; a motion explains abstaining and
// leaving blank, the two ways not to answer yes or no.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokenText } from '../../crypto/index.ts';
import { MeetingDriver } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

e2eDescribe('the booth before sending', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openCard(meeting: MeetingDriver, card: number, width = 360): Promise<Page> {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 740 });
    await page.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[card - 1]!)}`);
    await page.locator('#ballot').waitFor();
    return page;
  }

  const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

  it('opened before the poll, waits with "Gửi phiếu" disabled and notices the opening by itself', async () => {
    const meeting = await MeetingDriver.create(server.t, { members: 4 });
    await meeting.ready(2);
    const page = await openCard(meeting, 1);
    await page.locator('#not-open').waitFor();
    // encrypted, and the member reads why the button is off and that it turns on by itself
    await page.locator('#encrypt-status', { hasText: 'sẵn sàng gửi khi chủ tọa mở bỏ phiếu' }).waitFor();
    expect(await page.locator('#submit').isDisabled()).toBe(true);
    await page.locator('fieldset[data-question="q1"] label.choice:has(input[value="0"])').click();
    await screenshot(page, 'booth-before-opening');

    await meeting.open();
    await page.locator('#poll-opened').waitFor({ timeout: 30_000 });
    expect(await page.locator('#not-open').count()).toBe(0);
    await page.locator('#submit:enabled').waitFor();
    expect(await text(page, '#encrypt-status')).toBe('Phiếu đã được mã hóa, sẵn sàng gửi.');
    // the mark made before the opening is still there
    expect(await page.locator('fieldset[data-question="q1"] input[value="0"]').isChecked()).toBe(true);
    await page.locator('#submit').click();
    await page.locator('#review').waitFor();
    await page.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await page.locator('#confirmation-code').waitFor({ timeout: 60_000 });
  });

  it('reviews the changes from the proposals and the blank rows before sending, at 360 and 1280 px', async () => {
    const meeting = await MeetingDriver.create(server.t, {
      members: 4,
      body: { subjects: ['m1', 'm2', 'm3'] },
    });
    await meeting.ready(2);
    await meeting.open();
    for (const width of [360, 1280]) {
      const page = await openCard(meeting, width === 360 ? 1 : 2, width);
      await page.locator('fieldset[data-question="q1"] label.choice:has(input[value="0"])').click();
      await page.locator('fieldset[data-question="q3"] .blank-choice').click();
      await page.locator('#submit:enabled').waitFor();
      await page.locator('#submit').click();
      await page.locator('#review').waitFor();
      expect(await page.locator('#review-changed li').allTextContents()).toEqual([
        'Đảng viên 1: đề xuất «Hoàn thành tốt nhiệm vụ», đồng chí chọn «Hoàn thành xuất sắc nhiệm vụ»',
      ]);
      expect(await page.locator('#review-blank li').allTextContents()).toEqual(['Đảng viên 3']);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, `booth-review-${width}`);
      // back to the ballot: nothing the member marked is lost
      await page.getByRole('button', { name: 'Quay lại sửa phiếu' }).click();
      await page.locator('#ballot').waitFor();
      expect(await page.locator('fieldset[data-question="q1"] input[value="0"]').isChecked()).toBe(true);
      expect(await page.locator('fieldset[data-question="q3"] .blank-choice input').isChecked()).toBe(true);
      await page.locator('#submit:enabled').waitFor();
      await page.locator('#submit').click();
      await page.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
      await page.locator('#confirmation-code').waitFor({ timeout: 60_000 });
    }
    expect((await server.t.client().get(`/api/meetings/${meeting.id}/counts`)).body.cast).toBe(2);

    // the same card on another phone: spent, and what to do now
    const other = await (await phone(browser)).newPage();
    await other.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[0]!)}`);
    await other.locator('#problem').waitFor();
    const problem = await text(other, '#problem');
    expect(problem).toContain('không cần làm gì thêm');
    expect(problem).toContain('báo ngay cho ban kiểm phiếu');
    await screenshot(other, 'booth-spent');
  });

  it("a confidence ballot names each official's position; a motion explains abstaining and leaving blank", async () => {
    const confidence = await MeetingDriver.create(server.t, {
      members: 4,
      body: { kind: 'confidence', subjects: ['m1', 'm2'], title: 'Lấy phiếu tín nhiệm' },
    });
    await confidence.ready(1);
    await confidence.open();
    const page = await openCard(confidence, 1);
    expect(await page.locator('fieldset.question .position').allTextContents()).toEqual([
      'Chức vụ: bí thư chi bộ',
      'Chức vụ: đảng viên',
    ]);
    await screenshot(page, 'booth-confidence-positions');

    const motion = await MeetingDriver.create(server.t, {
      members: 4,
      body: {
        kind: 'motion',
        subjects: undefined,
        motions: [{ prompt: 'Thông qua nghị quyết' }],
        title: 'Biểu quyết',
      },
    });
    await motion.ready(1);
    await motion.open();
    const ballot = await openCard(motion, 1);
    const explained = await text(ballot, '#motion-choices');
    expect(explained).toContain('«Không biểu quyết»');
    expect(explained).toContain('«Để trống»');
    expect(await ballot.locator('fieldset.question .choice').allTextContents()).toEqual([
      'Tán thành',
      'Không tán thành',
      'Không biểu quyết',
      'Để trống',
    ]);
    await screenshot(ballot, 'booth-motion-choices');
  });
});
