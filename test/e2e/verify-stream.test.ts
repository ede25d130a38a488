// The verifier reads the record as a stream (issue 14: a phone checks a 25 MB record): with the download
// slowed, the page shows how much of the record is read, of its size, several times before the end, and
// the report is the one the verifier gives the whole text; a tampered file from the phone names the checks
// that fail, and says why in the page's language: in Vietnamese with none of the report's English. Screenshots
// at 360 and 1280 px, during the check and at the end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { base64url, type MeetingRecord, resultHash, verifyRecord } from '../../crypto/index.ts';
import { outcomeForResult } from '../../src/shared/rules/index.ts';
import { reasonLines } from '../../src/shared/verify-reasons.ts';
import { MeetingDriver } from '../app/helpers.ts';
import { reasonEnglishIn } from '../shared/reason-english.ts';
import { e2eDescribe, launchBrowser, PHONE, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';
import { textProblems } from './text-audit.ts';

e2eDescribe('verifier streaming', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let meeting: MeetingDriver;
  let recordText = '';
  const folder = mkdtempSync(join(tmpdir(), 'phieukin-verify-stream-'));

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    meeting = await MeetingDriver.create(server.t, { members: 3 });
    await meeting.ready(3);
    await meeting.open();
    for (const card of [1, 2, 3]) await meeting.expectOk(meeting.vote(card));
    await meeting.certifiedResult();
    recordText = JSON.stringify(await meeting.record());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The check statuses the verifier gives the whole text, as the page lists them. */
  const expectedChecks = (text: string) =>
    verifyRecord(text, { outcome: outcomeForResult }).checks.map((c) => [c.name, c.status]);
  const pageChecks = (page: Page) =>
    page
      .locator('.check')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-check'), r.getAttribute('data-status')]));

  it('reads a record from the server in pieces, showing how much is read, then the same report', async () => {
    // no service worker: the page's own fetch (the first visit's path) is the one the emulated network slows
    const context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${server.origin}/verify`);
    // the verifier's worker script is loaded at full speed first: only the record is slowed
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => e.name.endsWith('/verify-worker.js')),
    );
    const cdp = await context.newCDPSession(page);
    const bytes = Buffer.byteLength(recordText);
    await cdp.send('Network.enable');
    // about 6 s for the record, so a page that waits for the whole text shows nothing read meanwhile
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: Math.ceil(bytes / 6),
      uploadThroughput: -1,
    });
    await page.locator('#meeting').fill(meeting.id);
    await page.locator('#meeting').press('Enter');
    const seen: { read: number; max: number; label: string }[] = [];
    let shot = false;
    while ((await page.locator('#verdict').count()) === 0) {
      const now = await page.evaluate(() => {
        const bar = document.querySelector<HTMLProgressElement>('#verify-progress');
        const label = document.querySelector('.progress-label');
        return bar?.isConnected ? { read: bar.value, max: bar.max, label: label?.textContent ?? '' } : null;
      });
      if (now && now.read > 0 && now.read < bytes) {
        seen.push(now);
        if (!shot) await screenshot(page, 'verify-stream-progress-360');
        shot = true;
      }
      await page.waitForTimeout(100);
    }
    const reads = new Set(seen.map((s) => s.read));
    expect(reads.size).toBeGreaterThanOrEqual(3);
    // of the record's size, as the server gave it (Content-Length), in Vietnamese
    expect(seen.every((s) => s.max === bytes)).toBe(true);
    const size = new Intl.NumberFormat('vi-VN').format(Math.round(bytes / 1e4) / 100);
    expect(seen.at(-1)?.label).toMatch(
      new RegExp(`^Đã kiểm tra \\d+ phiếu, đã đọc [\\d,]+/${size} MB hồ sơ…$`),
    );

    expect(await page.locator('#verdict').getAttribute('data-ok')).toBe('true');
    expect(await pageChecks(page)).toEqual(expectedChecks(recordText));
    const result = (JSON.parse(recordText) as MeetingRecord).events.find((e) => e.type === 'result')!;
    expect(await page.locator('#result-fingerprint').textContent()).toBe(
      base64url(resultHash(result.payload)),
    );
    await screenshot(page, 'verify-stream-done-360');
    await context.close();
  });

  it('names the failing checks of a tampered record file, as the whole-text verifier does', async () => {
    const record = JSON.parse(recordText) as MeetingRecord;
    const result = record.events.find((e) => e.type === 'result')!;
    // one count changed after the board signed it
    result.payload = result.payload.replace(/"(\d)/, (_, d: string) => `"${(Number(d) + 1) % 10}`);
    const tampered = JSON.stringify(record);
    const file = join(folder, 'tampered.json');
    writeFileSync(file, tampered);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${server.origin}/verify`);
    await page.locator('#record-file').setInputFiles(file);
    await page.locator('#verify-progress').waitFor();
    await screenshot(page, 'verify-stream-progress-1280');
    await page.locator('#verdict').waitFor();
    expect(await page.locator('#verdict').getAttribute('data-ok')).toBe('false');
    const expected = expectedChecks(tampered);
    expect(expected.some(([, status]) => status === 'fail')).toBe(true);
    expect(await pageChecks(page)).toEqual(expected);
    await screenshot(page, 'verify-stream-done-1280');

    // why, as the page says it: each failing check's problems in the page's language, from their codes
    const failing = verifyRecord(tampered, { outcome: outcomeForResult }).checks.filter(
      (c) => c.status === 'fail',
    );
    const shown = () =>
      page
        .locator('.check[data-status="fail"] .problems li')
        .evaluateAll((items) => items.map((li) => li.textContent ?? ''));
    const inLanguage = async (lang: 'vi' | 'en') => {
      if ((await page.locator('html').getAttribute('lang')) !== lang)
        await page.locator('.lang-switch').click();
      await page.locator(`html[lang="${lang}"]`).waitFor();
      return shown();
    };
    const vietnamese = await inLanguage('vi');
    expect(vietnamese).toEqual(failing.flatMap((c) => reasonLines(c.problems, 'vi')));
    expect(vietnamese.length).toBeGreaterThan(0);
    for (const line of vietnamese) {
      expect(reasonEnglishIn(line), line).toEqual([]);
      expect(textProblems(line, 'vi', []), line).toEqual([]);
    }
    const failingRows = await page.locator('.check[data-status="fail"]').allTextContents();
    expect(failingRows.flatMap((row) => reasonEnglishIn(row))).toEqual([]);
    await screenshot(page, 'verify-stream-tampered-vi-1280');
    expect(await inLanguage('en')).toEqual(failing.flatMap((c) => reasonLines(c.problems, 'en')));
    await context.close();
  });
});
