// The roster import in the office's own words: a workbook as a chi bộ keeps it (the roster's tab moved in
// front of a notes tab, so its sheet file is the second, and a tab name with ">"), with roles, levels and
// statuses as the office writes them. The preview shows how each value was read, asks where the words
// leave the meaning open or only guessed, imports once the organiser has answered, and the roster holds
// exactly the answers.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { xlsxWorkbook } from '../../src/xlsx/write.ts';
import { type Client, PASSWORD } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const ROWS = [
  ['Danh sách đảng viên Chi bộ 3 năm 2026'],
  ['STT', 'Mã đảng viên', 'Họ và tên', 'Tình trạng', 'Chức vụ', 'Tự xếp loại'],
  [1, 'DV-01', 'Nguyễn Văn An', 'Chính thức', 'Bí thư', 'Tốt'],
  [2, 'DV-02', 'Trần Thị Bình', 'Chính thức', 'Phó Bí thư', 'HTXSNV'],
  [3, 'DV-03', 'Lê Văn Cường', 'Chính thức', 'Chi ủy viên', 'Xuất sắc'],
  [4, 'DV-04', 'Phạm Thị Dung', 'Dự bị', 'Đảng viên', 'Hoàn thành'],
  [5, 'DV-05', 'Hoàng Văn Em', 'Miễn sinh hoạt', 'Đảng viên', ''],
  [6, 'DV-06', 'Vũ Thị Giang', 'Nghỉ ốm dài ngày', 'Đảng viên', 'Không hoàn thành'],
  [7, 'DV-07', 'Đỗ Văn Hải', 'Đình chỉ sinh hoạt', 'Đảng viên', ''],
  [8, 'DV-08', 'Ngô Thị Hoa', 'Mới kết nạp', '', ''],
  [9, 'DV-09', 'Bùi Văn Khánh', 'chinh thuc', 'DANG VIEN', 'h.t.t.n.v'],
];

/** The roster on the workbook's first tab, which Excel keeps in sheet2.xml after the tab was moved. */
function officeWorkbook(): Uint8Array {
  const files = unzipSync(
    xlsxWorkbook([
      { name: 'Ghi chú', rows: [['Ghi chú của văn phòng: không phải danh sách']] },
      { name: 'Danh sách', rows: ROWS },
    ]),
  );
  const workbook = strFromU8(files['xl/workbook.xml']!).replace(
    /<sheets>.*<\/sheets>/,
    '<sheets><sheet name="Chi bộ 3 > 2026" sheetId="2" r:id="rId2"/><sheet name="Ghi chú" sheetId="1" r:id="rId1"/></sheets>',
  );
  return zipSync({ ...files, 'xl/workbook.xml': strToU8(workbook) });
}

e2eDescribe('roster import in the office words', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let organiser: Client;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    organiser = await server.t.organiser();
    page = await (await phone(browser)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const text = async (selector: string) => ((await page.locator(selector).textContent()) ?? '').trim();
  const cell = (row: number, column: string) => text(`[data-row="${row}"] [data-column="${column}"]`);
  const answer = (row: number, value: string) =>
    page.locator(`[data-row-errors="${row}"] [data-answer="${value}"]`).click();

  it('shows how each value was read, asks where unsure, and imports the answers', async () => {
    await page.goto(`${server.origin}/`);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#login-form button').click();
    await page.locator('#roster-empty').waitFor();
    await page.locator('#roster-file').setInputFiles({
      name: 'danh-sach-chi-bo-3.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(officeWorkbook()),
    });
    await page.locator('#roster-rows').waitFor();
    expect(await page.locator('#roster-rows tbody tr[data-row]').count()).toBe(9);
    expect(await text('#roster-summary')).toBe('9 dòng, 0 lỗi, 4 chỗ cần xác nhận.');
    expect(await page.locator('#roster-import').isDisabled()).toBe(true);

    expect(await cell(0, 'role')).toBe('Bí thư → bí thư chi bộ');
    expect(await cell(0, 'proposedLevel')).toBe('Tốt → HTTNV');
    expect(await cell(1, 'role')).toBe('Phó Bí thư → cán bộ lãnh đạo, quản lý');
    expect(await cell(2, 'role')).toBe('Chi ủy viên → cán bộ lãnh đạo, quản lý');
    expect(await cell(2, 'proposedLevel')).toBe('Xuất sắc → HTXSNV');
    expect(await cell(3, 'status')).toBe('dự bị');
    expect(await cell(3, 'proposedLevel')).toBe('Hoàn thành → HTNV');
    expect(await cell(4, 'status')).toBe('miễn sinh hoạt');
    expect(await cell(4, 'exclusion')).toBe('miễn sinh hoạt (theo cột Tình trạng)');
    expect(await cell(5, 'status')).toContain('vẫn được xếp loại');
    expect(await cell(5, 'proposedLevel')).toBe('Không hoàn thành → KHTNV');
    expect(await cell(8, 'status')).toBe('chính thức');
    expect(await cell(8, 'role')).toBe('đảng viên');
    expect(await cell(8, 'proposedLevel')).toBe('h.t.t.n.v → HTTNV');

    expect(await text('[data-row-errors="4"]')).toContain(
      '"Miễn sinh hoạt" không cho biết đảng viên chính thức hay dự bị',
    );
    expect(await text('[data-row-errors="7"]')).toContain(
      '"Mới kết nạp" ở cột Tình trạng được hiểu là: dự bị, mới kết nạp dưới 6 tháng. Có đúng không?',
    );
    for (const row of [0, 1, 2, 3, 8])
      expect(await page.locator(`[data-row-errors="${row}"]`).isHidden()).toBe(true);
    await screenshot(page, 'roster-words-questions');
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'roster-words-questions-1280');
    await page.setViewportSize({ width: 360, height: 740 });

    await answer(4, 'official');
    expect(await text('#roster-summary')).toBe('9 dòng, 0 lỗi, 3 chỗ cần xác nhận.');
    expect(await cell(4, 'status')).toBe('chính thức');
    expect(await cell(4, 'exclusion')).toBe('miễn sinh hoạt');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-edit-row'))).toBe('4');
    await answer(5, 'official');
    await answer(6, 'probationary');
    await answer(7, 'confirm');
    expect(await text('#roster-summary')).toBe('9 dòng, 0 lỗi.');
    await page.locator('#roster-import').click();
    await page.locator('#message.ok').waitFor();
    expect(await text('#message')).toContain('Đã nhập 9 đảng viên');

    const saved = (await organiser.get('/api/roster')).body.members as Array<Record<string, unknown>>;
    expect(
      saved.map(({ id, status, role, proposedLevel, exclusion }) => [
        id,
        status,
        role,
        proposedLevel,
        exclusion,
      ]),
    ).toEqual([
      ['DV-01', 'official', 'secretary', 'httnv', null],
      ['DV-02', 'official', 'leader', 'htxsnv', null],
      ['DV-03', 'official', 'leader', 'htxsnv', null],
      ['DV-04', 'probationary', 'member', 'htnv', null],
      ['DV-05', 'official', 'member', null, 'exempt'],
      ['DV-06', 'official', 'member', 'khtnv', null],
      ['DV-07', 'probationary', 'member', null, 'suspended'],
      ['DV-08', 'probationary', 'member', null, 'new'],
      ['DV-09', 'official', 'member', 'httnv', null],
    ]);
    await screenshot(page, 'roster-words-imported');
  });
});
