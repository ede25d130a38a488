// The phone-first checks of one page as it is on screen, for test/e2e/accessibility.test.ts: no sideways
// scrolling, touch targets of at least 44×44 CSS px (WCAG 2.5.5; a link inside running text is exempt, the
// inline exception of WCAG 2.5.8), text at WCAG AA contrast (1.4.3: 4.5:1, or 3:1 for large text) against
// its effective background, and no text container whose content is wider than its box (clipped or spilling)
// — also with the text at 200 %.
import type { Page } from 'playwright-core';

export const MIN_TARGET_PX = 44;

type Rgba = [number, number, number, number];

/** What the page reports for one element with its own visible text. */
type TextSample = {
  what: string;
  text: string;
  color: string;
  /** Background colours from the element up to the first opaque one (or the canvas). */
  backgrounds: string[];
  opacity: number;
  fontSizePx: number;
  fontWeight: number;
};

type PageFacts = {
  /** The outermost elements reaching past the screen's right edge. */
  wide: string[];
  scrollWidth: number;
  viewportWidth: number;
  smallTargets: string[];
  texts: TextSample[];
  overflowing: string[];
};

export function parseColour(css: string): Rgba {
  const m = css.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
  if (!m) throw new Error(`unexpected computed colour ${css}`);
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** `top` painted over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

/** WCAG 2.x relative luminance of an sRGB colour (channels 0–255). */
export function relativeLuminance([r, g, b]: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), the lighter over the darker. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [l1, l2] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Large text (WCAG): at least 18 pt (24 px), or 14 pt (18.67 px) and bold. */
const isLarge = (s: TextSample) => s.fontSizePx >= 24 || (s.fontSizePx >= 18.66 && s.fontWeight >= 700);

function contrastProblems(samples: TextSample[]): string[] {
  const problems: string[] = [];
  for (const s of samples) {
    const white: Rgba = [255, 255, 255, 1];
    const background = s.backgrounds
      .map(parseColour)
      .reduceRight<Rgba>((below, layer) => over(layer, below), white);
    const [r, g, b, a] = parseColour(s.color);
    const text = over([r, g, b, a * s.opacity], background);
    const ratio = contrastRatio(text, background);
    const needed = isLarge(s) ? 3 : 4.5;
    if (ratio < needed)
      problems.push(
        `contrast ${ratio.toFixed(2)} < ${needed}: ${s.what} "${s.text}" (${s.color} on ${s.backgrounds.join(' / ')})`,
      );
  }
  return problems;
}

/** Gathers the facts in the page; plain browser code, no imports. */
function pageFacts(minTarget: number): PageFacts {
  const describe = (e: Element) => {
    const id = e.id ? `#${e.id}` : '';
    const cls =
      typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
    return `${e.tagName.toLowerCase()}${id}${cls}`;
  };
  const shown = (e: Element) => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const style = getComputedStyle(e);
    if (style.visibility === 'hidden') return false;
    // the visually-hidden pattern (1 px, clipped) is for screen readers, not for the eye
    return !(r.width <= 1 && r.height <= 1);
  };
  const smallTargets: string[] = [];
  const controls = document.querySelectorAll(
    'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"]',
  );
  for (const e of controls) {
    if (!shown(e) && !(e instanceof HTMLInputElement && (e.type === 'radio' || e.type === 'checkbox')))
      continue;
    let target: Element = e;
    if (e instanceof HTMLInputElement && (e.type === 'radio' || e.type === 'checkbox')) {
      const label = e.closest('label') ?? (e.id ? document.querySelector(`label[for="${e.id}"]`) : null);
      if (label) target = label;
      if (!shown(target)) continue;
    }
    if (e instanceof HTMLAnchorElement && getComputedStyle(e).display === 'inline') {
      const block = e.parentElement;
      const around = (block?.textContent ?? '').replace(e.textContent ?? '', '').trim();
      if (around.length > 0) continue; // a link inside running text: WCAG 2.5.8 inline exception
    }
    const r = target.getBoundingClientRect();
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5)
      smallTargets.push(
        `${describe(e)} "${(e.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
      );
  }

  const texts: TextSample[] = [];
  const overflowing: string[] = [];
  for (const e of document.body.querySelectorAll('*')) {
    const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
    if (!own || !shown(e) || e.closest('[disabled], noscript, script, style')) continue;
    const style = getComputedStyle(e);
    const backgrounds: string[] = [];
    let opacity = 1;
    for (let at: Element | null = e; at; at = at.parentElement) {
      const s = getComputedStyle(at);
      opacity *= Number(s.opacity);
      const bg = s.backgroundColor;
      if (!/^rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') {
        backgrounds.push(bg);
        if (!bg.startsWith('rgba')) break;
      }
    }
    texts.push({
      what: describe(e),
      text: (e.textContent ?? '').trim().slice(0, 40),
      color: style.color,
      backgrounds,
      opacity,
      fontSizePx: Number.parseFloat(style.fontSize),
      fontWeight: Number(style.fontWeight),
    });
    const formControl =
      e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement;
    if (!formControl && e.scrollWidth > e.clientWidth + 1 && style.display !== 'inline')
      overflowing.push(
        `${describe(e)} "${(e.textContent ?? '').trim().slice(0, 40)}" ${e.scrollWidth} > ${e.clientWidth}`,
      );
  }
  const screenWidth = Math.min(window.innerWidth, screen.width);
  const beyond = (e: Element) => e.getBoundingClientRect().right > screenWidth + 0.5;
  const wide = [...document.body.querySelectorAll('*')]
    .filter((e) => shown(e) && beyond(e) && !(e.parentElement && beyond(e.parentElement)))
    .map(
      (e) =>
        `${describe(e)} "${(e.textContent ?? '').trim().slice(0, 40)}" right edge ${Math.round(e.getBoundingClientRect().right)}`,
    );
  return {
    wide,
    scrollWidth: document.documentElement.scrollWidth,
    // a phone browser widens its layout to the content (window.innerWidth grows); the screen does not
    viewportWidth: screenWidth,
    smallTargets,
    texts,
    overflowing,
  };
}

/** Every problem found on the page as it is now; an empty list when it passes. */
export async function auditPage(page: Page): Promise<string[]> {
  const facts = await page.evaluate(pageFacts, MIN_TARGET_PX);
  const problems: string[] = [];
  if (facts.scrollWidth > facts.viewportWidth)
    problems.push(
      `sideways scrolling: page ${facts.scrollWidth} px wide in a ${facts.viewportWidth} px viewport (${facts.wide.join('; ')})`,
    );
  problems.push(...facts.smallTargets.map((t) => `target under ${MIN_TARGET_PX} px: ${t}`));
  problems.push(...contrastProblems(facts.texts));
  problems.push(...facts.overflowing.map((o) => `content wider than its box: ${o}`));
  return problems;
}

/**
 * Android's system font size at 200 %, emulated: our CSS sizes everything in rem, so doubling the root
 * font size doubles every text and every rem-sized box, as the system setting does in Chrome.
 */
export async function doubleTextSize(page: Page): Promise<void> {
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
}
