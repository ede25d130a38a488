// Codes typed by people: the verifier's own example confirmation code is one it accepts, and the card's
// token and confirmation codes are read through case, spaces, dashes and the look-alikes 0/O, 1/I, 8/B.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newToken, tokenForDisplay, tokenText } from '../../crypto/index.ts';
import { readTypedToken } from '../../web/booth/card-token.ts';
import { normaliseCode } from '../../web/shared/confirmation-code.ts';

const messages = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../web/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;

describe('typed codes', () => {
  for (const lang of ['vi', 'en'])
    it(`accepts the example confirmation code the verifier shows (${lang})`, () => {
      const example = /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(
        messages(lang)['verify.code.help']!,
      );
      expect(example).not.toBeNull();
      expect(normaliseCode(example![0])).toBe(example![0]);
    });

  it('reads look-alikes, case and dashes in a confirmation code', () => {
    expect(normaliseCode('kq7m 3dxa-p1z4.wn2e')).toBe('KQ7M-3DXA-PIZ4-WN2E');
    expect(normaliseCode('0BCD-8888-2345-7777')).toBe('OBCD-BBBB-2345-7777');
    expect(normaliseCode('ABCD-EFGH-2345-6789')).toBeNull();
  });

  it('reads a card token typed with look-alikes and points at a character it cannot read', () => {
    const token = newToken();
    const typed = tokenForDisplay(token)
      .toLowerCase()
      .replace(/o/g, '0')
      .replace(/i/g, '1')
      .replace(/b/g, '8');
    expect(readTypedToken(typed)).toEqual({ token: tokenText(token) });
    expect(readTypedToken(`AB${'C'.repeat(10)} 9`)).toEqual({ unreadable: { at: 13, character: '9' } });
    expect(readTypedToken('ABCD EFGH')).toEqual({ length: 8 });
  });
});
