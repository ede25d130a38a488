// The committee page at phone size, end to end: two chi bộ of one đảng ủy hold classification meetings to
// certified results (through the API); the committee member logs in, sees both, opens the combined table,
// records a decision that differs from a proposal, and downloads the decisions as XLSX and PDF. The admin
// page adds a chi bộ and makes an invitation link, which a new organiser opens and accepts. An invited
// organiser logs in on the organiser console by account name and works in its own chi bộ.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MeetingDriver, PASSWORD } from '../app/helpers.ts';
import { buildOrg, certified, meetingOf, type Org } from '../app/org-helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

e2eDescribe('committee page', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let org: Org;
  let a: MeetingDriver;

  beforeAll(async () => {
    server = await startE2eServer();
    org = await buildOrg(server.t);
    a = await meetingOf(server.t, org.organisers.a, 3);
    await certified(a, 4, (card) => (card === 4 ? [0, 1, 1] : [0, 0, 1]));
    const b = await meetingOf(server.t, org.organisers.b, 3);
    await certified(b, 4, () => [1, 1, 0]);
    browser = await launchBrowser();
    page = await (await phone(browser)).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the combined table, records a decision that differs from a proposal, and exports it', async () => {
    await page.goto(`${server.origin}/committee`);
    await page.locator('#account').fill('uy-vien-x');
    await page.locator('#password').fill('mật khẩu đủ dài');
    await page.locator('#login-form button[type=submit]').click();
    await page.locator('#meetings li').nth(1).waitFor();
    expect(await page.locator('#meetings li').count()).toBe(2);
    expect(await page.locator('#meetings').textContent()).toContain('đã xác nhận');

    await page.locator('#year').fill('2026');
    await page.locator('#table-form button[type=submit]').click();
    const member = page.locator('fieldset[data-member="a-m2"]');
    await member.waitFor();
    expect(await page.locator('#table h3').first().textContent()).toContain('tối đa 0 HTXSNV');
    expect(await member.textContent()).toContain('vượt giới hạn');

    await member.locator('select').selectOption('httnv');
    await member.locator('input').fill('Vượt giới hạn 20% của đảng ủy');
    await member.locator('button[type=submit]').click();
    await page.getByText('Đã ghi quyết định', { exact: false }).waitFor();
    await page.locator('fieldset[data-member="a-m2"] .notice.ok').waitFor();
    expect(await page.locator('fieldset[data-member="a-m2"] .notice.ok').textContent()).toContain('HTTNV');
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'committee-table');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe('quyet-dinh-2026.xlsx');
    const files = unzipSync(new Uint8Array(readFileSync((await xlsx.path())!)));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('Hoàn thành tốt nhiệm vụ');
    expect(sheet).toContain('Vượt giới hạn 20% của đảng ủy');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('#export-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe('quyet-dinh-2026.pdf');
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('lets the admin add a chi bộ and invite its organiser, who accepts on the invitation page', async () => {
    const context = await phone(browser);
    const admin = await server.t.organiser();
    const [name, value] = admin.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: server.origin }]);
    const adminPage = await context.newPage();
    await adminPage.goto(`${server.origin}/admin`);
    await adminPage.locator('#tree').getByText('Chi bộ Giải tích').waitFor();
    await adminPage.locator('#org-id').fill('cb-hinh-hoc');
    await adminPage.locator('#org-name').fill('Chi bộ Hình học');
    await adminPage.locator('#org-kind').selectOption('chi-bo');
    await adminPage.locator('#org-parent').selectOption('x');
    await adminPage.locator('#organisation-form button[type=submit]').click();
    await adminPage.locator('#tree').getByText('Chi bộ Hình học').waitFor();
    await adminPage.locator('#invite-role').selectOption('organiser');
    await adminPage.locator('#invite-place').selectOption('cb-hinh-hoc');
    await adminPage.locator('#invitation-form button[type=submit]').click();
    const url = (await adminPage.locator('#invitation-link').textContent())!;
    expect(url).toMatch(/\/invite#/);
    expect(await fitsWidth(adminPage)).toBe(true);
    await screenshot(adminPage, 'admin');

    const invitee = await (await phone(browser)).newPage();
    await invitee.goto(url);
    await invitee.locator('#account').fill('to-chuc-hinh-hoc');
    await invitee.locator('#p1').fill('mật khẩu đủ dài');
    await invitee.locator('#p2').fill('mật khẩu đủ dài');
    await invitee.locator('button[type=submit]').click();
    await invitee.getByText('Đã tạo tài khoản to-chuc-hinh-hoc', { exact: false }).waitFor();
    expect(await invitee.locator('#continue').getAttribute('href')).toBe('/');
    await invitee.goto(`${server.origin}/committee`);
    await invitee.locator('#own-page').waitFor();
    expect(await invitee.locator('#own-page').getAttribute('href')).toBe('/');
    expect((await server.t.store.accounts()).find((a) => a.name === 'to-chuc-hinh-hoc')).toMatchObject({
      role: 'organiser',
      organisationId: 'cb-hinh-hoc',
    });
  });

  it('lets an invited organiser log in on the console by account name, in its own chi bộ', async () => {
    const admin = await server.t.organiser();
    const elsewhere = await admin.post('/api/meetings', {
      title: 'Họp ở chi bộ mặc định',
      kind: 'motion',
      trustees: { n: 1, k: 1 },
      motions: [{ prompt: 'Thông qua nghị quyết tháng 12' }],
    });
    expect(elsewhere.status).toBe(201);
    const context = await phone(browser);
    const organiserPage = await context.newPage();
    await organiserPage.goto(`${server.origin}/`);
    await organiserPage.locator('#account').fill('to-chuc-a');
    await organiserPage.locator('#password').fill(PASSWORD);
    await organiserPage.locator('#login-form button[type=submit]').click();
    await organiserPage.locator('#meetings li').first().waitFor();
    const links = await organiserPage
      .locator('#meetings a')
      .evaluateAll((found) => found.map((l) => l.getAttribute('href')));
    expect(links).toEqual([`/?meeting=${a.id}`]);
    expect(await fitsWidth(organiserPage)).toBe(true);

    await context.clearCookies();
    await organiserPage.reload();
    await organiserPage.locator('#login-form').waitFor();
    expect(await organiserPage.locator('#account').inputValue()).toBe('to-chuc-a');
    await screenshot(organiserPage, 'organiser-login');
  });
});
