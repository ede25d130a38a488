// The board's card list (GET /api/meetings/:id/card-list.pdf): the serials by state as ranges with their
// counts, on one A4 page even when voided cards are scattered through hundreds, with no card code; for
// the meeting's organiser only. Read back with pdftotext; page 1 is rendered to test-results/cards/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenText } from '../../crypto/index.ts';
import { cardListRows, serialRanges } from '../../src/pdf/card-list.ts';
import { MeetingDriver, type TestApp, testApp } from './helpers.ts';

async function listOf(m: MeetingDriver, name: string) {
  const response = await m.t.app.request(m.path('/card-list.pdf'), {
    headers: { cookie: m.organiser.cookie },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const file = join(mkdtempSync(join(tmpdir(), 'card-list-')), `${name}.pdf`);
  writeFileSync(file, bytes);
  const shots = join(process.cwd(), 'test-results', 'cards');
  mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', file, join(shots, name)]);
  return {
    pages: (await PDFDocument.load(bytes)).getPageCount(),
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  };
}

describe('the board’s card list', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('joins consecutive serials into ranges', () => {
    expect(serialRanges([5, 1, 2, 3, 9, 10, 12])).toBe('1–3, 5, 9–10, 12');
    expect(serialRanges([])).toBe('');
    expect(
      cardListRows([
        { serial: 1, state: 'active', medium: 'card' },
        { serial: 2, state: 'voided', medium: 'card' },
        { serial: 3, state: 'active', medium: 'card' },
        { serial: 4, state: 'issued', medium: 'card' },
        { serial: 5, state: 'active', medium: 'paper' },
      ]),
    ).toEqual([
      ['Thẻ: đã kích hoạt (đã phát)', '2', '1, 3'],
      ['Thẻ: đã hủy', '1', '2'],
      ['Thẻ: chưa kích hoạt', '1', '4'],
      ['Thẻ: tổng số đã in', '4', '1–4'],
      ['Phiếu giấy: đã kích hoạt (đã phát)', '1', '5'],
      ['Phiếu giấy: đã hủy', '0', '—'],
      ['Phiếu giấy: chưa kích hoạt', '0', '—'],
      ['Phiếu giấy: tổng số đã in', '1', '5'],
    ]);
  });

  it('lists a meeting’s cards by state on one page, with no card code', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ceremony();
    await m.cards(30);
    await m.expectOk(m.organiser.post(m.path('/cards/activate'), { from: 1, to: 20 }), 200);
    for (const serial of [7, 21]) await m.expectOk(m.organiser.post(m.path(`/cards/${serial}/void`)), 200);
    const { pages, text } = await listOf(m, 'danh-sach-the');
    expect(pages).toBe(1);
    const line = (label: string) =>
      text
        .split('\n')
        .find((l) => l.includes(label))
        ?.replace(/\s+/g, ' ')
        .trim();
    expect(text).toContain('DANH SÁCH THẺ BIỂU QUYẾT');
    expect(text).toContain('Họp chi bộ tháng 12');
    expect(line('đã kích hoạt')).toBe('Thẻ: đã kích hoạt (đã phát) 19 1–6, 8–20');
    expect(line('đã hủy')).toBe('Thẻ: đã hủy 2 7, 21');
    expect(line('chưa kích hoạt')).toBe('Thẻ: chưa kích hoạt 9 22–30');
    expect(line('tổng số đã in')).toBe('Thẻ: tổng số đã in 30 1–30');
    for (const card of (await m.organiser.get(m.path('/cards'))).body.cards)
      expect(text).not.toContain(card.pk);
    for (const token of m.tokens) expect(text).not.toContain(tokenText(token).slice(0, 8));
    expect((await t.client().get(m.path('/card-list.pdf'))).status).toBe(401);
  });

  it('keeps 600 cards with every seventh voided on one page', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ceremony();
    for (let i = 0; i < 3; i++) await m.cards(200);
    await m.expectOk(m.organiser.post(m.path('/cards/activate'), { from: 1, to: 600 }), 200);
    for (let serial = 7; serial <= 600; serial += 7)
      await m.expectOk(m.organiser.post(m.path(`/cards/${serial}/void`)), 200);
    const { pages, text } = await listOf(m, 'danh-sach-the-600');
    expect(pages).toBe(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Thẻ: đã hủy 85 7, 14, 21');
    expect(flat).toContain('589–594, 596–600');
    expect(flat).toContain('T/M BAN KIỂM PHIẾU');
  });
});
