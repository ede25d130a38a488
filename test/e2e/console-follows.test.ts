// The organiser's console starts from the roster and follows the meeting. The cards to print start at the
// official members who vote plus a few spares (the organiser changes the spares, the count follows), and
// the attendance starts at the official members summoned, the exempt one not counted. Then, with the page
// never reloaded, the trustees finish the ceremony, the poll opens, a ballot is cast, the result comes
// in and the trustees sign it one by one, each through the API as the phones would (the organiser closes the
// poll after a confirmation that shows the counts and warns while too few have voted for any level): the console shows each step by itself, and what the
// organiser was typing (and the field they were in) is still there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, MeetingDriver, PASSWORD } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const ROSTER = [
  { id: 'dv1', name: 'Nguyễn Văn An', status: 'official', role: 'secretary', proposedLevel: 'httnv' },
  { id: 'dv2', name: 'Trần Thị Bình', status: 'official', role: 'leader', proposedLevel: 'httnv' },
  { id: 'dv3', name: 'Lê Văn Cường', status: 'official', role: 'member', proposedLevel: 'htnv' },
  { id: 'dv4', name: 'Phạm Thị Dung', status: 'official', role: 'member', proposedLevel: 'httnv' },
  { id: 'dv5', name: 'Hoàng Văn Em', status: 'official', role: 'member', exclusion: 'exempt' },
  { id: 'dv6', name: 'Vũ Thị Giang', status: 'probationary', role: 'member', proposedLevel: 'htnv' },
  { id: 'cb', name: 'Chi bộ 3', status: 'official', role: 'collective', proposedLevel: 'httnv' },
];

e2eDescribe('the console follows the meeting', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let organiser: Client;
  let driver: MeetingDriver;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    organiser = await server.t.organiser();
    expect((await organiser.put('/api/roster', { members: ROSTER })).status).toBe(200);
    const created = await organiser.post('/api/meetings', {
      title: 'Xếp loại đảng viên năm 2026',
      kind: 'classification',
      trustees: { n: 3, k: 2 },
      subjects: ['dv1', 'dv2'],
    });
    expect(created.status).toBe(201);
    driver = new MeetingDriver(server.t, organiser);
    driver.id = created.body.id;
    driver.manifest = created.body.manifest;
    driver.trusteeCode = (await organiser.post(`/api/meetings/${driver.id}/trustee-code`)).body.code;
    page = await (await phone(browser)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const field = (form: string, name: string) => page.locator(`#${form} [name="${name}"]`);
  const text = async (selector: string) => ((await page.locator(selector).textContent()) ?? '').trim();
  const focused = () =>
    page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement | null;
      return `${input?.form?.id ?? ''}/${input?.name ?? ''}`;
    });

  it('starts the cards and the attendance from the roster', async () => {
    expect(JSON.parse(driver.manifest).electorate).toBe(4);
    await page.goto(`${server.origin}/`);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#login-form button').click();
    await page.locator('#login-form').waitFor({ state: 'detached' });
    await page.goto(`${server.origin}/?meeting=${driver.id}`);
    await page.locator('#cards-form').waitFor();
    expect(await text('#cards-basis')).toBe(
      'Đảng viên chính thức được biểu quyết: 4. Thẻ đã tạo còn dùng được: 0.',
    );
    expect(await field('cards-form', 'spares').inputValue()).toBe('2');
    expect(await field('cards-form', 'count').inputValue()).toBe('6');
    await field('cards-form', 'spares').fill('3');
    expect(await field('cards-form', 'count').inputValue()).toBe('7');
    expect(await field('attendance-form', 'summoned').inputValue()).toBe('5');
    expect(await field('attendance-form', 'excluded').inputValue()).toBe('1');
    expect(await field('attendance-form', 'present').inputValue()).toBe('');
    await screenshot(page, 'console-defaults');
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'console-defaults-1280');
    await page.setViewportSize({ width: 360, height: 740 });
  });

  it('shows the ceremony done, the poll open, each ballot and the result without a reload', async () => {
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    await field('attendance-form', 'present').fill('4');
    await field('attendance-form', 'exclusionReason').fill('Miễn sinh');
    expect(await focused()).toBe('attendance-form/exclusionReason');

    await driver.ceremony();
    await page.locator('#meeting-status', { hasText: 'Chưa mở bỏ phiếu' }).waitFor();
    expect(await field('attendance-form', 'present').inputValue()).toBe('4');
    expect(await field('attendance-form', 'exclusionReason').inputValue()).toBe('Miễn sinh');
    expect(await field('cards-form', 'spares').inputValue()).toBe('3');
    expect(await focused()).toBe('attendance-form/exclusionReason');
    await page.keyboard.type(' hoạt');
    expect(await field('attendance-form', 'exclusionReason').inputValue()).toBe('Miễn sinh hoạt');

    await driver.cards(4);
    await driver.expectOk(
      organiser.put(driver.path('/attendance'), { summoned: 5, present: 4, excluded: 1 }),
      200,
    );
    await driver.expectOk(organiser.post(driver.path('/cards/activate'), { from: 1, to: 4 }), 200);
    await page.locator('#cards-basis', { hasText: 'Thẻ đã tạo còn dùng được: 4.' }).waitFor();
    await driver.open();
    await page.locator('#close-poll').waitFor();
    expect(await text('#meeting-status')).toBe('Đang bỏ phiếu');

    await driver.expectOk(driver.vote(1, [1, 0]));
    await page.locator('text=Phiếu đã bỏ: 1.').waitFor();
    await driver.expectOk(driver.vote(2, [1, 1]));
    await page.locator('text=Phiếu đã bỏ: 2.').waitFor();
    await screenshot(page, 'console-following');

    // Before closing: 2 ballots of 4 official members (5 summoned, 1 exempt) cannot give anyone more than
    // half, whatever they say; a third ballot comes in while the confirmation is shown, and the warning goes.
    await page.locator('#close-poll').click();
    await page.locator('#close-confirm').waitFor();
    expect(await focused()).toBe('/');
    expect(await text('#close-cast')).toBe('2');
    expect(await text('#close-present')).toBe('4');
    expect(await text('#close-activated')).toBe('4');
    expect(await text('#close-unused')).toBe('Còn 2 thẻ đã kích hoạt chưa bỏ phiếu.');
    expect(await text('#close-warning')).toBe(
      'Mới có 2 phiếu trên mẫu số 4: dù tất cả cùng chọn một mức, không mức nào đạt ngưỡng cho bất kỳ ai. Nếu kết thúc bây giờ, không ai được đề xuất mức xếp loại.',
    );
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'console-close-confirm');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'console-close-confirm-1280');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.locator('.lang-switch').click();
    expect(await text('#close-warning')).toBe(
      'Only 2 ballots against a base of 4: even if all of them chose the same level, no level would reach its threshold for anyone. Closed now, no one is proposed a level.',
    );
    expect(await text('#close-confirm dl')).toBe('Ballots cast2Present at the roll call4Cards activated4');
    await page.locator('.lang-switch').click();
    await page.locator('#close-cancel').click();
    await page.locator('#close-confirm').waitFor({ state: 'detached' });
    expect(await text('#meeting-status')).toBe('Đang bỏ phiếu');

    await page.locator('#close-poll').click();
    await driver.expectOk(driver.vote(3, [0, 0]));
    await page.locator('#close-cast', { hasText: '3' }).waitFor();
    expect(await page.locator('#close-warning').count()).toBe(0);
    expect(await text('#close-unused')).toBe('Còn 1 thẻ đã kích hoạt chưa bỏ phiếu.');
    await page.locator('#close-confirm-do').click();
    await page.locator('#meeting-status', { hasText: 'Đã kết thúc bỏ phiếu' }).waitFor();
    await driver.expectOk(driver.share(1));
    await driver.expectOk(driver.share(2));
    await page.locator('#result').waitFor();
    expect(await text('#meeting-status')).toBe('Đã kiểm phiếu');
    expect(await text('#result .notice')).toBe(
      'Kết quả đã giải mã, đang chờ ban kiểm phiếu ký xác nhận (0/2 chữ ký).',
    );

    await driver.expectOk(driver.certify(2));
    await page.locator('#result .notice', { hasText: '(1/2 chữ ký)' }).waitFor();
    expect(await page.locator('#result-links').count()).toBe(0);
    await driver.expectOk(driver.certify(1));
    await page.locator('#result-links').waitFor();
    expect(await text('#result .notice.ok')).toBe(
      'Kết quả đã được xác nhận (2 chữ ký). Số phiếu: 3 trên 4 thẻ đã kích hoạt.',
    );
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await screenshot(page, 'console-result-live');
    expect(await fitsWidth(page)).toBe(true);
  });
});
