// Text layout on A4 pages with pdf-lib, for the PDF exports (the minutes; the committee's decisions use
// its line wrapping): lines wrapped to a width, a cursor that moves down and starts a new page when the
// next block does not fit, table rows with borders, regular, bold and italic faces, margins per side, and
// page numbers at the end. No node: imports.
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { wrap } from '../shared/pdf-text.ts';

export const A4 = { width: 595.28, height: 841.89 };

export { wrap };

export type FlowOptions = {
  /** The same margin on every side (points); `margins` sets them one by one. */
  margin?: number;
  margins?: { top: number; bottom: number; left: number; right: number };
  /** The family's other faces; without them bold and italic text is drawn in the regular face. */
  bold?: PDFFont;
  italic?: PDFFont;
  /** Called with every string drawn, in order (tests read the text back this way). */
  onText?: (text: string) => void;
};

export type TextStyle = 'regular' | 'bold' | 'italic';
export type ParagraphOptions = {
  indent?: number;
  /** indent of the first line only (a body paragraph's 1 cm) */
  firstLine?: number;
  center?: boolean;
  style?: TextStyle;
  /** line height; size + 4 unless given */
  leading?: number;
  /** a column of the page instead of the whole width: its left edge (from the left margin) and width */
  column?: { x: number; width: number };
};
export type RowOptions = { style?: TextStyle; center?: number[]; fill?: boolean };

/** Millimetres to points. */
export const mm = (n: number) => (n * 72) / 25.4;

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.4, 0.4, 0.4);
const SHADE = rgb(0.93, 0.93, 0.93);

/** A top-to-bottom flow of text blocks over as many A4 pages as it needs. */
export class PdfFlow {
  page: PDFPage;
  y: number;
  /** the left margin (x of the text's left edge) */
  readonly margin: number;
  readonly margins: { top: number; bottom: number; left: number; right: number };
  readonly width: number;
  private readonly onText: (text: string) => void;
  private readonly faces: Record<TextStyle, PDFFont>;

  constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    options: FlowOptions = {},
  ) {
    const m = options.margin ?? 40;
    this.margins = options.margins ?? { top: m, bottom: m, left: m, right: m };
    this.margin = this.margins.left;
    this.width = A4.width - this.margins.left - this.margins.right;
    this.onText = options.onText ?? (() => {});
    this.faces = { regular: font, bold: options.bold ?? font, italic: options.italic ?? font };
    this.page = pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - this.margins.top;
  }

  face(style: TextStyle = 'regular'): PDFFont {
    return this.faces[style];
  }

  /** Starts a new page unless `height` points still fit above the bottom margin (and page numbers). */
  ensure(height: number): void {
    if (this.y - height >= this.margins.bottom + 14) return;
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - this.margins.top;
  }

  gap(points: number): void {
    this.y -= points;
  }

  draw(text: string, x: number, y: number, size: number, style: TextStyle = 'regular'): void {
    this.onText(text);
    this.page.drawText(text, { x, y, size, font: this.faces[style], color: BLACK });
  }

  /** Text centred on `center` (an x), at the cursor's baseline minus `down`. */
  centred(text: string, center: number, down: number, size: number, style: TextStyle = 'regular'): void {
    const w = this.faces[style].widthOfTextAtSize(text, size);
    this.draw(text, center - w / 2, this.y - down, size, style);
  }

  /** A horizontal rule from x1 to x2 at height y. */
  rule(x1: number, x2: number, y: number, thickness = 0.6): void {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: BLACK });
  }

  /** A wrapped paragraph; `center` centres each line (in its column). */
  paragraph(text: string, size: number, options: ParagraphOptions = {}): void {
    const indent = options.indent ?? 0;
    const first = options.firstLine ?? 0;
    const font = this.faces[options.style ?? 'regular'];
    const column = options.column ?? { x: 0, width: this.width };
    const leading = options.leading ?? size + 4;
    const lines = first
      ? (() => {
          const [head = '', ...rest] = wrap(font, text, size, column.width - indent - first);
          const tail = rest.join(' ');
          return tail ? [head, ...wrap(font, tail, size, column.width - indent)] : [head];
        })()
      : wrap(font, text, size, column.width - indent);
    lines.forEach((line, i) => {
      this.ensure(leading);
      this.y -= leading - 2;
      const left = this.margin + column.x;
      const x = options.center
        ? left + (column.width - font.widthOfTextAtSize(line, size)) / 2
        : left + indent + (i === 0 ? first : 0);
      this.draw(line, x, this.y, size, options.style);
      this.y -= 2;
    });
  }

  /** The height `row` would give these cells. */
  rowHeight(cells: string[], widths: number[], size: number, style: TextStyle = 'regular'): number {
    const font = this.faces[style];
    return (
      Math.max(...cells.map((cell, i) => wrap(font, cell, size, widths[i]! - 5).length)) * (size + 2.5) + 4
    );
  }

  /** A table row: each cell wrapped in its column, bordered; cells listed in `right` align right. */
  row(cells: string[], widths: number[], size: number, right: number[] = [], options: RowOptions = {}): void {
    const font = this.faces[options.style ?? 'regular'];
    const wrapped = cells.map((cell, i) => wrap(font, cell, size, widths[i]! - 5));
    const height = this.rowHeight(cells, widths, size, options.style);
    this.ensure(height);
    let x = this.margin;
    wrapped.forEach((lines, i) => {
      if (options.fill)
        this.page.drawRectangle({ x, y: this.y - height, width: widths[i]!, height, color: SHADE });
      lines.forEach((line, j) => {
        const w = font.widthOfTextAtSize(line, size);
        const lineX = right.includes(i)
          ? x + widths[i]! - 2.5 - w
          : options.center?.includes(i)
            ? x + (widths[i]! - w) / 2
            : x + 2.5;
        this.draw(line, lineX, this.y - (j + 1) * (size + 2.5) + 0.5, size, options.style);
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

  /**
   * Writes each page's label: at the foot of every page by default; `top` puts it at the top centre and
   * leaves the first page unnumbered (as Party documents are numbered).
   */
  numberPages(
    label: (page: number, total: number) => string,
    options: { top?: boolean; size?: number } = {},
  ): void {
    const pages = this.pdf.getPages();
    const size = options.size ?? 8;
    pages.forEach((page, i) => {
      if (options.top && i === 0) return;
      const text = label(i + 1, pages.length);
      this.onText(text);
      page.drawText(text, {
        x: (A4.width - this.font.widthOfTextAtSize(text, size)) / 2,
        y: options.top ? A4.height - this.margins.top / 2 - size / 2 : this.margins.bottom / 2,
        size,
        font: this.font,
        color: options.top ? BLACK : GREY,
      });
    });
  }
}

/**
 * The TrueType files of a Party document's serif family (DejaVu Serif Condensed: the nearest to the
 * Times New Roman of Hướng dẫn 36-HD/VPTW that carries every Vietnamese letter and may be embedded).
 */
export type DocumentFonts = { regular: Uint8Array; bold: Uint8Array; italic: Uint8Array };
