// Confirmation codes (SPEC §4): 16 base32 characters shown XXXX-XXXX-XXXX-XXXX. A typed code is read
// tolerantly: case, spaces, dashes and the look-alikes 0, 1, 8 do not matter (typed-code.ts).
import { typedLetters } from './typed-code.ts';

const BASE32 = /^[A-Z2-7]{16}$/;

/** The code in its shown form, or null when the text cannot be one. */
export function normaliseCode(text: string): string | null {
  const read = typedLetters(text);
  const clean = 'letters' in read ? read.letters : '';
  return BASE32.test(clean) ? clean.replace(/(.{4})(?=.)/g, '$1-') : null;
}
