// Scanning a card with the booth's own camera (kiosk): Chromium's fake camera shows the card's QR code,
// jsQR reads it in the page, the ballot opens and is cast. The card names another address of the server
// (printed before the address changed) than the one the booth is opened at: the booth still takes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cardUrl } from '../../crypto/index.ts';
import { MeetingDriver } from '../app/helpers.ts';
import { e2eDescribe, launchBrowser, phone, screenshot } from './browser.ts';
import { writeQrVideo } from './qr-video.ts';
import { type E2eServer, startE2eServer } from './server.ts';

e2eDescribe('booth camera', { timeout: 120_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let meeting: MeetingDriver;
  const folder = mkdtempSync(join(tmpdir(), 'phieukin-camera-'));

  beforeAll(async () => {
    server = await startE2eServer();
    meeting = await MeetingDriver.create(server.t, { members: 2 });
    await meeting.ready(1);
    await meeting.open();
    const video = join(folder, 'card.y4m');
    writeQrVideo(video, cardUrl('http://192.168.50.7:3000', meeting.id, meeting.tokens[0]!));
    browser = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads the card from the camera and opens its ballot', async () => {
    const context = await phone(browser);
    await context.grantPermissions(['camera'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(`${server.origin}/v/${meeting.id}?kiosk=1`);
    await page.locator('#scan').waitFor();
    await screenshot(page, 'booth-token-entry');
    await page.locator('#scan').click();
    await page.locator('#ballot').waitFor({ timeout: 60_000 });
    await screenshot(page, 'booth-after-scan');
    await page.locator('#submit').click();
    await page.locator('#confirmation-code').waitFor({ timeout: 60_000 });
    expect((await server.t.client().get(`/api/meetings/${meeting.id}/counts`)).body.cast).toBe(1);
  });
});
