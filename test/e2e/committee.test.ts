// The committee page at phone size, end to end: a đảng ủy over three chi bộ, two with certified
// classifications (through the API) and one whose meeting is still open. The committee member logs in,
// sees the open chi bộ named as missing, is refused a decision beyond the cap until it gives its căn cứ,
// approves the rest within the cap at once, downloads XLSX and PDF covering every proposed member with who
// and when, and checks a chi bộ's record file in the offline verifier against its minutes' fingerprint. The admin
// page adds a chi bộ and makes an invitation link, which a new organiser opens and accepts. An invited
// organiser logs in on the organiser console by account name and works in its own chi bộ.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assessmentYearAt } from '../../src/shared/rules/index.ts';
import { readXlsxRows } from '../../src/shared/xlsx/read.ts';
import { type MeetingDriver, PASSWORD } from '../app/helpers.ts';
import { accept, buildOrg, certified, invite, meetingOf, type Org } from '../app/org-helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, fetchFresh, startE2eServer } from './server.ts';
import { textProblems } from './text-audit.ts';

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
    expect(
      (
        await org.admin.post('/api/organisations', {
          id: 'd',
          name: 'Chi bộ Hình học',
          kind: 'chi-bo',
          parentId: 'x',
        })
      ).status,
    ).toBe(201);
    await meetingOf(
      server.t,
      await accept(server.t, await invite(org.admin, 'organiser', 'd'), 'to-chuc-d'),
      2,
    );
    browser = await launchBrowser();
    page = await (await phone(browser)).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('names the missing chi bộ, holds decisions to the cap, approves all, exports who and when', async () => {
    await page.goto(`${server.origin}/committee`);
    await page.locator('#account').fill('uy-vien-x');
    await page.locator('#password').fill('mật khẩu đủ dài');
    await page.locator('#login-form button[type=submit]').click();
    await page.locator('#meetings li').nth(2).waitFor();
    expect(await page.locator('#meetings li').count()).toBe(3);
    expect(await page.locator('#meetings').textContent()).toContain('đã xác nhận');
    expect(await page.locator('#year').inputValue()).toBe(String(assessmentYearAt(Date.now())));

    await page.locator('#year').fill('2026');
    await page.locator('#table-form button[type=submit]').click();
    const member = page.locator('details[data-member="a-m2"]');
    await member.waitFor();
    expect(await page.locator('#incomplete').textContent()).toContain('Chi bộ Hình học');
    expect(await page.locator('#branches [data-branch="d"]').getAttribute('data-status')).toBe('open');
    expect(await page.locator('#table h3').nth(1).textContent()).toContain('tối đa 0 HTXSNV');
    expect(await page.locator('#table .group').first().textContent()).toContain('thiếu Chi bộ Hình học');
    expect(await member.locator('summary').textContent()).toContain('vượt giới hạn');
    expect(await member.locator('summary').textContent()).toContain('Hoàn thành xuất sắc nhiệm vụ');

    await member.locator('summary').click();
    expect(await member.locator('select').inputValue()).toBe('httnv');
    await member.locator('select').selectOption('htxsnv');
    await member.locator('button[type=submit]').click();
    await page.getByText('tối đa 0 HTXSNV và đã có 0', { exact: false }).waitFor();
    await member.locator('input[id^="basis-"]').fill('Nghị quyết ban thường vụ số 12');
    await member.locator('button[type=submit]').click();
    await page.getByText('Đã ghi quyết định', { exact: false }).waitFor();
    const decided = page.locator('details[data-member="a-m2"] .notice.ok');
    await decided.waitFor();
    expect(await decided.textContent()).toContain('Nghị quyết ban thường vụ số 12');
    expect(await decided.textContent()).toContain('uy-vien-x');

    await page.locator('#approve-all button[type=submit]').click();
    await page.getByText('Đã ghi 3 quyết định; còn 2 đảng viên', { exact: false }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'committee-table');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe('quyet-dinh-2026.xlsx');
    const rows = readXlsxRows(new Uint8Array(readFileSync((await xlsx.path())!)));
    const header = rows[1]!;
    const members = rows.slice(2);
    expect(members).toHaveLength(6);
    expect(members.filter((r) => r[header.indexOf('Người ghi')] === 'uy-vien-x')).toHaveLength(4);
    expect(members.filter((r) => r[header.indexOf('Quyết định')] === 'Chưa quyết định')).toHaveLength(2);
    const overridden = members.find((r) => r[header.indexOf('Căn cứ vượt giới hạn, đề xuất')] !== '')!;
    expect(overridden[header.indexOf('Họ và tên')]).toBe('Đảng viên 2');
    // A typed date (the reader gives a date-styled cell as yyyy-mm-dd hh:mm): when it was recorded, Việt Nam time.
    const recordedAt = overridden[header.indexOf('Thời điểm')]!;
    expect(recordedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const recordedMs = Date.parse(`${recordedAt.replace(' ', 'T')}:00Z`) - 7 * 3_600_000;
    expect(Math.abs(recordedMs - Date.now())).toBeLessThan(3_600_000);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('#export-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe('quyet-dinh-2026.pdf');
    // In the order drawn (a table cell's wrapped lines follow each other), spaces and line breaks as one.
    const text = execFileSync('pdftotext', ['-raw', (await pdf.path())!, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const part of [
      'QUYẾT ĐỊNH',
      'Chi bộ Hình học',
      'Nghị quyết ban thường vụ số 12',
      'uy-vien-x',
      'BÍ THƯ',
    ])
      expect(text).toContain(part);
  });

  it("checks a chi bộ's record file in the offline verifier against the fingerprint its minutes print", async () => {
    const [record] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`#meetings a[data-record="${a.id}"]`).click(),
    ]);
    const verifier = await (await phone(browser)).newPage();
    await verifier.goto(`${server.origin}/verify`);
    await verifier.locator('#record-file').setInputFiles((await record.path())!);
    await verifier.locator('#verdict[data-ok="true"]').waitFor({ timeout: 120_000 });
    const fingerprint = (await verifier.locator('#result-fingerprint').textContent())!;
    const minutes = await fetchFresh(`${server.origin}/api/meetings/${a.id}/minutes.pdf`);
    const file = join(tmpdir(), `phieukin-minutes-${a.id}.pdf`);
    writeFileSync(file, Buffer.from(await minutes.arrayBuffer()));
    const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(fingerprint.length).toBeGreaterThan(20);
    expect(printed).toContain(`Mãbămkếtquả:${fingerprint}`);
    await screenshot(verifier, 'committee-verify-file');
  });

  it('lets the admin add a chi bộ and invite its organiser, who accepts on the invitation page', async () => {
    const context = await phone(browser);
    const admin = await server.t.organiser();
    const [name, value] = admin.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: server.origin }]);
    const adminPage = await context.newPage();
    await adminPage.goto(`${server.origin}/admin`);
    await adminPage.locator('#tree').getByText('Chi bộ Giải tích').waitFor();
    await adminPage.locator('#org-id').fill('cb-xac-suat');
    await adminPage.locator('#org-name').fill('Chi bộ Xác suất');
    await adminPage.locator('#org-kind').selectOption('chi-bo');
    await adminPage.locator('#org-parent').selectOption('x');
    await adminPage.locator('#organisation-form button[type=submit]').click();
    await adminPage.locator('#tree').getByText('Chi bộ Xác suất').waitFor();
    await adminPage.locator('#invite-role').selectOption('organiser');
    await adminPage.locator('#invite-place').selectOption('cb-xac-suat');
    await adminPage.locator('#invitation-form button[type=submit]').click();
    const url = await adminPage.locator('#invitation-link').inputValue();
    expect(url).toMatch(/\/invite#/);
    expect(await adminPage.locator('label[for="invitation-link"]').textContent()).toBe(
      'Liên kết mời người tổ chức của Chi bộ Xác suất',
    );
    await adminPage.locator('#copy-link').waitFor();
    await adminPage.locator('#invitations li', { hasText: 'Chi bộ Xác suất' }).waitFor();
    expect(await fitsWidth(adminPage)).toBe(true);
    await screenshot(adminPage, 'admin');

    const invitee = await (await phone(browser)).newPage();
    await invitee.goto(url);
    expect(await invitee.locator('#invited').textContent()).toContain('người tổ chức của Chi bộ Xác suất');
    await invitee.locator('#account').fill('to-chuc-xac-suat');
    await invitee.locator('#p1').fill('mật khẩu đủ dài');
    await invitee.locator('#p2').fill('mật khẩu đủ dài');
    await invitee.locator('button[type=submit]').click();
    await invitee
      .getByText('Đã tạo tài khoản to-chuc-xac-suat: người tổ chức của Chi bộ Xác suất', { exact: false })
      .waitFor();
    expect(await invitee.locator('#continue').getAttribute('href')).toBe('/');
    await invitee.goto(`${server.origin}/committee`);
    await invitee.locator('#own-page').waitFor();
    expect(await invitee.locator('#own-page').getAttribute('href')).toBe('/');
    expect((await server.t.store.accounts()).find((a) => a.name === 'to-chuc-xac-suat')).toMatchObject({
      role: 'organiser',
      organisationId: 'cb-xac-suat',
    });

    // The same link again: the page says it is spent, with no form to fill in.
    const again = await (await phone(browser)).newPage();
    await again.goto(url);
    await again.getByText('Liên kết mời này đã được dùng', { exact: false }).waitFor();
    expect(await again.locator('#setup').count()).toBe(0);
    await screenshot(again, 'invite-used');

    // A second link, revoked from the list before it is used.
    await adminPage.reload();
    await adminPage.locator('#invite-role').selectOption('committee');
    await adminPage.locator('#invite-place').selectOption('x');
    await adminPage.locator('#invitation-form button[type=submit]').click();
    const revokedUrl = await adminPage.locator('#invitation-link').inputValue();
    const revoke = adminPage.locator('#invitations li', { hasText: 'Đảng ủy Khoa Toán' }).locator('button');
    await revoke.click();
    await adminPage.getByText('Đã thu hồi lời mời vào Đảng ủy Khoa Toán', { exact: false }).waitFor();
    expect(await adminPage.locator('#invitations li', { hasText: 'Đảng ủy Khoa Toán' }).count()).toBe(0);
    await again.goto(revokedUrl);
    await again.reload();
    await again.getByText('Quản trị đã thu hồi liên kết mời này', { exact: false }).waitFor();
    expect(await again.locator('#setup').count()).toBe(0);

    // Disabling the new account ends its session.
    adminPage.once('dialog', (dialog) => void dialog.accept());
    await adminPage.locator('#accounts li[data-account="to-chuc-xac-suat"] button').click();
    await adminPage.locator('#accounts li[data-account="to-chuc-xac-suat"][data-disabled="true"]').waitFor();
    await invitee.goto(`${server.origin}/`);
    await invitee.locator('#login-form').waitFor();
    await adminPage.setViewportSize({ width: 1280, height: 900 });
    await screenshot(adminPage, 'admin-1280');
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
  it('says nothing internal on the committee, admin and invitation pages, in both languages', async () => {
    const own = [
      ...(await server.t.store.accounts()).map((a) => a.name),
      ...(await server.t.store.organisations()).map((o) => o.name),
      ...[1, 2, 3, 4, 5].map((n) => `Đảng viên ${n}`),
      'Kiểm điểm, xếp loại đảng viên',
      'Nghị quyết ban thường vụ số 12',
      'phiếu kín',
      'Tiếng Việt',
    ].sort((x, y) => y.length - x.length);
    const fresh = await invite(org.admin, 'committee', 'x');
    const used = await invite(org.admin, 'organiser', 'a');
    await accept(server.t, used, 'to-chuc-a-lan-2');
    type Visit = {
      name: string;
      path: string;
      ready: string;
      cookie?: string;
      prepare?: (p: Page) => Promise<void>;
    };
    const visits: Visit[] = [
      {
        name: 'committee',
        path: '/committee',
        ready: '#table-form',
        cookie: org.committees.x.cookie,
        prepare: async (p) => {
          await p.locator('#year').fill('2026');
          await p.locator('#table-form button[type=submit]').click();
          await p.locator('details[data-member]').first().waitFor();
        },
      },
      { name: 'admin', path: '/admin', ready: '#accounts', cookie: org.admin.cookie },
      { name: 'invite', path: `/invite#${fresh}`, ready: '#invited' },
      { name: 'invite-dead', path: `/invite#${used}`, ready: '#status' },
    ];
    for (const lang of ['vi', 'en'] as const)
      for (const visit of visits) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: lang });
        await context.addInitScript((l) => localStorage.setItem('phieukin.lang', l), lang);
        if (visit.cookie) {
          const [name, value] = visit.cookie.split('=');
          await context.addCookies([{ name: name!, value: value!, url: server.origin }]);
        }
        const shown = await context.newPage();
        await shown.goto(`${server.origin}${visit.path}`);
        await shown.locator(visit.ready).first().waitFor();
        await visit.prepare?.(shown);
        await shown.evaluate(() => {
          for (const details of document.querySelectorAll('details')) details.open = true;
        });
        const text = await shown.evaluate(() =>
          [
            document.title,
            document.body.innerText,
            ...[...document.querySelectorAll('option, [placeholder], [aria-label], [title]')].flatMap(
              (el) => [
                el.getAttribute('placeholder') ?? '',
                el.getAttribute('aria-label') ?? '',
                el.getAttribute('title') ?? '',
              ],
            ),
          ].join('\n'),
        );
        expect.soft(textProblems(text, lang, own), `${visit.name} (${lang})`).toEqual([]);
        expect.soft(await fitsWidth(shown), `${visit.name} at 360 px (${lang})`).toBe(true);
        await screenshot(shown, `audit-${visit.name}-${lang}-360`);
        await shown.setViewportSize({ width: 1280, height: 900 });
        await screenshot(shown, `audit-${visit.name}-${lang}-1280`);
        await context.close();
      }
  });
});
