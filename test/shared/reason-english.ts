// The English of the verifier's code table (crypto/checks/reasons.ts): a page in Vietnamese that shows a
// problem must show none of it (the report's English text leaking through instead of the page's words).
import { REASONS } from '../../crypto/index.ts';

/** Every word of three letters or more in the English templates, their {parameters} left out. */
const WORDS = new Set(
  Object.values(REASONS).flatMap(({ template }) =>
    [...template.replace(/\{\w+\}/g, ' ').matchAll(/[A-Za-z]{3,}/g)].map((m) => m[0].toLowerCase()),
  ),
);

/** The words of the code table's English that `text` holds. */
export const reasonEnglishIn = (text: string): string[] => [
  ...new Set([...text.matchAll(/[A-Za-z]{3,}/g)].map((m) => m[0].toLowerCase()).filter((w) => WORDS.has(w))),
];
