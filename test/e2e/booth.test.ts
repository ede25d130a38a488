// End to end on a real server and Debian's Chromium at phone size: three phones open their cards' links,
// vote (one as proposed, one changing a row, one leaving a row blank after confirming it), see their
// confirmation codes with valid receipts, and one finds its code in the record from the receipt screen; a
// spent card is refused clearly; after the count the verifier
// page checks the record in the browser and finds a voter's code, also from a file with the network off.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokenText } from '../../crypto/index.ts';
import { MeetingDriver } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

e2eDescribe('booth and verifier in a phone browser', { timeout: 120_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let meeting: MeetingDriver;
  const codes: string[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    meeting = await MeetingDriver.create(server.t, { members: 4 });
    await meeting.ready(4);
    await meeting.open();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openCard(card: number): Promise<Page> {
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[card - 1]!)}`);
    await page.locator('#ballot').waitFor();
    return page;
  }

  async function submitAndReadCode(page: Page): Promise<string> {
    await page.locator('#submit').click();
    const code = page.locator('#confirmation-code');
    await code.waitFor({ timeout: 60_000 });
    expect(await page.locator('#receipt-status').getAttribute('data-valid')).toBe('true');
    return (await code.textContent())!;
  }

  it('lets three phones vote and shows each its confirmation code', async () => {
    const first = await openCard(1);
    expect(new URL(first.url()).hash).toBe('');
    expect(await first.locator('fieldset.question').count()).toBe(2);
    expect(await first.locator('input[value="1"]:checked').count()).toBe(2);
    expect(await fitsWidth(first)).toBe(true);
    await screenshot(first, 'booth-ballot');
    codes.push(await submitAndReadCode(first));
    await screenshot(first, 'booth-confirmation');

    const second = await openCard(2);
    await second.locator('fieldset[data-question="q1"] .choice').first().click();
    expect(await second.locator('fieldset.question.changed').count()).toBe(1);
    await second.locator('#submit').click();
    await second.locator('#review-changed').waitFor();
    await second.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await second.locator('#confirmation-code').waitFor({ timeout: 60_000 });
    codes.push((await second.locator('#confirmation-code').textContent())!);

    const third = await openCard(3);
    await third.locator('fieldset[data-question="q2"] .blank-choice').click();
    await third.locator('#submit').click();
    await third.locator('#review-blank').waitFor();
    expect(await fitsWidth(third)).toBe(true);
    await screenshot(third, 'booth-blank-confirmation');
    await third.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await third.locator('#confirmation-code').waitFor({ timeout: 60_000 });
    codes.push((await third.locator('#confirmation-code').textContent())!);

    expect(codes.every((c) => /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(3);
    expect((await server.t.client().get(`/api/meetings/${meeting.id}/counts`)).body.cast).toBe(3);
  });

  it('keeps the receipt on the phone and shows it again for the same card', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[3]!)}`);
    await page.locator('#ballot').waitFor();
    const code = await submitAndReadCode(page);
    codes.push(code);
    const again = await context.newPage();
    await again.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[3]!)}`);
    expect(await again.locator('#confirmation-code').textContent()).toBe(code);

    await again.locator('#check-record').click();
    await again.locator('#record-check [data-answer="found"]').waitFor();
    expect(await again.locator('#record-check [data-answer="found"]').textContent()).toContain(code);
    expect(await again.locator('#record-position').getAttribute('data-ok')).toBe('true');
    expect(await again.locator('#record-signature').getAttribute('data-valid')).toBe('true');
    expect(await fitsWidth(again)).toBe(true);
    await screenshot(again, 'booth-record-check');
  });

  it('tells a phone with a spent card that it has been used, before showing a ballot', async () => {
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[0]!)}`);
    const problem = page.locator('#problem');
    await problem.waitFor({ timeout: 60_000 });
    expect(await problem.textContent()).toContain('Thẻ này đã được dùng');
    expect(await page.locator('#ballot').count()).toBe(0);
    await screenshot(page, 'booth-card-spent');
    expect((await server.t.client().get(`/api/meetings/${meeting.id}/counts`)).body.cast).toBe(4);
  });

  it('verifies the counted record in the browser and finds a confirmation code', async () => {
    await meeting.close();
    await meeting.expectOk(meeting.share(1));
    await meeting.expectOk(meeting.share(2));
    await meeting.expectOk(meeting.certify(1));
    await meeting.expectOk(meeting.certify(2));

    const page = await (await phone(browser)).newPage();
    const typed = codes[1]!.toLowerCase().replaceAll('-', ' ');
    await page.goto(`${server.origin}/verify?meeting=${meeting.id}&code=${encodeURIComponent(typed)}`);
    const verdict = page.locator('#verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await page.locator('.check[data-status="pass"]').count()).toBe(9);
    await page.locator('#code-form button[type="submit"]').click();
    await page.locator('[data-answer="found"]').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'verify-found');

    await page.locator('#code').fill('AAAA-BBBB-CCCC-DDDD');
    await page.locator('#code-form button[type="submit"]').click();
    await page.locator('[data-answer="missing"]').waitFor();

    await page.locator('.lang-switch').click();
    await page.getByRole('heading', { name: 'Verify a meeting record' }).waitFor();
    await screenshot(page, 'verify-english');
  });

  it('verifies a record file chosen from the device with the network off', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'phieukin-record-'));
    const file = join(folder, 'record.json');
    writeFileSync(file, JSON.stringify(await meeting.record()));
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/verify`);
    await page.locator('#record-file').waitFor();
    await context.setOffline(true);
    await page.locator('#record-file').setInputFiles(file);
    const verdict = page.locator('#verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    await page.locator('#code').fill(codes[0]!);
    await page.locator('#code-form button[type="submit"]').click();
    await page.locator('[data-answer="found"]').waitFor();
    await context.setOffline(false);
    rmSync(folder, { recursive: true, force: true });
  });
});
