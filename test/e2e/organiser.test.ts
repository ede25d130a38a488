// The organiser console at phone size, end to end: log in, import a roster from CSV, create a meeting,
// show the board's QR (the ceremony itself runs through the API here), print cards, record attendance,
// activate the cards, open the poll; a voter uses a printed card's code; the projector counts the ballot;
// the organiser closes the poll.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MeetingDriver, PASSWORD } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const ROSTER = `id,name,status,role,proposedLevel
m1,Nguyễn Văn An,chính thức,secretary,httnv
m2,Trần Thị Bình,chính thức,member,htxsnv
m3,Lê Văn Cường,dự bị,member,`;

e2eDescribe('organiser console', { timeout: 120_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    await server.t.organiser();
    page = await (await phone(browser)).newPage();
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const message = async () => (await page.locator('#message').textContent()) ?? '';

  it('runs a meeting from the console', async () => {
    await page.goto(`${server.origin}/`);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#login-form button').click();
    await page.locator('#roster-section details summary').click();
    await page.locator('#roster-paste').fill(ROSTER);
    await page.locator('#roster-paste-preview').click();
    await page.locator('#roster-summary.ok').waitFor();
    await page.locator('#roster-import').click();
    await page.locator('#message').waitFor();
    expect(await message()).toContain('3');
    await screenshot(page, 'organiser-home');
    expect(await fitsWidth(page)).toBe(true);

    await page.locator('#new-meeting-form input[name="title"]').fill('Xếp loại đảng viên năm 2026');
    await page.locator('#new-meeting-form button').click();
    await page.waitForURL(/\?meeting=/);
    const meetingId = new URL(page.url()).searchParams.get('meeting')!;

    await page.locator('#trustee-qr').click();
    const link = (await page.locator('#trustee-link p').textContent())!;
    expect(link).toContain(`/t/${meetingId}#`);
    await screenshot(page, 'organiser-trustee-qr');
    const organiser = await server.t.organiser();
    const driver = new MeetingDriver(server.t, organiser);
    driver.id = meetingId;
    driver.manifest = (await organiser.get(`/api/meetings/${meetingId}`)).body.manifest;
    driver.trusteeCode = link.split('#')[1]!;
    await driver.ceremony();

    await page.reload();
    await page.locator('#cards-form input[name="count"]').fill('3');
    await page.locator('#cards-form button').click();
    await page.locator('#card-sheet').waitFor();
    const tokens = await page.locator('.card-token').allTextContents();
    expect(tokens).toHaveLength(3);
    await screenshot(page, 'organiser-cards');

    await page.locator('#attendance-form input[name="summoned"]').fill('2');
    await page.locator('#attendance-form input[name="present"]').fill('2');
    await page.locator('#attendance-form button').click();
    await page.locator('#message.ok').waitFor();
    await page.locator('#activate-form input[name="from"]').fill('1');
    await page.locator('#activate-form input[name="to"]').fill('2');
    await page.locator('#activate-form button').click();
    await page.locator('#open-poll').click();
    await page.locator('#close-poll').waitFor();

    const voter = await (await phone(browser)).newPage();
    await voter.goto(`${server.origin}/v/${meetingId}`);
    await voter.locator('#token').fill(tokens[0]!);
    await voter.locator('#token-form button[type="submit"]').click();
    await voter.locator('#ballot').waitFor();
    expect(await voter.locator('fieldset.question').count()).toBe(3);
    await voter.locator('#submit').click();
    await voter.locator('#review-blank').waitFor();
    await voter.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await voter.locator('#confirmation-code').waitFor({ timeout: 60_000 });

    const projector = await (await phone(browser)).newPage();
    await projector.goto(`${server.origin}/projector/${meetingId}`);
    await projector.locator('#cast').filter({ hasText: /^1$/ }).waitFor();
    expect(await projector.locator('#activated').textContent()).toBe('2');
    await screenshot(projector, 'projector');

    await page.reload();
    await page.locator('#close-poll').click();
    await page.locator('#close-confirm-do').click();
    await page.locator('#meeting-status').filter({ hasText: 'Đã kết thúc bỏ phiếu' }).waitFor();
    const counts = (await server.t.client().get(`/api/meetings/${meetingId}/counts`)).body;
    expect(counts).toMatchObject({ status: 'closed', activated: 2, cast: 1 });
    await screenshot(page, 'organiser-closed');
  });
});
