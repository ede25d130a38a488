// The organiser's console as a secretary works it at `localhost`: the cards' QR codes carry the server's
// public address (PHIEUKIN_PUBLIC_URL), not the browser's; without it the console warns before printing;
// showing the trustee QR keeps the cards made and not yet printed and the number typed; a wrong
// attendance keeps what was typed and says what is wrong under the field it is about; the setup page
// links on to the console.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MeetingDriver, PASSWORD } from '../app/helpers.ts';
import { e2eDescribe, launchBrowser, screenshot } from './browser.ts';
import { pngPixels, readQr } from './card-images.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const PUBLIC_URL = 'http://192.168.50.7:3000';

e2eDescribe('console traps', { timeout: 180_000 }, () => {
  let withAddress: E2eServer;
  let withoutAddress: E2eServer;
  let fresh: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [withAddress, withoutAddress, fresh] = await Promise.all([
      startE2eServer({ publicUrl: PUBLIC_URL }),
      startE2eServer(),
      startE2eServer(),
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await withAddress?.stop();
    await withoutAddress?.stop();
    await fresh?.stop();
  });

  it('links on to the console once the first password is set', async () => {
    const page = await browser.newPage();
    await page.goto(`${fresh.origin}/setup#${await fresh.t.setupToken()}`);
    await page.locator('#p1').fill('mật khẩu đủ dài');
    await page.locator('#p2').fill('mật khẩu đủ dài');
    await page.locator('button[type=submit]').click();
    await page.locator('#continue').click();
    await page.locator('#roster-section').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  /** The console of a new meeting (at its ceremony), opened at localhost as an organiser on a laptop. */
  async function consoleAtLocalhost(server: E2eServer): Promise<{ page: Page; meetingId: string }> {
    const meeting = await MeetingDriver.create(server.t, { members: 4 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const localhost = server.origin.replace('127.0.0.1', 'localhost');
    await page.goto(`${localhost}/`);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#login-form button').click();
    await page.locator('#login-form').waitFor({ state: 'detached' });
    await page.goto(`${localhost}/?meeting=${meeting.id}`);
    await page.locator('#cards-form').waitFor();
    return { page, meetingId: meeting.id };
  }

  it('prints cards whose QR codes open the public address, and keeps them when the trustee QR is shown', async () => {
    const { page, meetingId } = await consoleAtLocalhost(withAddress);
    expect(await page.locator('#card-address-warning').count()).toBe(0);
    await page.locator('#cards-form input[name="count"]').fill('3');
    await page.locator('#cards-form button').click();
    await page.locator('#printed-cards .card').nth(2).waitFor();
    const qr = page.locator('#printed-cards .card-qr').first();
    const { rgba, width, height } = await pngPixels(page, await qr.screenshot());
    expect(readQr(rgba, width, height)).toMatch(new RegExp(`^${PUBLIC_URL}/v/${meetingId}#[A-Z2-7]{26}$`));

    await page.locator('#cards-form input[name="count"]').fill('5');
    await page.locator('#trustee-qr').click();
    await page.locator('#trustee-link').waitFor();
    expect(await page.locator('#trustee-link p').textContent()).toMatch(
      new RegExp(`^${PUBLIC_URL}/t/${meetingId}#`),
    );
    expect(await page.locator('#printed-cards .card').count()).toBe(3);
    expect(await page.locator('#cards-form input[name="count"]').inputValue()).toBe('5');
    await screenshot(page, 'console-trustee-qr-with-cards');
  });

  it('warns before printing when the cards would link to this machine only', async () => {
    const { page } = await consoleAtLocalhost(withoutAddress);
    const warning = page.locator('#cards-form #card-address-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('localhost');
    expect(await warning.textContent()).toContain('điện thoại');
    await page.locator('#cards-form button').click();
    await page.locator('#printed-cards #card-address-warning').waitFor();
    await screenshot(page, 'console-loopback-warning');
  });

  it('keeps a wrong attendance as typed and shows the error under its field', async () => {
    const { page } = await consoleAtLocalhost(withAddress);
    const form = page.locator('#attendance-form');
    await form.locator('input[name="summoned"]').fill('4');
    await form.locator('input[name="present"]').fill('6');
    await form.locator('button').click();
    const error = form.locator('#attendance-form-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Số có mặt (6) không thể lớn hơn số triệu tập (4)');
    expect(await form.locator('input[name="present"] + .field-error').count()).toBe(1);
    expect(await form.locator('input[name="present"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('input[name="summoned"]').inputValue()).toBe('4');
    expect(await form.locator('input[name="present"]').inputValue()).toBe('6');
    expect(await page.locator('#message').count()).toBe(0);
    const box = (await error.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'console-attendance-error');

    await form.locator('input[name="present"]').fill('');
    await form.locator('button').click();
    await form.locator('#attendance-form-error').filter({ hasText: 'số nguyên' }).waitFor();
    expect(await form.locator('input[name="summoned"]').inputValue()).toBe('4');

    await form.locator('input[name="present"]').fill('3');
    await form.locator('button').click();
    await page.locator('#message.ok').waitFor();
    expect(await form.locator('.field-error').count()).toBe(0);
    expect(await form.locator('input[name="present"]').inputValue()).toBe('3');
  });
});
