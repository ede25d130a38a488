// The organiser console's setup at phone size: an XLSX roster with deliberate errors goes to a preview that
// shows each error on its row; the organiser fixes rows in the preview, removes one, imports, then edits the
// saved roster; creates a classification meeting with one setting changed (its basis required, then given)
// and one member left out; the manifest carries those choices. A confidence vote created from the console
// (its default subjects, the leaders) becomes the linked result of a later classification. After the
// meeting runs (through the API), the meeting page shows the certified result with each subject's trace
// and the minutes downloads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assessmentYearAt } from '../../src/shared/rules/index.ts';
import { xlsxWorkbook } from '../../src/xlsx/write.ts';
import { type Client, MeetingDriver, PASSWORD } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

const BASIS = 'Nghị quyết chi bộ số 12-NQ/CB ngày 05/12/2026';

/** A roster as a chi bộ keeps it in Excel: a title line, Vietnamese headers, six deliberate errors. */
function rosterWorkbook(): Uint8Array {
  return xlsxWorkbook([
    {
      name: 'Danh sách',
      rows: [
        ['Danh sách đảng viên Chi bộ 3 năm 2026'],
        ['STT', 'Mã', 'Họ và tên', 'Tình trạng', 'Vai trò', 'Mức đề xuất', 'Không xếp loại'],
        [1, 'DV-01', 'Nguyễn Văn An', 'chính thức', 'bí thư', 'HTTNV', ''],
        [2, 'DV-02', 'Trần Thị Bình', 'tạm', '', 'HTXSNV', ''],
        [3, 'DV-01', 'Lê Văn Cường', 'dự bị', '', '', ''],
        [4, 'DV-04', 'Phạm Thị Dung', 'chính thức', '', 'Khá', ''],
        [5, 'DV-05', '', 'chính thức', '', 'HTNV', ''],
        [6, 'DV-06', 'Hoàng Văn Em', 'chính thức', 'trưởng ban', 'HTTNV', ''],
        [7, 1007, 'Vũ Thị Giang', 'Chính thức', 'đảng viên', 'Hoàn thành tốt nhiệm vụ', ''],
        [8, 'DV-08', 'Đỗ Văn Hải', 'chính thức', '', 'HTNV', 'miễn sinh hoạt'],
      ],
    },
  ]);
}

e2eDescribe('organiser console setup', { timeout: 180_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let organiser: Client;
  let meetingId = '';
  const dir = mkdtempSync(join(tmpdir(), 'phieukin-roster-'));

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

  const text = async (selector: string) => (await page.locator(selector).textContent()) ?? '';
  const rowErrors = (row: number) => text(`[data-row-errors="${row}"]`);
  const editRow = async (row: number) => {
    await page.locator(`[data-edit-row="${row}"]`).click();
    await page.locator('#roster-row-editor').waitFor();
  };

  it('imports an XLSX roster after fixing its row errors in the preview, then edits the roster', async () => {
    await page.goto(`${server.origin}/`);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#login-form button').click();
    await page.locator('#roster-empty').waitFor();

    const notXlsx = join(dir, 'hong.xlsx');
    writeFileSync(notXlsx, 'Mã,Họ và tên\n');
    await page.locator('#roster-file').setInputFiles(notXlsx);
    await page.locator('#message.error').waitFor();
    expect(await text('#message')).toContain('không phải tệp Excel');
    const noStatus = join(dir, 'thieu-cot.csv');
    writeFileSync(noStatus, 'Mã;Họ và tên\nDV-01;Nguyễn Văn An\n');
    await page.locator('#roster-file').setInputFiles(noStatus);
    await page.locator('#message.error').filter({ hasText: 'thieu-cot.csv' }).waitFor();
    expect(await text('#message')).toBe('thieu-cot.csv: không tìm thấy dòng tiêu đề có các cột Tình trạng.');

    const file = join(dir, 'danh-sach.xlsx');
    writeFileSync(file, rosterWorkbook());
    await page.locator('#roster-file').setInputFiles(file);
    await page.locator('#roster-rows').waitFor();
    expect(await page.locator('#roster-rows tbody tr[data-row]').count()).toBe(8);
    expect(await text('#roster-summary')).toBe('8 dòng, 5 lỗi.');
    expect(await page.locator('#roster-import').isDisabled()).toBe(true);
    expect(await rowErrors(0)).toBe('');
    expect(await rowErrors(1)).toContain('Tình trạng "tạm" không hợp lệ');
    expect(await rowErrors(2)).toContain('Mã "DV-01" đã dùng cho Nguyễn Văn An (dòng 3)');
    expect(await rowErrors(3)).toContain('Mức đề xuất "Khá" không hợp lệ');
    expect(await rowErrors(4)).toContain('Thiếu họ và tên');
    expect(await rowErrors(5)).toContain('Vai trò "trưởng ban" không hợp lệ');
    expect(await page.locator('[data-row="1"] td.cell-error').getAttribute('data-column')).toBe('status');
    expect(await text('[data-row="6"] [data-column="id"]')).toBe('1007');
    await screenshot(page, 'organiser-roster-errors');
    expect(await fitsWidth(page)).toBe(true);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await screenshot(page, 'organiser-roster-errors-200');
    expect(await fitsWidth(page)).toBe(true);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '';
    });

    await editRow(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('roster-edit-id');
    await page.locator('#roster-edit-status').selectOption('official');
    expect(await rowErrors(1)).toBe('');
    expect(await text('#roster-summary')).toBe('8 dòng, 4 lỗi.');
    await screenshot(page, 'organiser-roster-edit-row');
    expect(await fitsWidth(page)).toBe(true);
    await page.locator('#roster-row-done').click();

    await editRow(2);
    await page.locator('#roster-edit-id').fill('DV-03');
    expect(await rowErrors(2)).toBe('');
    await page.locator('#roster-row-done').click();

    const broken = join(dir, 'hong-2.xlsx');
    writeFileSync(broken, 'not a workbook');
    await page.locator('#roster-file').setInputFiles(broken);
    await page.locator('#message.error').waitFor();
    expect(await text('#roster-summary')).toBe('8 dòng, 3 lỗi.');

    await editRow(3);
    await page.locator('#roster-edit-proposedLevel').selectOption('htxsnv');
    await page.locator('#roster-row-done').click();
    await editRow(4);
    await page.locator('#roster-row-remove').click();
    await editRow(4);
    expect(await page.locator('#roster-edit-name').inputValue()).toBe('Hoàng Văn Em');
    await page.locator('#roster-edit-role').selectOption('leader');
    await page.locator('#roster-row-done').click();
    expect(await text('#roster-summary')).toBe('7 dòng, 0 lỗi.');
    await page.locator('#roster-import').click();
    await page.locator('#message.ok').waitFor();
    expect(await text('#message')).toContain('Đã nhập 7 đảng viên');
    expect(await page.locator('#roster-current tbody tr').count()).toBe(7);
    await screenshot(page, 'organiser-roster-imported');
    expect(await fitsWidth(page)).toBe(true);

    const saved = (await organiser.get('/api/roster')).body.members;
    expect(saved.map((m: { id: string }) => m.id)).toEqual([
      'DV-01',
      'DV-02',
      'DV-03',
      'DV-04',
      'DV-06',
      '1007',
      'DV-08',
    ]);
    expect(saved[1]).toMatchObject({ name: 'Trần Thị Bình', status: 'official', proposedLevel: 'htxsnv' });
    expect(saved[2]).toMatchObject({ name: 'Lê Văn Cường', status: 'probationary', role: 'member' });
    expect(saved[4]).toMatchObject({ role: 'leader', proposedLevel: 'httnv' });
    expect(saved[5]).toMatchObject({ name: 'Vũ Thị Giang', proposedLevel: 'httnv' });
    expect(saved[6]).toMatchObject({ exclusion: 'exempt' });

    await page.locator('#roster-edit').click();
    await page.locator('#roster-add-row').click();
    await page.locator('#roster-edit-id').fill('DV-09');
    await page.locator('#roster-edit-name').fill('Ngô Thị Hoa');
    expect(await text('#roster-summary')).toBe('8 dòng, 1 lỗi.');
    await page.locator('#roster-edit-status').selectOption('official');
    await page.locator('#roster-row-done').click();
    await page.locator('#roster-import').click();
    await page.locator('#roster-current').waitFor();
    expect(await text('#message')).toContain('Đã nhập 8 đảng viên');
    const edited = (await organiser.get('/api/roster')).body.members;
    expect(edited).toHaveLength(8);
    expect(edited[7]).toMatchObject({ id: 'DV-09', name: 'Ngô Thị Hoa', status: 'official', role: 'member' });
  });

  it('creates a classification meeting with a changed setting, its basis, and chosen subjects', async () => {
    await page.locator('#new-meeting-form input[name="title"]').fill('Xếp loại đảng viên năm 2026');
    const thisYear = assessmentYearAt(Date.now());
    const year = page.locator('#new-meeting-form input[name="assessmentYear"]');
    expect(Number(await year.inputValue())).toBe(thisYear);
    const ruleSet = page.locator('#new-meeting-form select[name="ruleSet"]');
    await ruleSet.selectOption('QD124-2023');
    expect(await text('#rule-set-year')).toContain(`không dành cho năm đánh giá ${thisYear}`);
    await year.fill('2024');
    await year.press('Tab');
    await page.locator('#rule-set-year').waitFor({ state: 'detached' });
    await ruleSet.selectOption('QD366-2025');
    await page.locator('#rule-set-year').waitFor();
    await year.fill(String(thisYear));
    await year.press('Tab');
    await page.locator('#rule-set-year').waitFor({ state: 'detached' });
    expect(await text('#rule-set-citation')).toContain('QĐ 366-QĐ/TW');
    await page.locator('#settings summary').click();
    const threshold = page.locator('[data-setting="thresholdHtxsnv"]');
    expect(await threshold.textContent()).toContain('Ngưỡng đề xuất mức "hoàn thành xuất sắc nhiệm vụ"');
    expect(await threshold.textContent()).toContain('Mặc định: trên 1/2');
    expect(await threshold.textContent()).toContain('Điều lệ Đảng Điều 9 k5');
    expect(await threshold.textContent()).toContain('thông lệ địa phương');
    await page.locator('#setting-thresholdHtxsnv').selectOption({ label: 'từ 2/3 trở lên' });
    await page.locator('#basis-thresholdHtxsnv').waitFor();

    const subjects = page.locator('#subjects input[name="subject"]');
    expect(await subjects.count()).toBe(8);
    expect(await page.locator('#subjects input[value="DV-08"]').isChecked()).toBe(false);
    await page.locator('#subjects input[value="DV-09"]').uncheck();
    await page.locator('#new-meeting-form button[type="submit"]').click();
    await page.locator('#message.error').waitFor();
    expect(await text('#message')).toContain('chưa nêu căn cứ');
    expect(await text('[data-setting="thresholdHtxsnv"]')).toContain('cần nêu căn cứ');
    await screenshot(page, 'organiser-meeting-basis');
    expect(await fitsWidth(page)).toBe(true);

    await page.locator('#basis-thresholdHtxsnv').fill(BASIS);
    await page.locator('#new-meeting-form button[type="submit"]').click();
    await page.waitForURL(/\?meeting=/);
    meetingId = new URL(page.url()).searchParams.get('meeting')!;
    await page.locator(`main a[href="/projector/${meetingId}"]`).waitFor();
    const pages = await page
      .locator('main a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(pages).toEqual(
      expect.arrayContaining([
        `/projector/${meetingId}`,
        `${server.origin}/v/${meetingId}`,
        `/verify?meeting=${meetingId}`,
        `/api/meetings/${meetingId}/record`,
      ]),
    );
    const details = (await organiser.get(`/api/meetings/${meetingId}`)).body;
    const manifest = JSON.parse(details.manifest);
    expect(manifest.ruleSet).toBe('QD366-2025');
    expect(manifest.settings.thresholdHtxsnv).toEqual({ value: '>=2/3', basis: BASIS });
    expect(manifest.settings.thresholdHttnv).toEqual({ value: '>1/2' });
    expect(manifest.questions.map((q: { subjectId: string }) => q.subjectId)).toEqual([
      'DV-01',
      'DV-02',
      'DV-03',
      'DV-04',
      'DV-06',
      '1007',
    ]);
    expect(manifest.trustees).toEqual({ n: 3, k: 2 });
    expect(manifest.assessmentYear).toBe(thisYear);
  });

  it('links a classification to the confidence vote held from the console', async () => {
    await page.goto(`${server.origin}/`);
    await page.locator('#new-meeting-form select[name="kind"]').selectOption('confidence');
    await page.locator('#new-meeting-form input[name="title"]').fill('Lấy phiếu tín nhiệm năm 2026');
    expect(await page.locator('#new-meeting-form select[name="ruleSet"]').inputValue()).toBe('QD96-2023');
    const chosen = await page
      .locator('#subjects input[name="subject"]')
      .evaluateAll((boxes) => (boxes as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.value));
    expect(chosen).toEqual(['DV-01', 'DV-06']);
    await page.locator('#new-meeting-form button[type="submit"]').click();
    await page.waitForURL(/\?meeting=/);
    const confidenceId = new URL(page.url()).searchParams.get('meeting')!;
    const confidence = new MeetingDriver(server.t, organiser);
    confidence.id = confidenceId;
    confidence.manifest = (await organiser.get(`/api/meetings/${confidenceId}`)).body.manifest;
    confidence.trusteeCode = (await organiser.post(`/api/meetings/${confidenceId}/trustee-code`)).body.code;
    await confidence.ready(3);
    await confidence.open();
    for (const card of [1, 2, 3]) await confidence.expectOk(confidence.vote(card, [0, 2]));
    await confidence.close();
    await confidence.expectOk(confidence.share(1));
    await confidence.expectOk(confidence.share(2));

    await page.goto(`${server.origin}/`);
    await page.locator('#new-meeting-form input[name="title"]').fill('Xếp loại có liên kết');
    await page.locator('#linked-confidence').selectOption(confidenceId);
    await page.locator('#new-meeting-form button[type="submit"]').click();
    await page.waitForURL(/\?meeting=/);
    const linkedId = new URL(page.url()).searchParams.get('meeting')!;
    const manifest = JSON.parse((await organiser.get(`/api/meetings/${linkedId}`)).body.manifest);
    expect(manifest.linkedConfidence.ruleSet).toBe('QD96-2023');
    expect(manifest.linkedConfidence.subjects.map((s: { id: string }) => s.id)).toEqual(['DV-01', 'DV-06']);
    expect(await page.locator('.created-warning').count()).toBe(0);
  });

  it('shows the certified result with every trace line and the minutes downloads', async () => {
    const driver = new MeetingDriver(server.t, organiser);
    driver.id = meetingId;
    driver.manifest = (await organiser.get(`/api/meetings/${meetingId}`)).body.manifest;
    driver.trusteeCode = (await organiser.post(`/api/meetings/${meetingId}/trustee-code`)).body.code;
    await driver.ready(3);
    await driver.open();
    for (const card of [1, 2, 3]) await driver.expectOk(driver.vote(card, [1, 0, 2, 1, 1, 1]));
    await driver.close();
    await driver.expectOk(driver.share(1));
    await driver.expectOk(driver.share(2));
    await driver.expectOk(driver.certify(1));

    await page.goto(`${server.origin}/?meeting=${meetingId}`);
    await page.locator('#result').waitFor();
    expect(await text('#result')).toContain('1/2');
    await driver.expectOk(driver.certify(2));
    await page.reload();
    await page.locator('#result-links').waitFor();
    expect(await page.locator('#result .result-subject').count()).toBe(6);
    const first = page.locator('[data-subject="DV-01"]');
    expect(await first.locator('h3').textContent()).toBe('Nguyễn Văn An');
    await first.locator('summary').click();
    const trace = await first.locator('.trace li').allTextContents();
    expect(trace.length).toBeGreaterThan(0);
    expect(trace.find((line) => line.startsWith('HTXSNV'))).toContain('cần từ 2/3 trở lên');
    expect(trace.find((line) => line.startsWith('HTTNV'))).toContain(
      'Điều lệ Đảng Điều 9 k5; HD 07-HD/BTCTW (2011) · thông lệ địa phương',
    );
    expect(await text('[data-subject="DV-01"] .proposal')).toBe('Đề xuất: Hoàn thành tốt nhiệm vụ');
    const hrefs = await page
      .locator('#result-links a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      `/minutes/${meetingId}`,
      `/api/meetings/${meetingId}/minutes.pdf`,
      `/api/meetings/${meetingId}/minutes.csv`,
      `/api/meetings/${meetingId}/minutes.xlsx`,
    ]);
    await screenshot(page, 'organiser-result');
    expect(await fitsWidth(page)).toBe(true);
  });
  it("keeps a member's facts through an edit, and shows the warnings of a new meeting", async () => {
    const members = (await organiser.get('/api/roster')).body.members;
    members[0].facts = [{ code: 'khong-co-trong-bang', source: 'Biên bản số 3' }];
    expect((await organiser.put('/api/roster', { members })).status).toBe(200);
    await page.goto(`${server.origin}/`);
    await page.locator('#roster-edit').click();
    await editRow(1);
    await page.locator('#roster-edit-name').fill('Trần Thị Bình An');
    await page.locator('#roster-row-done').click();
    await page.locator('#roster-import').click();
    await page.locator('#roster-current').waitFor();
    const saved = (await organiser.get('/api/roster')).body.members;
    expect(saved[0].facts).toEqual(members[0].facts);
    expect(saved[1].name).toBe('Trần Thị Bình An');

    await page.locator('#new-meeting-form input[name="title"]').fill('Xếp loại có cảnh báo');
    await page.locator('#new-meeting-form button[type="submit"]').click();
    await page.waitForURL(/\?meeting=/);
    await page.locator('.created-warning').first().waitFor();
    expect(await text('.created-warning')).toContain('Nguyễn Văn An: Sự kiện "khong-co-trong-bang"');
    await page.reload();
    await page.locator('#meeting-status').waitFor();
    expect(await page.locator('.created-warning').count()).toBe(0);
  });
  it('creates a motion meeting with one question per line, without a rule set when asked', async () => {
    await page.goto(`${server.origin}/`);
    await page.locator('#new-meeting-form select[name="kind"]').selectOption('motion');
    await page.locator('#new-meeting-form input[name="title"]').fill('Biểu quyết nghị quyết');
    await page.locator('#new-meeting-form select[name="ruleSet"]').selectOption('none');
    expect(await page.locator('#settings').count()).toBe(0);
    expect(await page.locator('#subjects').count()).toBe(0);
    await page
      .locator('#new-meeting-form textarea[name="motions"]')
      .fill('Thông qua nghị quyết tháng 12\n\nKết nạp đảng viên mới ');
    await page.locator('#new-meeting-form button[type="submit"]').click();
    await page.waitForURL(/\?meeting=/);
    const id = new URL(page.url()).searchParams.get('meeting')!;
    const manifest = JSON.parse((await organiser.get(`/api/meetings/${id}`)).body.manifest);
    expect(manifest.ruleSet).toBe('none');
    expect(manifest.questions.map((q: { prompt: string }) => q.prompt)).toEqual([
      'Thông qua nghị quyết tháng 12',
      'Kết nạp đảng viên mới',
    ]);
  });
});
