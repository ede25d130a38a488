// The printed card sheet's geometry, in millimetres, shared by the browser's print layout (style.css uses
// the same numbers) and the PDF: A4 with a 10 mm margin, two columns of cards, 4 rows (8 a sheet, the
// larger QR) or 6 rows (12 a sheet); every QR is printed 35–55 mm wide.
export type CardsPerSheet = 8 | 12;

export const A4_MM = { width: 210, height: 297 };
export const MARGIN_MM = 10;
export const COLUMNS = 2;

export type SheetLayout = {
  rows: number;
  qrMm: number;
  paddingMm: number;
  cardWidthMm: number;
  cardHeightMm: number;
};

const ROWS: Record<CardsPerSheet, { rows: number; qrMm: number; paddingMm: number }> = {
  8: { rows: 4, qrMm: 50, paddingMm: 4 },
  12: { rows: 6, qrMm: 38, paddingMm: 3 },
};

export function sheetLayout(perSheet: CardsPerSheet): SheetLayout {
  const { rows, qrMm, paddingMm } = ROWS[perSheet];
  return {
    rows,
    qrMm,
    paddingMm,
    cardWidthMm: (A4_MM.width - 2 * MARGIN_MM) / COLUMNS,
    cardHeightMm: Math.floor(((A4_MM.height - 2 * MARGIN_MM - 1) / rows) * 10) / 10,
  };
}

/** Splits the cards into sheets of `perSheet`. */
export function intoSheets<T>(cards: T[], perSheet: CardsPerSheet): T[][] {
  const sheets: T[][] = [];
  for (let i = 0; i < cards.length; i += perSheet) sheets.push(cards.slice(i, i + perSheet));
  return sheets;
}

/** The meeting title as printed on a card: at most `max` characters. */
export function shortTitle(title: string, max = 120): string {
  const clean = title.trim().replace(/\s+/g, ' ');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}
