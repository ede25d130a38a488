// Printed cards (SPEC §3, DESIGN §2): the tokens are made in this browser, only (serial, pk) go to the
// server, and the sheet of numbered cards (QR at error correction Q, the token also as text) is printed
// through the browser. The tokens live in this page only and are gone when it closes.
import QRCode from 'qrcode';
import { base64url, cardUrl, credentialFromToken, newToken, tokenForDisplay } from '../../crypto/index.ts';
import { h } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';
import { send } from './organiser-api.ts';

export type PrintedCard = { serial: number; token: Uint8Array };

/** Makes `count` cards from `firstSerial` on and registers their public keys. */
export async function makeCards(
  meetingId: string,
  firstSerial: number,
  count: number,
): Promise<PrintedCard[]> {
  const cards = Array.from({ length: count }, (_, i) => ({ serial: firstSerial + i, token: newToken() }));
  await send('POST', `/meetings/${encodeURIComponent(meetingId)}/cards`, {
    cards: cards.map((c) => ({
      serial: c.serial,
      pk: base64url(credentialFromToken(meetingId, c.token).pk),
    })),
  });
  return cards;
}

export async function cardSheet(
  meetingId: string,
  title: string,
  cards: PrintedCard[],
): Promise<HTMLElement> {
  const items = await Promise.all(
    cards.map(async (card) => {
      const url = cardUrl(location.origin, meetingId, card.token);
      const image = await QRCode.toDataURL(url, { errorCorrectionLevel: 'Q', margin: 2, width: 220 });
      return h(
        'div',
        { class: 'card' },
        h('p', { class: 'card-title', text: title }),
        h('img', { attrs: { src: image, alt: t('organiser.cards.qrAlt', { serial: card.serial }) } }),
        h('p', { class: 'card-serial', text: t('organiser.cards.serial', { serial: card.serial }) }),
        h('p', { class: 'card-token', text: tokenForDisplay(card.token) }),
      );
    }),
  );
  return h('div', { class: 'card-sheet', attrs: { id: 'card-sheet' } }, ...items);
}
