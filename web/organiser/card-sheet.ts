// Printed cards (SPEC §3, DESIGN §2): the tokens are made in this browser, only (serial, pk) go to the
// server, and the A4 sheets of 8 or 12 numbered cards (QR at error correction Q, the token also as text,
// short instructions, cut lines) are printed through the browser or saved as a PDF. The tokens live in
// this page only and are gone when it closes.
import QRCode from 'qrcode';
import { base64url, cardUrl, credentialFromToken, newToken, tokenForDisplay } from '../../crypto/index.ts';
import { vietnamTime } from '../../src/shared/minutes/minutes.ts';
import { h } from '../shared/dom.ts';
import { t, tIn } from '../shared/i18n.ts';
import { type CardsPerSheet, intoSheets, sheetLayout, shortTitle } from './card-layout.ts';
import { answer, meetingApi } from './organiser-api.ts';

export type PrintedCard = { serial: number; token: Uint8Array };

/** A card ready to print: its QR as a PNG (about 300 dpi at the printed size) and its texts. */
export type CardFace = { serial: number; serialText: string; tokenText: string; qrPng: string };

const QR_PIXELS = 600;

/** The members read the cards: they are printed in Vietnamese whatever language the console is in. */
export const CARD_LANGUAGE = 'vi';

/** Makes `count` cards from `firstSerial` on and registers their public keys. */
export async function makeCards(
  meetingId: string,
  firstSerial: number,
  count: number,
): Promise<PrintedCard[]> {
  const cards = Array.from({ length: count }, (_, i) => ({ serial: firstSerial + i, token: newToken() }));
  await answer(
    meetingApi.cards.$post({
      param: { id: meetingId },
      json: {
        cards: cards.map((c) => ({
          serial: c.serial,
          pk: base64url(credentialFromToken(meetingId, c.token).pk),
        })),
      },
    }),
  );
  return cards;
}

/** `origin`: the server's address for phones (the meeting's booth link), not this page's address. */
export function cardFaces(origin: string, meetingId: string, cards: PrintedCard[]): Promise<CardFace[]> {
  return Promise.all(
    cards.map(async (card) => ({
      serial: card.serial,
      serialText: tIn(CARD_LANGUAGE, 'organiser.cards.serial', { serial: card.serial }),
      tokenText: tokenForDisplay(card.token),
      qrPng: await QRCode.toDataURL(cardUrl(origin, meetingId, card.token), {
        errorCorrectionLevel: 'Q',
        margin: 2,
        width: QR_PIXELS,
      }),
    })),
  );
}

/** The kind of meeting in the card's few words (one line even on a card of a 12-card sheet). */
const CARD_KIND: Record<string, string> = {
  classification: 'Xếp loại đảng viên',
  confidence: 'Lấy phiếu tín nhiệm',
  motion: 'Biểu quyết',
};

/** What a card says about its meeting: the chi bộ, the kind and date, and the title. */
export type CardMeeting = { title: string; organisation: string; kind: string; createdAt: number };

/** The card's heading lines, in Vietnamese whatever the console's language: chi bộ; kind · date; title. */
export function cardHeading(meeting: CardMeeting): { organisation: string; line: string; title: string } {
  const kind = CARD_KIND[meeting.kind] ?? meeting.kind;
  const date = vietnamTime(meeting.createdAt).split(' ')[1];
  return {
    organisation: meeting.organisation,
    line: `${kind} · ngày ${date}`,
    title: shortTitle(meeting.title),
  };
}

function cardView(face: CardFace, heading: ReturnType<typeof cardHeading>): HTMLElement {
  return h(
    'div',
    { class: 'card', attrs: { 'data-serial': face.serial } },
    h('img', {
      class: 'card-qr',
      attrs: { src: face.qrPng, alt: t('organiser.cards.qrAlt', { serial: face.serial }) },
    }),
    h(
      'div',
      { class: 'card-text' },
      h('p', { class: 'card-organisation', text: heading.organisation }),
      h('p', { class: 'card-meeting', text: heading.line }),
      h('p', { class: 'card-title', text: heading.title }),
      h('p', { class: 'card-serial', text: face.serialText }),
      h('p', { class: 'card-token', text: face.tokenText }),
      h('p', { class: 'card-help', text: tIn(CARD_LANGUAGE, 'organiser.cards.instructions') }),
    ),
  );
}

/** The sheets: on screen a preview list, in print A4 pages of `perSheet` cards with cut lines. */
export function cardSheet(meeting: CardMeeting, faces: CardFace[], perSheet: CardsPerSheet): HTMLElement {
  const heading = cardHeading(meeting);
  const layout = sheetLayout(perSheet);
  const sizes = [
    `--card-width: ${layout.cardWidthMm}mm`,
    `--card-height: ${layout.cardHeightMm}mm`,
    `--card-padding: ${layout.paddingMm}mm`,
    `--qr-size: ${layout.qrMm}mm`,
  ].join('; ');
  return h(
    'div',
    { class: 'card-sheet', attrs: { id: 'card-sheet', style: sizes, 'data-per-sheet': perSheet } },
    ...intoSheets(faces, perSheet).map((sheet) =>
      h('div', { class: `sheet per-${perSheet}` }, ...sheet.map((face) => cardView(face, heading))),
    ),
  );
}
