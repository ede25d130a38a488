// The booth's hard cases in a phone browser: a response lost after the server accepted the ballot (the
// retry sends the same ballot and gets the same receipt: one ballot counted), a card not activated, voided
// or spent (refused as soon as it is read, before the ballot) and one voided while the voter reads, a closed
// poll, the kiosk that keeps nothing, and text at 200 % with 44 px targets. A mistyped code is kept with
// the character it cannot read pointed at; lower case, dashes and the look-alikes 0/O, 1/I, 8/B are read.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { base64url, credentialFromToken, newToken, tokenForDisplay, tokenText } from '../../crypto/index.ts';
import { MeetingDriver } from '../app/helpers.ts';
import { e2eDescribe, fitsWidth, launchBrowser, phone, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

e2eDescribe('booth refusals, retries and kiosk', { timeout: 120_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let meeting: MeetingDriver;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    meeting = await MeetingDriver.create(server.t, { members: 3, body: { subjects: ['m1', 'm2', 'm3'] } });
    await meeting.ready(4);
    await meeting.cards(1);
    await meeting.expectOk(meeting.organiser.post(meeting.path('/cards/4/void')), 200);
    await meeting.open();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const cast = async () => (await server.t.client().get(`/api/meetings/${meeting.id}/counts`)).body.cast;

  async function openCard(card: number, query = ''): Promise<Page> {
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}${query}#${tokenText(meeting.tokens[card - 1]!)}`);
    await page.locator('#ballot').waitFor();
    return page;
  }

  it('fits the phone at 200 % text with touch targets of at least 44 px', async () => {
    const page = await openCard(1);
    await page.addStyleTag({ content: 'html { font-size: 200% }' });
    expect(await fitsWidth(page)).toBe(true);
    const smallest = await page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('button, .choice span')].map((e) => {
          const box = e.getBoundingClientRect();
          return Math.min(box.width, box.height);
        }),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'booth-text-200');
  });

  it('sends the same ballot again after a lost answer and a reload, and it is counted once', async () => {
    const page = await openCard(1);
    let dropped = false;
    await page.route('**/ballots', async (route) => {
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.locator('fieldset[data-question="q2"] .choice').first().click();
    await page.locator('#submit').click();
    await page.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await page.locator('#problem').waitFor({ timeout: 60_000 });
    expect(await page.locator('#problem').textContent()).toContain('Mất kết nối');
    expect(await cast()).toBe(1);
    await screenshot(page, 'booth-connection-lost');
    await page.reload();
    await page.locator('#ballot').waitFor();
    expect(await page.locator('fieldset[data-question="q2"] input[value="0"]').isChecked()).toBe(true);
    expect(await page.locator('fieldset[data-question="q2"] input[value="0"]').isDisabled()).toBe(true);
    await page.locator('#submit').click();
    await page.locator('#confirmation-code').waitFor({ timeout: 60_000 });
    expect(await page.locator('#receipt-status').getAttribute('data-valid')).toBe('true');
    expect(await cast()).toBe(1);
  });

  it('refuses a card that is not activated, voided or spent as soon as it is read, before any ballot; once activated, Reload opens the ballot', async () => {
    const refusedAtOpen = async (card: number, words: string, shot: string) => {
      const page = await (await phone(browser)).newPage();
      await page.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[card - 1]!)}`);
      await page.locator('#problem').waitFor({ timeout: 60_000 });
      expect(await page.locator('#problem').textContent()).toContain(words);
      expect(await page.locator('#ballot, #submit').count()).toBe(0);
      await screenshot(page, shot);
      return page;
    };
    const inactive = await refusedAtOpen(5, 'chưa được kích hoạt', 'booth-card-not-activated');
    await refusedAtOpen(4, 'đã bị hủy', 'booth-card-voided');
    await refusedAtOpen(1, 'đã được dùng để bỏ phiếu', 'booth-card-spent-early');
    expect(await cast()).toBe(1);

    await meeting.expectOk(meeting.organiser.post(meeting.path('/cards/activate'), { serials: [5] }), 200);
    await inactive.getByRole('button', { name: 'Tải lại' }).click();
    await inactive.locator('#ballot').waitFor();
  });

  it('still refuses when the ballot is sent: a card voided while the voter reads', async () => {
    const page = await openCard(3);
    await meeting.expectOk(meeting.organiser.post(meeting.path('/cards/3/void')), 200);
    await page.locator('#submit').click();
    await page.locator('#problem').waitFor({ timeout: 60_000 });
    expect(await page.locator('#problem').textContent()).toContain('đã bị hủy');
    expect(await cast()).toBe(1);
  });

  it('in kiosk mode takes a typed card code, keeps nothing and clears itself for the next voter', async () => {
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}?kiosk=1`);
    await page.locator('#token').fill(tokenForDisplay(meeting.tokens[1]!).toLowerCase());
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('#ballot').waitFor();
    await page.locator('#submit').click();
    await page.locator('#confirmation-code').waitFor({ timeout: 60_000 });
    await screenshot(page, 'booth-kiosk-confirmation');
    await page.getByRole('button', { name: 'Người tiếp theo' }).click();
    await page.locator('#token').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('phieukin.receipts'))).toBeNull();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await cast()).toBe(2);
  });

  it('rejects a mistyped card code before anything is sent, keeps it and points at what it cannot read', async () => {
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}`);
    const typeCode = async (text: string) => {
      await page.locator('#token').fill(text);
      await page.locator('#token-form button[type="submit"]').click();
    };
    await typeCode('ABCD');
    await page.locator('#token-error').waitFor();
    expect(await page.locator('#token-error').textContent()).toContain('26 ký tự, nhưng ở đây có 4');
    expect(await page.locator('#token').inputValue()).toBe('ABCD');

    const typed = `${tokenForDisplay(meeting.tokens[0]!).slice(0, 6)}9${tokenForDisplay(meeting.tokens[0]!).slice(6)}`;
    await typeCode(typed);
    await page.locator('#token-error').filter({ hasText: 'ký tự thứ 7 («9»)' }).waitFor();
    expect(await page.locator('#token').inputValue()).toBe(typed);
    await page.waitForFunction(
      () => (document.getElementById('token') as HTMLInputElement).selectionStart === 6,
    );
    expect(await page.locator('#token').evaluate((el: HTMLInputElement) => el.selectionEnd)).toBe(7);
    expect(await page.locator('#token').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'booth-token-unreadable');
    expect(await cast()).toBe(2);
  });

  it('reads a card code typed in lower case with dashes and the look-alikes 0, 1 and 8', async () => {
    let token = newToken();
    while (!/O/.test(tokenText(token)) || !/I/.test(tokenText(token)) || !/B/.test(tokenText(token)))
      token = newToken();
    const serial = meeting.tokens.length + 1;
    meeting.tokens.push(token);
    const pk = base64url(credentialFromToken(meeting.id, token).pk);
    await meeting.expectOk(meeting.organiser.post(meeting.path('/cards'), { cards: [{ serial, pk }] }));
    await meeting.expectOk(
      meeting.organiser.post(meeting.path('/cards/activate'), { from: serial, to: serial }),
      200,
    );
    const typed = tokenForDisplay(token)
      .replace(/ /g, '-')
      .replace(/O/g, '0')
      .replace(/I/g, '1')
      .replace(/B/g, '8');
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}`);
    await page.locator('#token').fill(typed.toLowerCase());
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('#ballot').waitFor();
  });

  it('says the poll is closed', async () => {
    await meeting.close();
    const page = await (await phone(browser)).newPage();
    await page.goto(`${server.origin}/v/${meeting.id}#${tokenText(meeting.tokens[2]!)}`);
    await page.locator('#problem').waitFor();
    expect(await page.locator('#problem').textContent()).toContain('Đã kết thúc bỏ phiếu');
    await screenshot(page, 'booth-poll-closed');
  });
});
