// Every page in both languages, as the organiser, a voter, a trustee and the room see it: laid out at
// 360, 768, 1280 and 1920 px wide (no sideways scrolling, no text squeezed into a column a few letters
// wide), and its text free of internals: no file path, program name (camelCase, kebab-case, snake_case),
// English word on a Vietnamese page or Vietnamese on an English one (other than the members' and the
// meeting's own names), and numbers written as the language writes them (21,4% / 21.4%). The minutes'
// PDF, CSV and XLSX, printed in Vietnamese, are held to the same text rules (test/e2e/text-audit.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokenText } from '../../crypto/index.ts';
import { MeetingDriver } from '../app/helpers.ts';
import { e2eDescribe, launchBrowser, screenshot } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';
import { type Lang, textProblems } from './text-audit.ts';

const WIDTHS = [360, 768, 1280, 1920] as const;

e2eDescribe('every page at four widths and in both languages', { timeout: 400_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let done: MeetingDriver;
  let live: MeetingDriver;
  let fresh: MeetingDriver;
  let own: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'phieukin-every-page-'));

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    done = await MeetingDriver.create(server.t, { members: 6 });
    await done.ready(5);
    await done.open();
    for (const card of [1, 2, 3, 4, 5]) await done.expectOk(done.vote(card, card === 5 ? [0, null] : [1, 2]));
    await done.close();
    await done.expectOk(done.share(1));
    await done.expectOk(done.share(2));
    await done.expectOk(done.certify(1));
    await done.expectOk(done.certify(2));
    live = await MeetingDriver.create(server.t, { members: 4 });
    await live.ready(3);
    await live.open();
    await live.expectOk(live.vote(3));
    fresh = await MeetingDriver.create(server.t, { members: 3 });
    const organiser = done.organiser;
    const roster = (await organiser.get('/api/roster')).body.members as Array<{ name: string }>;
    const titles = ((await organiser.get('/api/meetings')).body.meetings as Array<{ title: string }>).map(
      (m) => m.title,
    );
    own = [...roster.map((m) => m.name), ...titles, 'Chi bộ', 'phiếu kín', 'Tiếng Việt'].sort(
      (a, b) => b.length - a.length,
    );
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** `langs`: the minutes page is left in Vietnamese for now (its table and reasons are the biên bản's). */
  type Visit = {
    name: string;
    path: () => string;
    ready: string;
    organiser?: boolean;
    langs?: Lang[];
    /** a button the user taps first, and what then shows */
    tap?: { button: string; ready: string };
  };
  const visits: Visit[] = [
    { name: 'organiser-login', path: () => '/', ready: '#password' },
    { name: 'organiser-home', path: () => '/', ready: '#roster-section', organiser: true },
    { name: 'organiser-result', path: () => `/?meeting=${done.id}`, ready: '#result-links', organiser: true },
    { name: 'organiser-open', path: () => `/?meeting=${live.id}`, ready: '#close-poll', organiser: true },
    {
      name: 'organiser-close',
      path: () => `/?meeting=${live.id}`,
      ready: '#close-poll',
      organiser: true,
      tap: { button: '#close-poll', ready: '#close-warning' },
    },
    {
      name: 'organiser-ceremony',
      path: () => `/?meeting=${fresh.id}`,
      ready: '#trustee-qr',
      organiser: true,
    },
    { name: 'booth-token', path: () => `/v/${live.id}`, ready: '#token' },
    { name: 'booth-ballot', path: () => `/v/${live.id}#${tokenText(live.tokens[0]!)}`, ready: '#ballot' },
    { name: 'trustee-join', path: () => `/t/${fresh.id}#${fresh.trusteeCode}`, ready: '#join' },
    { name: 'projector-counts', path: () => `/projector/${live.id}`, ready: '#counts' },
    { name: 'projector-result', path: () => `/projector/${done.id}`, ready: '#result' },
    { name: 'minutes', path: () => `/minutes/${done.id}`, ready: '#minutes', langs: ['vi'] },
    { name: 'verify', path: () => `/verify?meeting=${done.id}`, ready: '#verdict' },
  ];

  async function open(visit: Visit, lang: Lang): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang });
    context.setDefaultTimeout(90_000);
    await context.addInitScript((l) => localStorage.setItem('phieukin.lang', l), lang);
    if (visit.organiser) {
      const [name, value] = done.organiser.cookie.split('=');
      await context.addCookies([{ name: name!, value: value!, url: server.origin }]);
    }
    const page = await context.newPage();
    await page.goto(`${server.origin}${visit.path()}`);
    await page.locator(visit.ready).first().waitFor();
    if (visit.tap) {
      await page.locator(visit.tap.button).click();
      await page.locator(visit.tap.ready).waitFor();
    }
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    return page;
  }

  /** Sideways scrolling and text squeezed into a box under three letters wide. */
  const layoutProblems = (page: Page) =>
    page.evaluate(() => {
      const problems: string[] = [];
      if (document.documentElement.scrollWidth > window.innerWidth)
        problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        if (own.length < 6 || el.offsetParent === null) continue;
        const fontSize = Number.parseFloat(getComputedStyle(el).fontSize);
        const width = el.getBoundingClientRect().width;
        if (width > 1 && width < 3 * fontSize)
          problems.push(
            `squeezed to ${Math.round(width)} px: ${el.tagName.toLowerCase()} "${own.slice(0, 30)}"`,
          );
      }
      return problems;
    });

  const pageText = (page: Page) =>
    page.evaluate(() => {
      const attributes = [
        ...document.querySelectorAll('[placeholder], [aria-label], [alt], [title]'),
      ].flatMap((el) => ['placeholder', 'aria-label', 'alt', 'title'].map((a) => el.getAttribute(a) ?? ''));
      return [document.title, document.body.innerText, ...attributes].join('\n');
    });

  for (const lang of ['vi', 'en'] as const)
    it(`lays out every page at ${WIDTHS.join(', ')} px and says nothing internal (${lang})`, async () => {
      for (const visit of visits.filter((v) => (v.langs ?? [lang]).includes(lang))) {
        const page = await open(visit, lang);
        expect.soft(textProblems(await pageText(page), lang, own), `${visit.name} (${lang})`).toEqual([]);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          expect.soft(await layoutProblems(page), `${visit.name} at ${width} px (${lang})`).toEqual([]);
          if (lang === 'vi' && (width === 360 || width === 1280))
            await screenshot(page, `every-${visit.name}-${width}`);
        }
        await page.context().close();
      }
    });

  it('prints the minutes (PDF, CSV and XLSX) in plain Vietnamese', async () => {
    const pdf = await fetch(`${server.origin}/api/meetings/${done.id}/minutes.pdf`, {
      headers: { cookie: done.organiser.cookie },
    });
    expect(pdf.status).toBe(200);
    const file = join(folder, 'minutes.pdf');
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.length).toBeGreaterThan(200);
    expect(textProblems(text, 'vi', own), 'minutes PDF').toEqual([]);
    const csv = await done.organiser.get(`/api/meetings/${done.id}/minutes.csv`);
    expect(textProblems(String(csv.body), 'vi', own), 'minutes CSV').toEqual([]);
    const xlsx = await fetch(`${server.origin}/api/meetings/${done.id}/minutes.xlsx`);
    const sheets = Object.entries(unzipSync(new Uint8Array(await xlsx.arrayBuffer())))
      .filter(([name]) => name.startsWith('xl/worksheets/'))
      .map(([, bytes]) =>
        [...strFromU8(bytes).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]).join('\n'),
      );
    expect(sheets.length).toBeGreaterThan(0);
    expect(textProblems(sheets.join('\n'), 'vi', own), 'minutes XLSX').toEqual([]);
  });
});
