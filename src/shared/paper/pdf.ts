// The paper ballots as an A4 PDF (pdf-lib): each page as src/shared/paper/layout.ts places it, in
// Vietnamese, with its corner marks, its QR (token and page) and the instructions a Party ballot gives.
// No node: imports, so a page's worker can make the same PDF.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Manifest } from '../../../crypto/index.ts';
import { wrap } from '../pdf-text.ts';
import { MARK_MM, markCentres, type PaperPage, paperQrText, QR_MM, QR_QUIET } from './layout.ts';
import { PAPER_INSTRUCTIONS, PAPER_TITLE, paperPageFooter, paperPageLabel } from './wording.ts';

const PT_PER_MM = 72 / 25.4;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

export type PaperBallot = { serial: string; token: string };
export type PaperFonts = { regular: Uint8Array; bold: Uint8Array };

/** Draws on a page in millimetres from the top-left corner. */
class MmPage {
  constructor(readonly page: PDFPage) {}
  private y = (mm: number) => this.page.getHeight() - mm * PT_PER_MM;
  rect(xMm: number, yMm: number, wMm: number, hMm: number, filled: boolean): void {
    this.page.drawRectangle({
      x: xMm * PT_PER_MM,
      y: this.y(yMm + hMm),
      width: wMm * PT_PER_MM,
      height: hMm * PT_PER_MM,
      ...(filled ? { color: BLACK } : { borderColor: BLACK, borderWidth: 1 }),
    });
  }
  text(text: string, xMm: number, baselineMm: number, font: PDFFont, size: number, grey = false): void {
    this.page.drawText(text, {
      x: xMm * PT_PER_MM,
      y: this.y(baselineMm),
      font,
      size,
      color: grey ? GREY : BLACK,
    });
  }
  /** Lines wrapped to `widthMm`, from `topMm` down; returns where they end. */
  paragraph(text: string, xMm: number, topMm: number, widthMm: number, font: PDFFont, size: number): number {
    const lineMm = (size * 1.25) / PT_PER_MM;
    let y = topMm;
    for (const line of wrap(font, text, size, widthMm * PT_PER_MM)) {
      y += lineMm;
      this.text(line, xMm, y, font, size);
    }
    return y;
  }
}

function drawQr(page: MmPage, text: string): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = QR_MM.size / (modules.size + 2 * QR_QUIET);
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c))
        page.rect(QR_MM.x + (QR_QUIET + c) * cell, QR_MM.y + (QR_QUIET + r) * cell, cell, cell, true);
}

function drawPage(
  pdfPage: PDFPage,
  manifest: Manifest,
  layout: PaperPage,
  token: string,
  fonts: { regular: PDFFont; bold: PDFFont },
): void {
  const page = new MmPage(pdfPage);
  const { regular, bold } = fonts;
  for (const m of markCentres())
    page.rect(m.xMm - MARK_MM.size / 2, m.yMm - MARK_MM.size / 2, MARK_MM.size, MARK_MM.size, true);
  drawQr(page, paperQrText(manifest.meetingId, layout.ballot, layout.page, layout.pages, token));
  page.text(manifest.organisation, 20, 20, bold, 10);
  let y = page.paragraph(PAPER_TITLE[manifest.kind], 20, 22, 138, bold, 12);
  y = page.paragraph(manifest.title, 20, y, 138, regular, 10);
  page.text(paperPageLabel(layout), 20, y + 6, bold, 10);
  page.paragraph(PAPER_INSTRUCTIONS, 20, Math.max(y + 8, 51), 170, regular, 8);
  for (const row of layout.rows) {
    if (row.header)
      for (const label of row.header.labels) {
        const lines = wrap(regular, label.text, 6.5, label.widthMm * PT_PER_MM).slice(0, 3);
        lines.forEach((line, i) => {
          const width = regular.widthOfTextAtSize(line, 6.5) / PT_PER_MM;
          page.text(line, label.xMm - width / 2, row.header!.yMm + 3 + i * 2.6, regular, 6.5);
        });
      }
    const subject = wrap(regular, `${row.number}. ${row.subject}`, 9, 80 * PT_PER_MM)[0] ?? '';
    page.text(subject, 20, row.yMm + 1.3, regular, 9);
  }
  for (const box of layout.boxes)
    page.rect(box.xMm - box.wMm / 2, box.yMm - box.hMm / 2, box.wMm, box.hMm, false);
  page.text(paperPageFooter(layout), 20, 291, regular, 7, true);
}

/** The PDF of these ballots, each as the `pages` of its serial (from ballotPages), in order. */
export async function paperBallotsPdf(
  manifest: Manifest,
  ballots: Array<PaperBallot & { pages: PaperPage[] }>,
  fonts: PaperFonts,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`Phiếu giấy: ${manifest.title}`);
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  for (const ballot of ballots)
    for (const layout of ballot.pages)
      drawPage(
        pdf.addPage([layout.widthMm * PT_PER_MM, layout.heightMm * PT_PER_MM]),
        manifest,
        layout,
        ballot.token,
        {
          regular,
          bold,
        },
      );
  return pdf.save();
}
