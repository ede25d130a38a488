// A code typed from paper or a screen (a card's token, a confirmation code), both in base32 (A–Z, 2–7):
// spaces, dashes and dots are left out, lower case and the look-alikes a person types (0 for O, 1 for I,
// 8 for B: the codes have no 0, 1, 8 or 9) are read as the code's letters.

const LOOK_ALIKES: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B' };
const LETTER = /^[A-Z2-7]$/;
const IGNORED = /[\s\-.–—_]/;

/** The code's letters, or the first character (position in `text`, from 0) that is none. */
export function typedLetters(
  text: string,
): { letters: string } | { unreadable: { at: number; character: string } } {
  let letters = '';
  for (let at = 0; at < text.length; at++) {
    const character = text[at]!;
    if (IGNORED.test(character)) continue;
    const letter = LOOK_ALIKES[character] ?? character.toUpperCase();
    if (!LETTER.test(letter)) return { unreadable: { at, character } };
    letters += letter;
  }
  return { letters };
}
