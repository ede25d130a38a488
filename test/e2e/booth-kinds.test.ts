// The ballot by kind: a confidence vote offers three levels per official with nothing chosen in advance,
// a motion offers yes / no / abstain; both ask before sending blank rows. A 60-member classification in
// English fits the phone and encrypts in its worker. A ballot marked before the poll opens is sent once
// it is open (the page notices the opening; until then "Gửi phiếu" is disabled).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokenText } from '../../crypto/index.ts';
import { MeetingDriver } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

e2eDescribe('ballots of each kind', { timeout: 120_000 }, () => {
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

  async function vote(body: object, shot: string, rows: number, options: number) {
    const meeting = await MeetingDriver.create(server.t, { members: 4, body });
    await meeting.ready(1);
    await meeting.open();
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[0]!)}`);
    await page.locator('#ballot').waitFor();
    expect(await page.locator('fieldset.question').count()).toBe(rows);
    expect(await page.locator('fieldset.question').first().locator('.choice').count()).toBe(options + 1);
    expect(await page.locator('.blank-choice input:checked').count()).toBe(rows);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, shot);
    await page.locator('fieldset.question').first().locator('.choice').first().click();
    await page.locator('#submit').click();
    if (rows > 1) {
      await page.locator('#review-blank').waitFor();
      await page.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    }
    await page.locator('#confirmation-code').waitFor({ timeout: 60_000 });
  }

  it('a confidence vote: three levels for each official assessed', async () => {
    await vote(
      { kind: 'confidence', subjects: ['m1', 'm2'], title: 'Lấy phiếu tín nhiệm' },
      'booth-confidence',
      2,
      3,
    );
  });

  it('motions: yes, no or abstain', async () => {
    await vote(
      {
        kind: 'motion',
        subjects: undefined,
        motions: [{ prompt: 'Thông qua nghị quyết chi bộ tháng 12' }, { prompt: 'Kết nạp đảng viên mới' }],
        title: 'Biểu quyết',
      },
      'booth-motion',
      2,
      3,
    );
  });

  it('a classification of 60 members, in English: every row preselected, one exception changed', async () => {
    const meeting = await MeetingDriver.create(server.t, {
      members: 60,
      body: { subjects: undefined, title: 'Xếp loại 60 đảng viên' },
    });
    await meeting.ready(1);
    await meeting.open();
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[0]!)}`);
    await page.locator('#ballot').waitFor();
    await page.locator('.lang-switch').click();
    await page.getByText('Change only the rows you disagree with', { exact: false }).waitFor();
    expect(await page.locator('fieldset.question').count()).toBe(60);
    expect(await page.locator('.blank-choice input:checked').count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await page.locator('fieldset[data-question="q42"] .choice').nth(3).click();
    await page.locator('#encrypt-status').filter({ hasText: 'ready to send' }).waitFor({ timeout: 60_000 });
    await page.locator('#submit').click();
    await page.locator('#review-changed').waitFor();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.locator('#confirmation-code').waitFor({ timeout: 60_000 });
    await screenshot(page, 'booth-60-english-confirmation');
  });

  it('lets a voter mark the ballot before the poll opens and send the same ballot once it is open', async () => {
    const meeting = await MeetingDriver.create(server.t, { members: 3 });
    await meeting.ready(1);
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[0]!)}`);
    await page.locator('#ballot').waitFor();
    await page.getByText('Chưa mở bỏ phiếu').first().waitFor();
    await page.locator('#encrypt-status').filter({ hasText: 'sẵn sàng gửi' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#submit').isDisabled()).toBe(true);
    await meeting.open();
    await page.locator('#submit:enabled').click();
    await page.locator('#confirmation-code').waitFor({ timeout: 60_000 });
    expect(await page.locator('#receipt-status').getAttribute('data-valid')).toBe('true');
  });
});
