// What the biên bản names, entered on the console: the organiser fills the attendance form with absence
// with leave, the upper organisation, the place, the venue, chủ tọa and thư ký and the ban kiểm phiếu by
// seat (one trưởng ban); a mistake is shown under its own field with everything typed still there; once
// saved the form shows it again, and after the count the minutes page and the PDF name them all.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MeetingDriver, PASSWORD } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, PHONE, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const TYPED = {
  summoned: '5',
  present: '4',
  excluded: '1',
  exclusionReason: '01 đồng chí sinh hoạt tạm thời nơi khác',
  upper: 'Đảng bộ phường Bến Nghé',
  place: 'Phường Bến Nghé',
  venue: 'Hội trường khu phố 3',
  chair: 'Nguyễn Văn An',
  secretary: 'Trần Thị Dung',
  'board-name-1': 'Lê Minh Khoa',
  'board-name-2': 'Phạm Ngọc Lan',
  'board-name-3': 'Võ Thị Hạnh',
};

e2eDescribe('attendance and the names of the minutes on the console', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let m: MeetingDriver;

  beforeAll(async () => {
    server = await startE2eServer();
    m = await MeetingDriver.create(server.t);
    await m.ceremony();
    await m.cards(4);
    browser = await launchBrowser();
    page = await (await phone(browser)).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const form = () => page.locator('#attendance-form');
  const input = (name: string) => form().locator(`[name="${name}"]`);
  const error = () => form().locator('.field-error');
  const typed = () =>
    form()
      .locator('input[name], select[name]')
      .evaluateAll((inputs) =>
        Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
      );

  it('shows a mistake under its field and keeps what was typed', async () => {
    await page.goto(`${server.origin}/?meeting=${m.id}`);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#login-form button').click();
    await form().waitFor();
    expect(await form().locator('.board-row').count()).toBe(3);
    for (const [name, value] of Object.entries(TYPED)) await input(name).fill(value);
    await input('absentWithLeave').fill('2');
    await input('board-position-2').selectOption('head');
    await input('board-position-3').selectOption('head');
    await form().locator('button[type="submit"]').click();

    await error().waitFor();
    expect(await error().textContent()).toBe('Số vắng có lý do (2) không thể lớn hơn số vắng mặt (1).');
    expect(await input('absentWithLeave').getAttribute('aria-invalid')).toBe('true');
    expect(await typed()).toMatchObject({ ...TYPED, absentWithLeave: '2', 'board-position-3': 'head' });

    await input('absentWithLeave').fill('1');
    await form().locator('button[type="submit"]').click();
    await form().locator('.field-error').filter({ hasText: 'trưởng ban' }).waitFor();
    expect(await error().textContent()).toBe('Ban chỉ có một trưởng ban: đã chọn thành viên số 2.');
    expect(await input('board-position-3').getAttribute('aria-invalid')).toBe('true');
    expect(await typed()).toMatchObject({ ...TYPED, absentWithLeave: '1', 'board-position-3': 'head' });
    await screenshot(page, 'attendance-details-error');

    await page.locator('.lang-switch').click();
    await form().locator('button[type="submit"]').click();
    await form().locator('.field-error').filter({ hasText: 'head' }).waitFor();
    expect(await error().textContent()).toBe('The board has one head only: member no. 2 is chosen already.');
    expect(await form().locator('legend').allTextContents()).toEqual([
      'For the minutes',
      'Vote-counting board',
    ]);
    await page.locator('.lang-switch').click();
    await form().locator('legend').first().filter({ hasText: 'Ghi vào biên bản' }).waitFor();
    expect(await typed()).toMatchObject({ ...TYPED, absentWithLeave: '1', 'board-position-3': 'head' });
  });

  it('saves it with the attendance and shows it again', async () => {
    await input('board-position-3').selectOption('member');
    await form().locator('button[type="submit"]').click();
    await page.locator('#message.ok').waitFor();
    expect(await error().count()).toBe(0);
    const saved = (await m.organiser.get(m.path(''))).body.attendance;
    expect(saved).toEqual({
      summoned: 5,
      present: 4,
      excluded: 1,
      details: {
        upper: TYPED.upper,
        place: TYPED.place,
        venue: TYPED.venue,
        chair: TYPED.chair,
        secretary: TYPED.secretary,
        exclusionReason: TYPED.exclusionReason,
        absentWithLeave: 1,
        board: [
          { seat: 1, name: 'Lê Minh Khoa', position: 'member' },
          { seat: 2, name: 'Phạm Ngọc Lan', position: 'head' },
          { seat: 3, name: 'Võ Thị Hạnh', position: 'member' },
        ],
      },
    });
    await page.reload();
    await form().waitFor();
    expect(await typed()).toMatchObject({ ...TYPED, absentWithLeave: '1', 'board-position-2': 'head' });
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'attendance-details-phone');
    const list = await page.request.get(
      `${server.origin}${await page.locator('#card-list').getAttribute('href')}`,
    );
    expect(list.headers()['content-type']).toBe('application/pdf');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'attendance-details-wide');
    await page.setViewportSize(PHONE);
  });

  it('names them in the minutes page and the PDF after the count', async () => {
    await m.expectOk(m.organiser.post(m.path('/cards/activate'), { from: 1, to: 4 }), 200);
    await m.open();
    await m.expectOk(m.vote(1, [0, 1]));
    await m.expectOk(m.vote(2, [1, 1]));
    await m.certifiedResult();

    await page.goto(`${server.origin}/minutes/${m.id}`);
    await page.locator('#minutes').waitFor();
    expect(await page.locator('.minutes-head').textContent()).toContain('ĐẢNG BỘ PHƯỜNG BẾN NGHÉ');
    expect(await page.locator('#date-line').textContent()).toMatch(/^Phường Bến Nghé, ngày /);
    const board = await page
      .locator('#board tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(board.map((r) => r.slice(0, 3))).toEqual([
      ['Phạm Ngọc Lan', 'Trưởng ban', '2'],
      ['Lê Minh Khoa', 'Thành viên', '1'],
      ['Võ Thị Hạnh', 'Thành viên', '3'],
    ]);
    expect(await page.locator('#officers').textContent()).toBe(
      'Chủ tọa: Nguyễn Văn An. Thư ký: Trần Thị Dung.',
    );
    expect(await page.locator('#minutes').textContent()).toContain('Hội trường khu phố 3');
    expect(await page.locator('#minutes').textContent()).toContain(TYPED.exclusionReason);

    const pdf = await page.request.get(`${server.origin}/api/meetings/${m.id}/minutes.pdf`);
    expect(pdf.status()).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'bien-ban-')), 'bien-ban.pdf');
    writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const name of [
      'ĐẢNG BỘ PHƯỜNG BẾN NGHÉ',
      'Phường Bến Nghé, ngày',
      'Hội trường khu phố 3',
      'Nguyễn Văn An',
      'Trần Thị Dung',
      'Lê Minh Khoa',
      'Võ Thị Hạnh',
      TYPED.exclusionReason,
    ])
      expect(text).toContain(name);
    const signature = text.slice(text.lastIndexOf('T/M BAN KIỂM PHIẾU'));
    expect(signature).toMatch(
      /^T\/M BAN KIỂM PHIẾU TRƯỞNG BAN .*Phạm Ngọc Lan.*CÁC THÀNH VIÊN BAN KIỂM PHIẾU.*Lê Minh Khoa.*Võ Thị Hạnh/,
    );
  });
});
