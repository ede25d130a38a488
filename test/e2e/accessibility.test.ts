// Every page at phone size (360×740), as a member aged 60 on a cheap Android phone meets it: no sideways
// scrolling, touch targets of at least 44×44 px, text at WCAG AA contrast, and the same with the system
// font at 200 % (page-audit.ts). Each page is screenshotted at phone size, at 100 % and 200 % text, into
// test-results/e2e/a11y-<page>.png and a11y-<page>-200.png.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokenText } from '../../crypto/index.ts';
import { MeetingDriver } from '../app/helpers.ts';
import { buildOrg, certified, meetingOf, type Org } from '../app/org-helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { auditPage, contrastRatio, doubleTextSize, parseColour } from './page-audit.ts';
import { type E2eServer, startE2eServer } from './server.ts';

e2eDescribe('accessibility of every page at phone size', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let org: Org;
  let done: MeetingDriver;
  let live: MeetingDriver;
  let fresh: MeetingDriver;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    org = await buildOrg(server.t);
    done = await MeetingDriver.create(server.t, { members: 4 });
    await done.ready(3);
    await done.open();
    for (const card of [1, 2, 3]) await done.expectOk(done.vote(card, card === 3 ? [0, null] : [1, 2]));
    await done.close();
    await done.expectOk(done.share(1));
    await done.expectOk(done.share(2));
    await done.expectOk(done.certify(1));
    await done.expectOk(done.certify(2));
    live = await MeetingDriver.create(server.t, { members: 4 });
    await live.ready(3);
    await live.open();
    await live.expectOk(live.vote(3));
    fresh = await MeetingDriver.create(server.t, { members: 3 });
    await certified(await meetingOf(server.t, org.organisers.a, 3), 3, () => [0, 1, 2]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function loggedIn(cookie: string): Promise<BrowserContext> {
    const context = await phone(browser);
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: server.origin }]);
    return context;
  }

  /** Audits the page with every folded section open, then again at 200 % text; screenshots both. */
  async function audit(page: Page, name: string): Promise<void> {
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    await screenshot(page, `a11y-${name}`);
    expect.soft(await auditPage(page), `${name} at 100 %`).toEqual([]);
    await doubleTextSize(page);
    await screenshot(page, `a11y-${name}-200`);
    expect.soft(await auditPage(page), `${name} at 200 %`).toEqual([]);
  }

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio(parseColour('rgb(0, 0, 0)'), parseColour('rgb(255, 255, 255)'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColour('rgb(118, 118, 118)'), parseColour('rgb(255, 255, 255)'))).toBeCloseTo(
      4.54,
      2,
    );
    expect(contrastRatio(parseColour('rgb(255, 255, 255)'), parseColour('rgb(255, 255, 255)'))).toBe(1);
  });

  it('finds a page that scrolls sideways, a small target, faint text and clipped text', async () => {
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/verify`);
    await page.locator('#record-file').waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.evaluate(() => {
      const main = document.getElementById('app')!;
      main.insertAdjacentHTML(
        'beforeend',
        '<p style="color: #999">faint</p><button style="min-height: 0; padding: 0">x</button>' +
          '<div style="width: 5rem; overflow: hidden; white-space: nowrap">a line far too long for its box</div>' +
          '<div style="width: 30rem">wide</div>',
      );
    });
    const problems = await auditPage(page);
    expect(await fitsWidth(page)).toBe(false);
    expect(problems.find((p) => p.startsWith('sideways scrolling'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('target under 44 px: button "x"'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('contrast 2.85 < 4.5: p "faint"'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('content wider than its box: div "a line far'))).toBeDefined();
  });

  it('organiser: login, home, a meeting in its poll and one with its result', async () => {
    const login = await (await phone(browser)).newPage();
    await login.goto(`${server.origin}/`);
    await login.locator('#password').waitFor();
    await audit(login, 'organiser-login');

    const context = await loggedIn(org.admin.cookie);
    const home = await context.newPage();
    await home.goto(`${server.origin}/`);
    await home.locator('#meetings').waitFor();
    await audit(home, 'organiser-home');

    const meeting = await context.newPage();
    await meeting.goto(`${server.origin}/?meeting=${done.id}`);
    await meeting.locator('#meeting-status').waitFor();
    await audit(meeting, 'organiser-meeting');

    const open = await context.newPage();
    await open.goto(`${server.origin}/?meeting=${live.id}`);
    await open.locator('#close-poll').waitFor();
    await audit(open, 'organiser-meeting-open');
  });

  it('booth: typing a card code, the ballot, and the receipt with the code found in the record', async () => {
    const typing = await (await phone(browser)).newPage();
    await typing.goto(`${server.origin}/v/${live.id}`);
    await typing.locator('#token').waitFor();
    await audit(typing, 'booth-token');

    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${live.id}#${tokenText(live.tokens[0]!)}`);
    await page.locator('#ballot').waitFor();
    await audit(page, 'booth-ballot');

    const receipt = await (await phone(browser)).newPage();
    await receipt.goto(`${server.origin}/v/${live.id}#${tokenText(live.tokens[1]!)}`);
    await receipt.locator('#submit').click();
    await receipt.locator('#confirmation-code').waitFor({ timeout: 60_000 });
    await receipt.locator('#check-record').click();
    await receipt.locator('#record-signature').waitFor();
    await audit(receipt, 'booth-receipt');
  });

  it('trustee: joining the board', async () => {
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/t/${fresh.id}#${fresh.trusteeCode}`);
    await page.locator('#join').waitFor();
    await audit(page, 'trustee-join');
    const joined = await (await phone(browser)).newPage();
    await joined.goto(`${server.origin}/t/${fresh.id}#${fresh.trusteeCode}`);
    await joined.locator('#join').click();
    await joined.locator('#trustee-index').waitFor();
    await audit(joined, 'trustee-joined');
  });

  it('projector: live counts and the certified result', async () => {
    const counts = await (await phone(browser)).newPage();
    await counts.goto(`${server.origin}/projector/${live.id}`);
    await counts.locator('#counts').waitFor();
    await audit(counts, 'projector-counts');
    const result = await (await phone(browser)).newPage();
    await result.goto(`${server.origin}/projector/${done.id}`);
    await result.locator('#result').waitFor();
    await audit(result, 'projector-result');
  });

  it('minutes and verifier of the certified meeting', async () => {
    const minutes = await (await phone(browser)).newPage();
    await minutes.goto(`${server.origin}/minutes/${done.id}`);
    await minutes.locator('#minutes').waitFor();
    await audit(minutes, 'minutes');

    const verify = await (await phone(browser)).newPage();
    await verify.goto(`${server.origin}/verify?meeting=${done.id}&code=AAAA-BBBB-CCCC-DDDD`);
    await verify.locator('#verdict').waitFor({ timeout: 60_000 });
    await verify.locator('#code-form button[type="submit"]').click();
    await verify.locator('[data-answer="missing"]').waitFor();
    await audit(verify, 'verify');
  });

  it('committee: the meetings and the combined table', async () => {
    const page = await (await loggedIn(org.committees.x.cookie)).newPage();
    await page.goto(`${server.origin}/committee`);
    await page.locator('#meetings').waitFor();
    await page.locator('#year').fill('2026');
    await page.locator('#table-form button[type=submit]').click();
    await page.locator('#table').waitFor();
    await audit(page, 'committee');
  });

  it('admin: the organisation tree and an invitation', async () => {
    const page = await (await loggedIn(org.admin.cookie)).newPage();
    await page.goto(`${server.origin}/admin`);
    await page.locator('#tree').getByText('Chi bộ Giải tích').waitFor();
    await audit(page, 'admin');
  });
});
