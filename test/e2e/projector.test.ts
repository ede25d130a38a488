// The projector on a 1280×720 wall screen and on a phone, with a meeting driven through the API: the
// ceremony (the board's joining QR for the organiser only), then the counts changing live as ballots
// are cast (no reload; Server-Sent Events, and polling when the stream is blocked), then the certified
// result with its links to the minutes and the verifier, a long result turning its pages on the wall; no
// sideways scrolling anywhere.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MeetingDriver } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const WALL = { width: 1280, height: 720 };

e2eDescribe('projector', { timeout: 120_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let meeting: MeetingDriver;
  let wall: Page;
  let onPhone: Page;

  async function wallContext(organiser: boolean): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: WALL, locale: 'vi-VN' });
    context.setDefaultTimeout(60_000);
    if (organiser) {
      const cookie = meeting.organiser.cookie;
      const at = cookie.indexOf('=');
      await context.addCookies([
        { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: server.origin },
      ]);
    }
    return context;
  }

  const projectorUrl = () => `${server.origin}/projector/${meeting.id}`;
  const shows = (page: Page, id: string, text: string) =>
    page
      .locator(`#${id}`)
      .filter({ hasText: new RegExp(`^${text}$`) })
      .waitFor();

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    meeting = await MeetingDriver.create(server.t, { members: 3, body: { subjects: ['m1', 'm2', 'm3'] } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the ceremony, with the joining QR only for the organiser, and the board joining', async () => {
    const room = await (await wallContext(false)).newPage();
    await room.goto(projectorUrl());
    await shows(room, 'trustees-joined', '0/3');
    expect(await room.locator('h1').textContent()).toBe('Họp chi bộ tháng 12');
    expect(await room.locator('#show-trustee-qr').count()).toBe(0);

    wall = await (await wallContext(true)).newPage();
    await wall.goto(projectorUrl());
    await wall.locator('#show-trustee-qr').click();
    await wall.locator('#trustee-qr img').waitFor();
    const url = (await wall.locator('.projector-url').textContent())!;
    expect(url).toContain(`/t/${meeting.id}#`);
    const oldCode = meeting.trusteeCode;
    meeting.trusteeCode = url.split('#')[1]!;
    expect(meeting.trusteeCode).not.toBe(oldCode);
    expect(await fitsWidth(wall)).toBe(true);
    await screenshot(wall, 'projector-ceremony-1280');

    await meeting.commitments();
    await shows(wall, 'trustees-joined', '3/3');
    await shows(room, 'trustees-joined', '3/3');
    expect(await wall.locator('#trustee-qr img').count()).toBe(1);
    await meeting.shares();
    await meeting.acks();
    await wall.locator('#counts').waitFor();
  });

  it('counts activated cards and cast ballots live, without a reload, and falls back to polling', async () => {
    await meeting.cards(3);
    await meeting.expectOk(
      meeting.organiser.put(meeting.path('/attendance'), { summoned: 3, present: 3 }),
      200,
    );
    await meeting.expectOk(meeting.organiser.post(meeting.path('/cards/activate'), { from: 1, to: 3 }), 200);
    await shows(wall, 'activated', '3');
    await meeting.open();
    await wall.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    onPhone = await (await phone(browser)).newPage();
    const polled = await (await wallContext(false)).newPage();
    await polled.route('**/counts/stream', (route) => route.abort());
    await onPhone.goto(projectorUrl());
    await polled.goto(projectorUrl());
    await shows(onPhone, 'cast', '0');

    await meeting.expectOk(meeting.vote(1));
    await shows(wall, 'cast', '1');
    await meeting.expectOk(meeting.vote(2));
    await shows(wall, 'cast', '2');
    await shows(onPhone, 'cast', '2');
    await shows(polled, 'cast', '2');
    expect(await wall.locator('#counts').getAttribute('data-feed')).toBe('stream');
    expect(await polled.locator('#counts').getAttribute('data-feed')).toBe('polling');
    expect(await wall.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await wall.locator('#turnout').getAttribute('value')).toBe('2');
    expect(await wall.locator('#turnout').getAttribute('max')).toBe('3');
    expect(await wall.locator('#counts').textContent()).toContain('2 trên 3 thẻ đã bỏ phiếu (66%)');
    expect(await fitsWidth(wall)).toBe(true);
    expect(await fitsWidth(onPhone)).toBe(true);
    await screenshot(wall, 'projector-counts-1280');
    await screenshot(onPhone, 'projector-counts-phone');
  });

  it('shows the result once the board has certified it, with QR codes to the minutes and the verifier', async () => {
    await meeting.close();
    await wall.locator('#counts').filter({ hasText: 'đang giải mã' }).waitFor();
    await meeting.expectOk(meeting.share(1));
    await meeting.expectOk(meeting.share(2));
    await wall.locator('#counts').filter({ hasText: 'ký xác nhận' }).waitFor();
    expect(await wall.locator('#result').count()).toBe(0);
    await meeting.expectOk(meeting.certify(1));
    await meeting.expectOk(meeting.certify(2));

    await wall.locator('#result').waitFor();
    await onPhone.locator('#result').waitFor();
    const subjects = wall.locator('.projector-subject');
    expect(await subjects.count()).toBe(3);
    const first = (await subjects.first().textContent())!;
    expect(first).toContain('Đảng viên 1');
    expect(first).toContain('Để trống: 0');
    expect(await wall.locator('.projector-proposal').first().textContent()).toBeTruthy();
    expect(await wall.locator('#result').textContent()).toContain('2 phiếu, 3 thẻ đã kích hoạt');
    expect(await wall.locator('#minutes-link a').getAttribute('href')).toBe(
      `${server.origin}/minutes/${meeting.id}`,
    );
    expect(await wall.locator('#verify-link a').getAttribute('href')).toBe(
      `${server.origin}/verify?meeting=${meeting.id}`,
    );
    expect(await wall.locator('#minutes-link img.qr').count()).toBe(1);
    expect(await fitsWidth(wall)).toBe(true);
    expect(await fitsWidth(onPhone)).toBe(true);
    await screenshot(wall, 'projector-result-1280');
    await screenshot(onPhone, 'projector-result-phone');
    await wall.setViewportSize({ width: 1920, height: 1080 });
    expect(await wall.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    expect(await fitsWidth(wall)).toBe(true);
    await screenshot(wall, 'projector-result-1920');
  });

  it('turns the pages of a long result on the wall, by itself', async () => {
    const subjects = Array.from({ length: 12 }, (_, i) => `m${i + 1}`);
    const long = await MeetingDriver.create(server.t, { members: 12, body: { subjects } });
    await long.ready(2);
    await long.open();
    await long.expectOk(long.vote(1));
    await long.close();
    await long.expectOk(long.share(1));
    await long.expectOk(long.share(2));
    await long.expectOk(long.certify(1));
    await long.expectOk(long.certify(2));

    const page = await (await wallContext(false)).newPage();
    await page.goto(`${server.origin}/projector/${long.id}`);
    await page.locator('#result').waitFor();
    expect(await page.locator('.projector-subject').count()).toBe(12);
    const list = page.locator('.projector-subjects');
    expect(await list.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'projector-long-result-1280');
    await page.waitForFunction(() => document.querySelector('.projector-subjects')!.scrollTop > 0, null, {
      timeout: 30_000,
    });
  });
});
