// The verifier with no connection at all: once /verify has been opened, its service worker keeps the page,
// so a reload offline still shows it; a record file chosen from the phone then passes every check and a
// voter finds their confirmation code. A record loaded from the server opens again offline too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MeetingDriver } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, fetchFresh, startE2eServer } from './server.ts';

e2eDescribe('verifier offline', { timeout: 120_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let meeting: MeetingDriver;
  const codes: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'phieukin-verify-offline-'));
  const recordFile = join(folder, 'record.json');

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    meeting = await MeetingDriver.create(server.t, { members: 3 });
    await meeting.ready(3);
    await meeting.open();
    for (const card of [1, 2, 3])
      codes.push((await meeting.expectOk(meeting.vote(card))).body.confirmationCode);
    await meeting.close();
    await meeting.expectOk(meeting.share(1));
    await meeting.expectOk(meeting.share(2));
    await meeting.expectOk(meeting.certify(1));
    await meeting.expectOk(meeting.certify(2));
    writeFileSync(recordFile, JSON.stringify(await meeting.record()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Opens `path` online and waits until the service worker controls the page (its cache is filled). */
  async function openOnline(path: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    await page.locator('#record-file').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    return { context, page };
  }

  async function expectAllChecksPass(page: Page): Promise<void> {
    const verdict = page.locator('#verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await page.locator('.check[data-status="pass"]').count()).toBe(9);
  }

  it('opens again with no connection and checks a record file from the phone', async () => {
    const { context, page } = await openOnline('/verify');
    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/api/meetings/none/counts').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { name: 'Kiểm tra hồ sơ cuộc họp' }).waitFor();
    await page.locator('#record-file').setInputFiles(recordFile);
    await expectAllChecksPass(page);
    await page.locator('#code').fill(codes[2]!.toLowerCase());
    await page.locator('#code-form button[type="submit"]').click();
    await page.locator('[data-answer="found"]').waitFor();
    expect(await page.locator('[data-answer="found"]').textContent()).toContain(codes[2]);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'verify-offline');
    await context.close();
  });

  it('shows a record loaded from the server again after an offline reload', async () => {
    const { context, page } = await openOnline(`/verify?meeting=${meeting.id}&code=${codes[0]}`);
    await expectAllChecksPass(page);
    await context.setOffline(true);
    await page.reload();
    await expectAllChecksPass(page);
    await page.locator('#code-form button[type="submit"]').click();
    await page.locator('[data-answer="found"]').waitFor();
    await context.close();
  });

  it("keeps the page's files in one cache named by the build", async () => {
    const { context, page } = await openOnline('/verify');
    const worker = await fetchFresh(`${server.origin}/verify-sw.js`);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    const names = await page.evaluate(() => caches.keys());
    const pages = names.filter((name) => name.startsWith('phieukin-verify-page-'));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatch(/^phieukin-verify-page-[0-9a-f]{16}$/);
    expect(await worker.text()).toContain(pages[0]!.slice('phieukin-verify-page-'.length));
    await context.close();
  });
});
