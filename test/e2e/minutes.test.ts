// The minutes page end to end: a meeting driven to a certified result through the API, then /minutes/<id>
// at phone size shows the right counts (those of the server's minutes JSON, which the app tests check
// against the decrypted tally), its QR decodes (jsQR) to this meeting's verifier, the PDF, CSV and XLSX
// downloads respond, English works for the page, and print gives A4 without the header or the buttons.
// A meeting not yet certified shows why there are no minutes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLE_TEXT, ROLE_WORDS } from '../../src/shared/minutes/details.ts';
import type { Minutes } from '../../src/shared/minutes/minutes.ts';
import { MeetingDriver } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { pngPixels, readQr } from './card-images.ts';
import { type E2eServer, startE2eServer } from './server.ts';

e2eDescribe('minutes page', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let m: MeetingDriver;
  let pending: MeetingDriver;
  let minutes: Minutes;

  beforeAll(async () => {
    server = await startE2eServer();
    m = await MeetingDriver.create(server.t);
    await m.ready(4);
    await m.expectOk(
      m.organiser.put(m.path('/attendance'), {
        summoned: 4,
        present: 4,
        details: {
          upper: 'Đảng bộ phường Bến Nghé',
          place: 'Phường Bến Nghé',
          chair: 'Nguyễn Văn An',
          secretary: 'Trần Thị Dung',
          board: [
            { seat: 2, name: 'Lê Minh Khoa', position: 'member' },
            { seat: 1, name: 'Phạm Ngọc Lan', position: 'head' },
          ],
        },
      }),
      200,
    );
    await m.open();
    await m.expectOk(m.vote(1, [0, 1]));
    await m.expectOk(m.vote(2, [0, null]));
    await m.expectOk(m.vote(3, [1, 1]));
    await m.close();
    await m.expectOk(m.share(2));
    await m.expectOk(m.share(3));
    await m.expectOk(m.certify(2));
    await m.expectOk(m.certify(3));
    minutes = (await server.t.client().get(m.path('/minutes'))).body;
    pending = await MeetingDriver.create(server.t);
    browser = await launchBrowser();
    page = await (await phone(browser)).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The QR code as the page shows it (a screenshot of the image), decoded with jsQR. */
  async function qrText(): Promise<string | null> {
    const { rgba, width, height } = await pngPixels(page, await page.locator('#verify-qr').screenshot());
    return readQr(rgba, width, height);
  }

  it('shows the certified counts, blanks, proposals and signatures at phone size', async () => {
    await page.goto(`${server.origin}/minutes/${m.id}`);
    await page.locator('#minutes').waitFor();
    expect(await page.locator('h1').textContent()).toBe('BIÊN BẢN KIỂM PHIẾU');
    expect(await page.locator('.minutes-head').textContent()).toContain('ĐẢNG BỘ PHƯỜNG BẾN NGHÉ');
    expect(await page.locator('#date-line').textContent()).toMatch(
      /^Phường Bến Nghé, ngày \d\d tháng \d+ năm \d{4}$/,
    );
    expect(await page.locator('#counted').textContent()).toContain(minutes.meeting.countedAtText!);
    const cells = (selector: string) =>
      page
        .locator(`${selector} tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(await cells('#board')).toEqual([
      ['Phạm Ngọc Lan', 'Trưởng ban', '1', 'Không ký'],
      ['Lê Minh Khoa', 'Thành viên', '2', 'Đã ký, hợp lệ'],
      ['(chưa ghi tên)', 'Thành viên', '3', 'Đã ký, hợp lệ'],
    ]);
    expect(await page.locator('#officers').textContent()).toBe(
      'Chủ tọa: Nguyễn Văn An. Thư ký: Trần Thị Dung.',
    );
    const summary = await cells('#summary');
    expect(summary.map((r) => r.slice(0, 5))).toEqual([
      ['1', minutes.subjects[0]!.name, ROLE_TEXT[minutes.subjects[0]!.role], '2', '50,0%'],
      ['2', minutes.subjects[1]!.name, ROLE_TEXT[minutes.subjects[1]!.role], '0', '0,0%'],
    ]);
    expect(await page.locator('#attendance').textContent()).toContain('Triệu tập: 4; có mặt: 4');
    expect(await page.locator('#ballots').textContent()).toBe('Phiếu thu về: 3; phiếu được kiểm: 3.');
    expect(await page.locator('#cards').textContent()).toContain('thẻ kích hoạt nhưng không bỏ phiếu: 1');
    const subjects = page.locator('.minutes-subject');
    expect(await subjects.count()).toBe(2);
    const rows = async (i: number) =>
      subjects
        .nth(i)
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(await rows(0)).toEqual([
      ['Hoàn thành xuất sắc nhiệm vụ', '2', '50,0%'],
      ['Hoàn thành tốt nhiệm vụ', '1', '25,0%'],
      ['Hoàn thành nhiệm vụ', '0', '0,0%'],
      ['Không hoàn thành nhiệm vụ', '0', '0,0%'],
      ['Không đánh dấu', '0', '0,0%'],
    ]);
    expect((await rows(1)).map((r) => r[1])).toEqual(['0', '2', '0', '0', '1']);
    minutes.subjects.forEach((s, i) => {
      expect(s.options.map((o) => o.votes)).toEqual(
        [
          [2, 1, 0, 0],
          [0, 2, 0, 0],
        ][i],
      );
    });
    expect(await subjects.nth(0).locator('.proposal').textContent()).toContain(
      minutes.subjects[0]!.proposalLabel!.vi,
    );
    expect(await subjects.nth(0).locator('.trace li').count()).toBe(minutes.subjects[0]!.trace.length);
    expect(await page.locator('#certified').textContent()).toContain('đã được ban kiểm phiếu ký xác nhận');
    expect(await page.locator('#signatures').textContent()).toContain('Số 3');
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'minutes-phone');
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'minutes-phone-200');
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '';
    });
    const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await wide.goto(`${server.origin}/minutes/${m.id}`);
    await wide.locator('#minutes').waitFor();
    expect(await fitsWidth(wide)).toBe(true);
    await screenshot(wide, 'minutes-wide');
    await wide.close();
  });

  it('has a QR code that opens this meeting’s verifier on this server', async () => {
    expect(await qrText()).toBe(`${server.origin}/verify?meeting=${m.id}`);
  });

  it('offers the PDF, CSV and XLSX downloads of the same minutes', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bien-ban-${m.id}.pdf`);
    for (const [ext, type] of [
      ['pdf', 'application/pdf'],
      ['csv', 'text/csv; charset=utf-8'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const href = await page.locator(`#download-${ext}`).getAttribute('href');
      const response = await page.request.get(`${server.origin}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe(type);
    }
  });

  it('switches the page to English and back', async () => {
    await page.locator('.lang-switch').click();
    expect(await page.locator('h1').textContent()).toBe('MINUTES OF THE COUNT');
    expect(await page.locator('#ballots').textContent()).toBe('Ballots cast: 3; ballots counted: 3.');
    expect(await page.locator('.minutes-subject td').nth(2).textContent()).toBe('50.0%');
    const heads = await page.locator('#summary thead th').allTextContents();
    expect(heads.slice(0, 5)).toEqual([
      'No.',
      'Full name',
      'Post',
      'Excellent completion of tasks: Votes',
      'Excellent completion of tasks: Share %',
    ]);
    expect(heads.slice(-3)).toEqual(['Blank', 'Proposal', 'Notes']);
    const english = await page
      .locator('#summary tbody tr')
      .first()
      .evaluate((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(english[2]).toBe(ROLE_WORDS[minutes.subjects[0]!.role]!.en);
    expect(english.at(-2)).toBe(minutes.subjects[0]!.proposalLabel!.en);
    // what the meeting's people wrote (names, the chi bộ, the place) may be Vietnamese; nothing else is
    const own = [
      minutes.meeting.title,
      minutes.meeting.organisation.toUpperCase(),
      ...minutes.subjects.map((s) => s.name),
      'Đảng bộ phường Bến Nghé',
      'ĐẢNG BỘ PHƯỜNG BẾN NGHÉ',
      'Phường Bến Nghé',
      'Nguyễn Văn An',
      'Trần Thị Dung',
      'Lê Minh Khoa',
      'Phạm Ngọc Lan',
    ];
    // the page's own words: heads, tables, facts and reasons (the rules' texts and citations in the traces,
    // settings and warnings are the rule sets' own, audited with them)
    const blocks = await page
      .locator('#minutes :is(h1, h2, h3, th, td, .minutes-head p), #minutes > p:not(.notice)')
      .allTextContents();
    const vietnamese = blocks
      .map((block) => {
        let rest = block;
        for (const name of own) rest = rest.split(name).join(' ');
        return rest.replace(/\b(?:QĐ|HD) [\w/.Đ-]+|Điều( lệ Đảng)? \d*|chi (bộ|ủy)/g, ' ');
      })
      .filter((rest) => /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i.test(rest));
    expect(vietnamese).toEqual([]);
    await screenshot(page, 'minutes-phone-en');
    await page.locator('.lang-switch').click();
    expect(await page.locator('h1').textContent()).toBe('BIÊN BẢN KIỂM PHIẾU');
    expect(await page.locator('.minutes-head').textContent()).toContain('ĐẢNG BỘ PHƯỜNG BẾN NGHÉ');
    expect(await page.locator('#date-line').textContent()).toMatch(
      /^Phường Bến Nghé, ngày \d\d tháng \d+ năm \d{4}$/,
    );
    expect(await page.locator('#counted').textContent()).toContain(minutes.meeting.countedAtText!);
    const cells = (selector: string) =>
      page
        .locator(`${selector} tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(await cells('#board')).toEqual([
      ['Phạm Ngọc Lan', 'Trưởng ban', '1', 'Không ký'],
      ['Lê Minh Khoa', 'Thành viên', '2', 'Đã ký, hợp lệ'],
      ['(chưa ghi tên)', 'Thành viên', '3', 'Đã ký, hợp lệ'],
    ]);
    expect(await page.locator('#officers').textContent()).toBe(
      'Chủ tọa: Nguyễn Văn An. Thư ký: Trần Thị Dung.',
    );
    const summary = await cells('#summary');
    expect(summary.map((r) => r.slice(0, 5))).toEqual([
      ['1', minutes.subjects[0]!.name, ROLE_TEXT[minutes.subjects[0]!.role], '2', '50,0%'],
      ['2', minutes.subjects[1]!.name, ROLE_TEXT[minutes.subjects[1]!.role], '0', '0,0%'],
    ]);
  });

  it('prints on A4 without the header and the buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#bar').isVisible()).toBe(false);
    expect(await page.locator('.actions').isVisible()).toBe(false);
    expect(await page.locator('#minutes').isVisible()).toBe(true);
    await screenshot(page, 'minutes-print');
    await page.emulateMedia({ media: 'screen' });
    const desktop = await browser.newPage();
    await desktop.goto(`${server.origin}/minutes/${m.id}`);
    await desktop.locator('#minutes').waitFor();
    const pdf = await desktop.pdf({ preferCSSPageSize: true });
    const folder = join(process.cwd(), 'test-results', 'e2e');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'minutes-print.pdf'), pdf);
    const doc = await PDFDocument.load(pdf);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    await desktop.close();
  });

  it('explains that a meeting without a certified result has no minutes yet', async () => {
    await page.goto(`${server.origin}/minutes/${pending.id}`);
    const alert = page.locator('.notice.error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('chưa được ban kiểm phiếu ký xác nhận');
  });
});
