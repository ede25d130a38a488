// The card list the ban kiểm phiếu keeps beside the biên bản: for one meeting, the serials of the cards
// (and paper ballots) printed, by state (activated, voided, not activated) as ranges "1–50, 53", with
// their counts, on one A4 page whatever their number (the type shrinks until the page holds it). It
// holds no card code: it may lie on the board's table. No node: imports: it runs on Workers too.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { KIND_TEXT } from '../minutes/pdf.ts';
import { vietnamDate, vietnamTime } from '../shared/minutes/minutes.ts';
import { type DocumentFonts, mm, PdfFlow } from './layout.ts';

export type ListedCard = { serial: number; state: 'issued' | 'active' | 'voided'; medium: 'card' | 'paper' };
export type CardListMeeting = {
  title: string;
  organisation: string;
  kind: keyof typeof KIND_TEXT;
  createdAt: number;
};

/** Consecutive serials joined: [1, 2, 3, 5] → "1–3, 5". */
export function serialRanges(serials: number[]): string {
  const sorted = [...serials].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return ranges.join(', ');
}

const STATES = [
  ['active', 'Đã kích hoạt (đã phát)'],
  ['voided', 'Đã hủy'],
  ['issued', 'Chưa kích hoạt'],
] as const;
const MEDIA = [
  ['card', 'Thẻ'],
  ['paper', 'Phiếu giấy'],
] as const;

/** The list's rows: state, count and serial ranges, per medium that has cards, and the total printed. */
export function cardListRows(cards: ListedCard[]): string[][] {
  const rows: string[][] = [];
  for (const [medium, what] of MEDIA) {
    const ofMedium = cards.filter((c) => c.medium === medium);
    if (ofMedium.length === 0) continue;
    for (const [state, label] of STATES) {
      const serials = ofMedium.filter((c) => c.state === state).map((c) => c.serial);
      rows.push([`${what}: ${label.toLowerCase()}`, String(serials.length), serialRanges(serials) || '—']);
    }
    rows.push([
      `${what}: tổng số đã in`,
      String(ofMedium.length),
      serialRanges(ofMedium.map((c) => c.serial)),
    ]);
  }
  return rows;
}

/** The table's type sizes, largest first: the first that keeps the list on one page is used. */
const SIZES = [12, 10, 8, 7, 6, 5];

async function drawn(
  meeting: CardListMeeting,
  rows: string[][],
  at: number,
  fonts: DocumentFonts,
  size: number,
): Promise<{ pdf: PDFDocument; texts: string[] }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regular, bold, italic] = await Promise.all(
    [fonts.regular, fonts.bold, fonts.italic].map((f) => pdf.embedFont(f, { subset: true })),
  );
  const texts: string[] = [];
  const flow = new PdfFlow(pdf, regular!, {
    margins: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
    bold,
    italic,
    onText: (s) => texts.push(s),
  });
  const top = flow.y;
  const left = { x: 0, width: flow.width * 0.44 };
  const right = { x: flow.width * 0.44, width: flow.width * 0.56 };
  flow.paragraph(meeting.organisation.toUpperCase(), 12, { center: true, column: left, style: 'bold' });
  flow.paragraph('*', 12, { center: true, column: left });
  flow.y = top;
  flow.paragraph('ĐẢNG CỘNG SẢN VIỆT NAM', 13, { center: true, column: right, style: 'bold' });
  flow.y = Math.min(flow.y, top - 60);
  flow.paragraph('DANH SÁCH THẺ BIỂU QUYẾT', 14, { center: true, style: 'bold' });
  flow.paragraph('(dùng cho ban kiểm phiếu; không ghi mã thẻ)', 11, { center: true, style: 'italic' });
  flow.gap(8);
  flow.paragraph(`Cuộc họp: ${meeting.title}`, 12);
  flow.paragraph(`Nội dung: ${KIND_TEXT[meeting.kind]}, ${vietnamDate(meeting.createdAt)}.`, 12);
  flow.paragraph(`Tình trạng các thẻ lúc ${vietnamTime(at)} (giờ Việt Nam).`, 12);
  flow.gap(8);
  const widths = [flow.width * 0.38, flow.width * 0.12, flow.width * 0.5];
  flow.row(['Tình trạng', 'Số lượng', 'Số thẻ'], widths, size, [], { style: 'bold', fill: true });
  for (const row of rows) flow.row(row, widths, size, [1]);
  flow.gap(24);
  flow.ensure(90);
  const signTop = flow.y;
  flow.paragraph('NGƯỜI LẬP DANH SÁCH', 12, { center: true, column: left, style: 'bold' });
  flow.paragraph('(ký, ghi rõ họ tên)', 10, { center: true, column: left, style: 'italic' });
  flow.y = signTop;
  flow.paragraph('T/M BAN KIỂM PHIẾU', 12, { center: true, column: right, style: 'bold' });
  flow.paragraph('(ký, ghi rõ họ tên)', 10, { center: true, column: right, style: 'italic' });
  return { pdf, texts };
}

/** The card list as of `at` (ms), on one A4 page; `onText` (tests) receives every string drawn. */
export async function cardListPdf(
  meeting: CardListMeeting,
  cards: ListedCard[],
  at: number,
  fonts: DocumentFonts,
  onText: (text: string) => void = () => {},
): Promise<Uint8Array> {
  const rows = cardListRows(cards);
  let made = await drawn(meeting, rows, at, fonts, SIZES[0]!);
  for (const size of SIZES.slice(1)) {
    if (made.pdf.getPageCount() === 1) break;
    made = await drawn(meeting, rows, at, fonts, size);
  }
  for (const text of made.texts) onText(text);
  return made.pdf.save();
}
