// Messages in Vietnamese (the default) and English; the choice is remembered on the device.
import { fillTemplate } from '../../crypto/checks/reasons.ts';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;

import type { Text } from '../../src/shared/domain.ts';

export type { Text };

/** English must say everything Vietnamese says: a missing key fails the type check. */
const english: Record<MessageKey, string> = en;
const catalogue: Record<Lang, Record<MessageKey, string>> = { vi, en: english };
const STORAGE_KEY = 'phieukin.lang';
const listeners = new Set<() => void>();

function stored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Lang = stored();

export const lang = (): Lang => current;

/** The message in `language`, with {name} filled from params (for what is always in one language, such
 * as the printed cards the members read). */
export function tIn(language: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(catalogue[language][key], params);
}

/** The message in the current language, with {name} filled from params. */
export const t = (key: MessageKey, params: Record<string, string | number> = {}): string =>
  tIn(current, key, params);

/** A whole number as the current language writes it (1.234 in Vietnamese, 1,234 in English). */
export const formatNumber = (n: number): string =>
  new Intl.NumberFormat(current === 'vi' ? 'vi-VN' : 'en-GB').format(n);

/** A bilingual text from elsewhere (the rules engine), in the current language. */
export const pick = (text: Text): string => text[current];

export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private browsing: the choice lasts for this page only
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

/** Runs `listener` whenever the language changes (pages re-render). */
export function onLangChange(listener: () => void): void {
  listeners.add(listener);
}

/** Accept-Language for API calls, so errors come back in the page's language. */
/** A percentage given as "21.4" as the page's language writes it: 21,4% or 21.4%. */
export const percentText = (p: string): string => `${current === 'vi' ? p.replace('.', ',') : p}%`;

export const acceptLanguage = (): string => (current === 'en' ? 'en, vi;q=0.5' : 'vi, en;q=0.5');
