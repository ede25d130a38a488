// The paper ballots as the browser shows and prints them (SPEC §3.1): one SVG per A4 page, drawn from the
// same geometry as the PDF (src/shared/paper/layout.ts) and with the same words (wording.ts), so a page
// printed from here reads back like one printed from the PDF. Units of 0.1 mm, so that no text is tiny
// for the browser; in print each page is 210 × 297 mm.
import QRCode from 'qrcode';
import type { Manifest } from '../../crypto/index.ts';
import {
  MARK_MM,
  markCentres,
  type PaperPage,
  paperQrText,
  QR_MM,
  QR_QUIET,
} from '../../src/shared/paper/layout.ts';
import {
  PAPER_INSTRUCTIONS,
  PAPER_TITLE,
  paperPageFooter,
  paperPageLabel,
} from '../../src/shared/paper/wording.ts';

const SVG = 'http://www.w3.org/2000/svg';
const XHTML = 'http://www.w3.org/1999/xhtml';
/** user units per millimetre */
const U = 10;
/** a font size of `points`, in user units */
const pt = (points: number) => ((points * 25.4) / 72) * U;

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Text laid out by the browser in a box of the page (mm): wrapped, or on one line cut with an ellipsis. */
function block(
  xMm: number,
  yMm: number,
  wMm: number,
  hMm: number,
  className: string,
  ...lines: Array<[string, number, boolean?]>
): SVGElement {
  const box = svg('foreignObject', { x: xMm * U, y: yMm * U, width: wMm * U, height: hMm * U });
  const div = document.createElementNS(XHTML, 'div') as HTMLDivElement;
  div.className = className;
  for (const [text, size, bold] of lines) {
    const p = document.createElementNS(XHTML, 'p') as HTMLParagraphElement;
    p.textContent = text;
    p.style.fontSize = `${pt(size)}px`;
    if (bold) p.style.fontWeight = '700';
    div.append(p);
  }
  box.append(div);
  return box;
}

function qrPath(text: string): SVGElement {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = (QR_MM.size / (modules.size + 2 * QR_QUIET)) * U;
  const x0 = QR_MM.x * U + QR_QUIET * cell;
  const y0 = QR_MM.y * U + QR_QUIET * cell;
  let d = '';
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) d += `M${x0 + c * cell} ${y0 + r * cell}h${cell}v${cell}h${-cell}z`;
  return svg('path', { d, fill: '#000', 'shape-rendering': 'crispEdges' });
}

/** A rectangle of the page given by its centre and size in mm. */
const square = (xMm: number, yMm: number, wMm: number, hMm: number, paint: Record<string, string | number>) =>
  svg('rect', { x: (xMm - wMm / 2) * U, y: (yMm - hMm / 2) * U, width: wMm * U, height: hMm * U, ...paint });

/** One printed page of a paper ballot. */
export function paperPageView(manifest: Manifest, page: PaperPage, token: string): SVGElement {
  const root = svg('svg', {
    class: 'paper-page',
    viewBox: `0 0 ${page.widthMm * U} ${page.heightMm * U}`,
    role: 'img',
    'aria-label': paperPageLabel(page),
    'data-ballot': page.ballot,
    'data-page': page.page,
  });
  root.append(svg('rect', { x: 0, y: 0, width: page.widthMm * U, height: page.heightMm * U, fill: '#fff' }));
  for (const m of markCentres())
    root.append(square(m.xMm, m.yMm, MARK_MM.size, MARK_MM.size, { fill: '#000' }));
  root.append(qrPath(paperQrText(manifest.meetingId, page.ballot, page.page, page.pages, token)));
  root.append(
    block(
      20,
      16,
      138,
      34,
      'paper-text',
      [manifest.organisation, 10, true],
      [PAPER_TITLE[manifest.kind], 12, true],
      [manifest.title, 10],
      [paperPageLabel(page), 10, true],
    ),
    block(20, 51, 170, 12, 'paper-text', [PAPER_INSTRUCTIONS, 8]),
  );
  for (const row of page.rows) {
    if (row.header)
      for (const label of row.header.labels)
        root.append(
          block(
            label.xMm - label.widthMm / 2,
            row.header.yMm + 0.5,
            label.widthMm,
            9,
            'paper-text paper-label',
            [label.text, 6.5],
          ),
        );
    root.append(
      block(20, row.yMm - 2.6, 80, 5, 'paper-text paper-subject', [`${row.number}. ${row.subject}`, 9]),
    );
  }
  for (const box of page.boxes)
    root.append(
      square(box.xMm, box.yMm, box.wMm, box.hMm, { fill: 'none', stroke: '#000', 'stroke-width': 0.35 * U }),
    );
  root.append(
    svg('text', { x: 20 * U, y: 291 * U, 'font-size': pt(7), fill: '#595959' }, paperPageFooter(page)),
  );
  return root;
}
