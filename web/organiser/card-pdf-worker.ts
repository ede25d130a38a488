// A Web Worker that makes the card sheets as an A4 PDF (pdf-lib), off the page's thread and loaded only
// when the organiser saves one: the same geometry as the printed page (card-layout.ts), each card's QR
// embedded as its high-resolution PNG (so it prints sharp and reads back), Vietnamese text in DejaVu Sans
// (built assets next to this script; bold for the serial, mono for the typed code). The tokens arrive
// from the page and leave only as the PDF's bytes.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { wrap } from '../../src/shared/pdf-text.ts';
import type { WorkerMessage } from '../shared/worker-job.ts';
import { A4_MM, type CardsPerSheet, COLUMNS, intoSheets, MARGIN_MM, sheetLayout } from './card-layout.ts';
import type { CardFace } from './card-sheet.ts';

export type CardPdfRequest = {
  organisation: string;
  /** the kind of meeting and its date */
  line: string;
  title: string;
  instructions: string;
  perSheet: CardsPerSheet;
  faces: CardFace[];
};

const PT_PER_MM = 72 / 25.4;
const mm = (value: number) => value * PT_PER_MM;
const GAP_MM = 3;
const BLACK = rgb(0, 0, 0);
const CUT = rgb(0.45, 0.45, 0.45);
const SIZES: Record<CardsPerSheet, { title: number; serial: number; token: number; help: number }> = {
  8: { title: 8, serial: 13, token: 10, help: 7.5 },
  12: { title: 7, serial: 11, token: 8.5, help: 6.5 },
};

function dataUrlBytes(url: string): Uint8Array {
  const binary = atob(url.slice(url.indexOf(',') + 1));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function cutLines(page: PDFPage, rows: number, width: number, height: number): void {
  const left = mm(MARGIN_MM);
  const top = mm(A4_MM.height - MARGIN_MM);
  const line = { thickness: 0.5, color: CUT, dashArray: [3, 3] };
  for (let r = 0; r <= rows; r++)
    page.drawLine({
      ...line,
      start: { x: left, y: top - r * height },
      end: { x: left + COLUMNS * width, y: top - r * height },
    });
  for (let c = 0; c <= COLUMNS; c++)
    page.drawLine({
      ...line,
      start: { x: left + c * width, y: top },
      end: { x: left + c * width, y: top - rows * height },
    });
}

async function cardPdf(request: CardPdfRequest): Promise<Uint8Array> {
  const { organisation, line, title, instructions, perSheet, faces } = request;
  const layout = sheetLayout(perSheet);
  const size = SIZES[perSheet];
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(title);
  const [font, bold, mono] = (await Promise.all(
    ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'].map(async (file) => {
      const response = await fetch(new URL(file, self.location.href));
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      return pdf.embedFont(await response.arrayBuffer(), { subset: true });
    }),
  )) as [PDFFont, PDFFont, PDFFont];
  const width = mm(layout.cardWidthMm);
  const height = mm(layout.cardHeightMm);
  const pad = mm(layout.paddingMm);
  const qr = mm(layout.qrMm);
  const textWidth = width - 2 * pad - qr - mm(GAP_MM);
  for (const sheet of intoSheets(faces, perSheet)) {
    const page = pdf.addPage([mm(A4_MM.width), mm(A4_MM.height)]);
    cutLines(page, Math.ceil(sheet.length / COLUMNS), width, height);
    for (const [i, face] of sheet.entries()) {
      const x = mm(MARGIN_MM) + (i % COLUMNS) * width;
      const top = mm(A4_MM.height - MARGIN_MM) - Math.floor(i / COLUMNS) * height;
      const image = await pdf.embedPng(dataUrlBytes(face.qrPng));
      page.drawImage(image, { x: x + pad, y: top - pad - qr, width: qr, height: qr });
      let y = top - pad;
      const bottom = top - height + pad;
      const textX = x + pad + qr + mm(GAP_MM);
      const write = (text: string, typeface: PDFFont, points: number, maxLines: number) => {
        for (const line of wrap(typeface, text, points, textWidth).slice(0, maxLines)) {
          if (y - points * 1.25 < bottom) return;
          y -= points * 1.25;
          page.drawText(line, { x: textX, y, size: points, font: typeface, color: BLACK });
        }
        y -= points * 0.4;
      };
      write(organisation, bold, size.title, 2);
      write(line, font, size.title, 1);
      write(title, font, size.title, 3);
      write(face.serialText, bold, size.serial, 1);
      write(face.tokenText, mono, size.token, 3);
      write(instructions, font, size.help, 6);
    }
  }
  return pdf.save();
}

self.onmessage = (event: MessageEvent<CardPdfRequest>) => {
  const post = (message: WorkerMessage<Uint8Array>) => (self as unknown as Worker).postMessage(message);
  cardPdf(event.data).then(
    (result) => post({ type: 'done', result }),
    (error: Error) => post({ type: 'error', message: error.message }),
  );
};
