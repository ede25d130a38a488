// Debian's Chromium through playwright-core, headless, with phones of 360×740; screenshots go to
// test-results/ (kept as artefacts, not committed). Every browser test file starts with `e2eDescribe`.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';

/**
 * `describe` for a browser test: skipped on a developer's machine without Chromium, but run in CI (`CI` is
 * set by .ci/run), where a missing Chromium fails the tests instead of skipping them silently.
 */
export const e2eDescribe = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

export const PHONE = { width: 360, height: 740 };
const SHOTS = join(process.cwd(), 'test-results', 'e2e');

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (the browser tests need it)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A phone; waits allow for a loaded machine (all the browser tests run at once). */
export async function phone(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
  context.setDefaultTimeout(60_000);
  return context;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * True when the page is no wider than the phone (no sideways scrolling). Against the screen, not only
 * window.innerWidth: a mobile browser widens its layout viewport to content that is too wide.
 */
export const fitsWidth = (page: Page): Promise<boolean> =>
  page.evaluate(
    () => document.documentElement.scrollWidth <= Math.min(window.innerWidth, window.screen.width),
  );
