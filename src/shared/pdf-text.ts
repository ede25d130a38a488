// Lines of text wrapped to a width as pdf-lib measures them: the PDF exports (src/pdf/layout.ts), the
// paper ballots (src/shared/paper/pdf.ts) and the organiser's card sheets use this one wrapping. Pure.
import type { PDFFont } from 'pdf-lib';

const widths = new WeakMap<PDFFont, Map<string, number>>();

/** The width of `text` at size 1, remembered per font (measuring through fontkit is slow). */
function unitWidth(font: PDFFont, text: string): number {
  let known = widths.get(font);
  if (!known) {
    known = new Map();
    widths.set(font, known);
  }
  let width = known.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    known.set(text, width);
  }
  return width;
}

/**
 * Splits text into lines no wider than `width` at `size`; a word longer than a line is cut. A line's
 * width is the sum of its words' and spaces' widths (each word measured once).
 */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const limit = width / size;
  const space = unitWidth(font, ' ');
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const push = () => {
    if (line) lines.push(line);
    line = '';
    lineWidth = 0;
  };
  for (let word of text.split(/\s+/)) {
    while (unitWidth(font, word) > limit && word.length > 1) {
      let cut = word.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), 1) > limit) cut--;
      push();
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    const w = unitWidth(font, word);
    if (line && lineWidth + space + w > limit) push();
    line = line ? `${line} ${word}` : word;
    lineWidth += (lineWidth > 0 ? space : 0) + w;
  }
  lines.push(line);
  return lines;
}
