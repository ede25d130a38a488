// Steps of the whole-meeting browser test (meeting.test.ts): the roster as an XLSX workbook, the
// cards read back from the printed sheet with jsQR, each phone's choices (a few exceptions to the proposed
// levels, some rows left blank), a phone voting through its card's link, and the counts to expect.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { xlsxWorkbook } from '../../src/xlsx/write.ts';
import { phone, screenshot } from './browser.ts';
import { pngPixels, readQr } from './card-images.ts';

export type RosterRow = { id: string; name: string; proposedLevel: string };

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const GIVEN = ['Văn An', 'Thị Bình', 'Văn Cường', 'Thị Dung', 'Minh Đức', 'Thu Hà', 'Quốc Huy', 'Thị Lan'];
const LEVELS = ['httnv', 'httnv', 'htxsnv', 'httnv', 'htnv'];

/** `count` official members with distinct names and a mix of proposed levels. */
export function rosterRows(count: number): RosterRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `dv${String(i + 1).padStart(2, '0')}`,
    name: `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]} ${i + 1}`,
    proposedLevel: LEVELS[i % LEVELS.length]!,
  }));
}

const LEVEL_NAMES: Record<string, string> = {
  htxsnv: 'Hoàn thành xuất sắc nhiệm vụ',
  httnv: 'Hoàn thành tốt nhiệm vụ',
  htnv: 'Hoàn thành nhiệm vụ',
};

/** The roster as a chi bộ keeps it in a spreadsheet: a title line, Vietnamese headers, one member a row. */
export function rosterWorkbook(rows: RosterRow[]): Uint8Array {
  return xlsxWorkbook([
    {
      name: 'Danh sách',
      rows: [
        ['DANH SÁCH ĐẢNG VIÊN CHI BỘ NĂM 2026'],
        ['STT', 'Mã đảng viên', 'Họ và tên', 'Tình trạng', 'Vai trò', 'Mức tự xếp loại'],
        ...rows.map((r, i) => [
          i + 1,
          r.id,
          r.name,
          'Chính thức',
          i === 0 ? 'Bí thư' : 'Đảng viên',
          LEVEL_NAMES[r.proposedLevel]!,
        ]),
      ],
    },
  ]);
}

/** Wide enough for an A4 sheet (210 mm at 96 px an inch), so every card of the print layout is on screen. */
const A4_VIEWPORT = { width: 820, height: 1160 };

export type PrintedCard = { serial: number; url: string; typed: string };

/**
 * Every card on the sheet as the browser prints it (print media): its serial and typed code, and its link
 * as jsQR reads it from a screenshot of the printed QR code. The print layout's screenshot is `shot`.
 */
export async function readPrintedCards(page: Page, shot: string): Promise<PrintedCard[]> {
  const screen = page.viewportSize()!;
  await page.setViewportSize(A4_VIEWPORT);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, shot);
  const read: PrintedCard[] = [];
  for (const card of await page.locator('#card-sheet .card').all()) {
    const { rgba, width, height } = await pngPixels(page, await card.locator('img').screenshot());
    const serial = Number(await card.getAttribute('data-serial'));
    const url = readQr(rgba, width, height);
    expect(url, `QR code of card ${serial}`).not.toBeNull();
    read.push({ serial, url: url!, typed: (await card.locator('.card-token').textContent()) ?? '' });
  }
  await page.emulateMedia({ media: null });
  await page.setViewportSize(screen);
  return read;
}

/** A choice per question: an option's index, or null for blank. */
export type Choices = Array<number | null>;

/**
 * Phone `k`'s ballot: the proposed levels, with two rows changed to other levels and, on every fourth
 * phone, one row left blank.
 */
export function phoneChoices(k: number, proposed: number[], options: number): Choices {
  const q = proposed.length;
  const choices: Choices = [...proposed];
  const first = k % q;
  const second = (k * 7 + 3) % q;
  choices[first] = (proposed[first]! + 1) % options;
  choices[second] = (proposed[second]! + 2) % options;
  if (k % 4 === 3) choices[(k * 5 + 1) % q] = null;
  return choices;
}

/** Per question: the votes for each option and the blanks. */
export function expectedCounts(ballots: Choices[], questions: number, options: number) {
  return Array.from({ length: questions }, (_, q) => ({
    counts: Array.from({ length: options }, (_, o) => ballots.filter((b) => b[q] === o).length),
    blank: ballots.filter((b) => b[q] === null).length,
  }));
}

/** Marks `choices` where they differ from the proposed levels, submits (through the review of changes). */
export async function markAndSubmit(page: Page, choices: Choices, proposed: number[]): Promise<string> {
  await page.locator('#ballot').waitFor();
  for (const [i, choice] of choices.entries()) {
    if (choice === proposed[i]) continue;
    const row = page.locator(`fieldset[data-question="q${i + 1}"]`);
    if (choice === null) await row.locator('.blank-choice').click();
    else await row.locator(`label.choice:has(input[value="${choice}"])`).click();
  }
  expect(await page.locator('fieldset.question.changed').count()).toBe(
    choices.filter((c, i) => c !== null && c !== proposed[i]).length,
  );
  await page.locator('#submit').click();
  if (choices.some((c, i) => c !== proposed[i])) {
    await page.locator('#review').waitFor();
    await page.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
  }
  const code = page.locator('#confirmation-code');
  await code.waitFor({ timeout: 120_000 });
  expect(await page.locator('#receipt-status').getAttribute('data-valid')).toBe('true');
  return (await code.textContent())!;
}

/** One phone opens its card's link, votes, and returns its confirmation code. */
export async function voteByLink(
  browser: Browser,
  url: string,
  choices: Choices,
  proposed: number[],
  shot: string | null,
): Promise<string> {
  const context = await phone(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#ballot').waitFor({ timeout: 120_000 });
    expect(new URL(page.url()).hash).toBe('');
    if (shot) await screenshot(page, `${shot}-ballot`);
    const code = await markAndSubmit(page, choices, proposed);
    if (shot) await screenshot(page, `${shot}-code`);
    return code;
  } finally {
    await context.close();
  }
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
