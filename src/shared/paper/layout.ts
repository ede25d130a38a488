// The printed paper ballot's geometry (SPEC §3.1), in millimetres from the page's top-left corner: four
// corner marks a camera finds, the QR with the ballot's token and page, and one row per question with a
// box per option. The PDF draws it and the reader samples it, so both use this one description. Pure.
import type { Manifest } from '../../../crypto/index.ts';

export const PAGE_MM = { width: 210, height: 297 } as const;
/** Filled squares in the corners; their centres fix the page's perspective. */
export const MARK_MM = { size: 7, inset: 12 } as const;
export const QR_MM = { x: 164, y: 17, size: 32 } as const;
/** The QR's quiet zone, in modules, inside the printed square. */
export const QR_QUIET = 2;
const BOX_MM = 6;
const ROW_MM = 10;
const HEADER_MM = 10;
const FIRST_ROW_MM = 64;
const LAST_ROW_MM = 274;
const BOXES_X_MM = { from: 104, to: 196 };

export type PaperBox = {
  question: string;
  option: string;
  xMm: number;
  yMm: number;
  wMm: number;
  hMm: number;
};
/** A row's subject, and (for the first row of a run with the same options) the options' labels above it. */
export type PaperRow = {
  question: string;
  number: number;
  subject: string;
  yMm: number;
  header: { yMm: number; labels: Array<{ xMm: number; widthMm: number; text: string }> } | null;
};
export type PaperPage = {
  ballot: string;
  page: number;
  pages: number;
  widthMm: number;
  heightMm: number;
  boxes: PaperBox[];
  rows: PaperRow[];
};
/** The layout file of `phieukin paper print --layout` (issue 16's shape, with the meeting added). */
export type PaperLayout = { meetingId: string; pages: PaperPage[] };

/** Corner mark centres, clockwise from the top-left. */
export const markCentres = (): Array<{ xMm: number; yMm: number }> => {
  const { inset } = MARK_MM;
  const { width, height } = PAGE_MM;
  return [
    { xMm: inset, yMm: inset },
    { xMm: width - inset, yMm: inset },
    { xMm: width - inset, yMm: height - inset },
    { xMm: inset, yMm: height - inset },
  ];
};

const round = (mm: number) => Math.round(mm * 100) / 100;

/** The pages of one ballot: the questions in manifest order, as many rows per page as fit. */
export function ballotPages(manifest: Manifest, serial: string): PaperPage[] {
  const pages: Array<Omit<PaperPage, 'pages'>> = [];
  let current: Omit<PaperPage, 'pages'> | null = null;
  let y = 0;
  let previousOptions = '';
  manifest.questions.forEach((q, index) => {
    const optionKey = q.options.map((o) => o.label).join('\u0000');
    const needsHeader = !current || optionKey !== previousOptions;
    const height = ROW_MM + (needsHeader ? HEADER_MM : 0);
    if (!current || y + height > LAST_ROW_MM) {
      current = {
        ballot: serial,
        page: pages.length + 1,
        widthMm: PAGE_MM.width,
        heightMm: PAGE_MM.height,
        boxes: [],
        rows: [],
      };
      pages.push(current);
      y = FIRST_ROW_MM;
    }
    const withHeader = needsHeader || current.rows.length === 0;
    const headerY = y;
    if (withHeader) y += HEADER_MM;
    const rowY = y + ROW_MM / 2;
    const column = (BOXES_X_MM.to - BOXES_X_MM.from) / q.options.length;
    const centre = (o: number) => BOXES_X_MM.from + column * (o + 0.5);
    current.rows.push({
      question: q.id,
      number: index + 1,
      subject: q.subject ?? q.prompt,
      yMm: round(rowY),
      header: withHeader
        ? {
            yMm: round(headerY),
            labels: q.options.map((o, i) => ({
              xMm: round(centre(i)),
              widthMm: round(column - 1),
              text: o.label,
            })),
          }
        : null,
    });
    const box = Math.min(BOX_MM, round(column - 1.5));
    q.options.forEach((o, i) => {
      current!.boxes.push({
        question: q.id,
        option: o.id,
        xMm: round(centre(i)),
        yMm: round(rowY),
        wMm: box,
        hMm: box,
      });
    });
    y += ROW_MM;
    previousOptions = optionKey;
  });
  return pages.map((p) => ({ ...p, pages: pages.length }));
}

export function paperLayout(manifest: Manifest, serials: string[]): PaperLayout {
  return { meetingId: manifest.meetingId, pages: serials.flatMap((s) => ballotPages(manifest, s)) };
}

const QR_PREFIX = 'phieukin-paper';

/** What a page's QR holds (SPEC §3.1): not a link, so a member's camera app opens nothing with it. */
export function paperQrText(meetingId: string, serial: string, page: number, pages: number, token: string) {
  return [QR_PREFIX, meetingId, serial, page, pages, token].join(':');
}

export type PaperQr = { meetingId: string; serial: string; page: number; pages: number; token: string };

/** Reads a page's QR text; null when it is not a paper ballot's. The meeting id may itself hold colons. */
export function parsePaperQr(text: string): PaperQr | null {
  const parts = text.split(':');
  if (parts[0] !== QR_PREFIX || parts.length < 6) return null;
  const token = parts.at(-1)!;
  const pages = Number(parts.at(-2));
  const page = Number(parts.at(-3));
  const serial = parts.at(-4)!;
  const meetingId = parts.slice(1, -4).join(':');
  if (!Number.isInteger(page) || !Number.isInteger(pages) || page < 1 || page > pages) return null;
  if (!/^[A-Z2-7]{26}$/.test(token) || !serial || !meetingId) return null;
  return { meetingId, serial, page, pages, token };
}
