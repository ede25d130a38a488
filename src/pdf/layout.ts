// Text layout on A4 pages with pdf-lib, for the PDF exports (the minutes; the committee's decisions use
// its line wrapping): lines wrapped to a width, a cursor that moves down and starts a new page when the
// next block does not fit, table rows with borders, and page numbers at the end. No node: imports.
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 };

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

export type FlowOptions = {
  margin?: number;
  /** Called with every string drawn, in order (tests read the text back this way). */
  onText?: (text: string) => void;
};

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.4, 0.4, 0.4);

/** A top-to-bottom flow of text blocks over as many A4 pages as it needs. */
export class PdfFlow {
  page: PDFPage;
  y: number;
  readonly margin: number;
  readonly width: number;
  private readonly onText: (text: string) => void;

  constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    options: FlowOptions = {},
  ) {
    this.margin = options.margin ?? 40;
    this.width = A4.width - 2 * this.margin;
    this.onText = options.onText ?? (() => {});
    this.page = pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - this.margin;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin (and page numbers). */
  ensure(height: number): void {
    if (this.y - height >= this.margin + 14) return;
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - this.margin;
  }

  gap(points: number): void {
    this.y -= points;
  }

  draw(text: string, x: number, y: number, size: number): void {
    this.onText(text);
    this.page.drawText(text, { x, y, size, font: this.font, color: BLACK });
  }

  /** A wrapped paragraph; `center` centres each line. */
  paragraph(text: string, size: number, options: { indent?: number; center?: boolean } = {}): void {
    const indent = options.indent ?? 0;
    const lines = wrap(this.font, text, size, this.width - indent);
    for (const line of lines) {
      this.ensure(size + 4);
      this.y -= size + 2;
      const x = options.center
        ? (A4.width - this.font.widthOfTextAtSize(line, size)) / 2
        : this.margin + indent;
      this.draw(line, x, this.y, size);
      this.y -= 2;
    }
  }

  /** A table row: each cell wrapped in its column, bordered; cells listed in `right` align right. */
  row(cells: string[], widths: number[], size: number, right: number[] = []): void {
    const wrapped = cells.map((cell, i) => wrap(this.font, cell, size, widths[i]! - 6));
    const height = Math.max(...wrapped.map((w) => w.length)) * (size + 3) + 5;
    this.ensure(height);
    let x = this.margin;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, j) => {
        const lineX = right.includes(i)
          ? x + widths[i]! - 3 - this.font.widthOfTextAtSize(line, size)
          : x + 3;
        this.draw(line, lineX, this.y - (j + 1) * (size + 3), size);
      });
      this.page.drawRectangle({
        x,
        y: this.y - height,
        width: widths[i]!,
        height,
        borderWidth: 0.5,
        borderColor: GREY,
      });
      x += widths[i]!;
    });
    this.y -= height;
  }

  /** Writes "label n/total" at the foot of every page. */
  numberPages(label: (page: number, total: number) => string): void {
    const pages = this.pdf.getPages();
    pages.forEach((page, i) => {
      const text = label(i + 1, pages.length);
      const size = 8;
      this.onText(text);
      page.drawText(text, {
        x: (A4.width - this.font.widthOfTextAtSize(text, size)) / 2,
        y: this.margin / 2,
        size,
        font: this.font,
        color: GREY,
      });
    });
  }
}
