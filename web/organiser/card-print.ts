// The cards just made, ready to leave this page: a clear warning that their codes exist only here, "print"
// (the browser's print of the A4 sheets), "save PDF" (made by a worker, downloaded from this page), "void
// these cards" when they cannot be printed, and the sheets themselves as a preview.
import { isLoopback } from '../../src/shared/addresses.ts';
import { h } from '../shared/dom.ts';
import { t, tIn } from '../shared/i18n.ts';
import { runJob } from '../shared/worker-job.ts';
import type { CardsPerSheet } from './card-layout.ts';
import type { CardPdfRequest } from './card-pdf-worker.ts';
import {
  CARD_LANGUAGE,
  type CardMeeting,
  cardFaces,
  cardHeading,
  cardSheet,
  type PrintedCard,
} from './card-sheet.ts';
import { answer, meetingApi } from './organiser-api.ts';

export function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }));
  const link = h('a', { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The warning shown before printing when phones cannot open the cards' address (loopback). */
export function cardAddressWarning(origin: string): HTMLElement | null {
  if (!isLoopback(new URL(origin).hostname)) return null;
  return h('p', {
    class: 'notice warn',
    attrs: { role: 'alert', id: 'card-address-warning' },
    text: t('organiser.cards.loopback', { address: origin }),
  });
}

export async function printedCards(
  origin: string,
  meetingId: string,
  meeting: CardMeeting,
  cards: PrintedCard[],
  perSheet: CardsPerSheet,
  onVoided: (first: number, last: number) => void,
): Promise<HTMLElement> {
  const faces = await cardFaces(origin, meetingId, cards);
  const first = cards[0]!.serial;
  const last = cards[cards.length - 1]!.serial;
  const status = h('p', { class: 'small', attrs: { id: 'pdf-status', role: 'status' } });
  const pdfButton = h('button', {
    attrs: { type: 'button', id: 'save-pdf' },
    text: t('organiser.cards.pdf'),
  });
  pdfButton.addEventListener('click', async () => {
    pdfButton.disabled = true;
    status.textContent = t('organiser.cards.pdfMaking');
    const request: CardPdfRequest = {
      ...cardHeading(meeting),
      instructions: tIn(CARD_LANGUAGE, 'organiser.cards.instructions'),
      perSheet,
      faces,
    };
    try {
      const job = runJob<CardPdfRequest, Uint8Array>(
        new Worker('/assets/card-pdf-worker.js'),
        request,
        () => {},
      );
      download(await job.result, `phieukin-the-${first}-${last}.pdf`);
      status.textContent = t('organiser.cards.pdfSaved', { first, last });
    } catch (e) {
      status.textContent = t('organiser.cards.pdfFailed', { reason: (e as Error).message });
    } finally {
      pdfButton.disabled = false;
    }
  });
  const voidButton = h('button', {
    class: 'danger',
    attrs: { type: 'button', id: 'void-cards' },
    text: t('organiser.cards.voidSet'),
  });
  voidButton.addEventListener('click', async () => {
    if (!window.confirm(t('organiser.cards.voidConfirm', { first, last }))) return;
    voidButton.disabled = true;
    try {
      for (const card of cards)
        await answer(
          meetingApi.cards[':serial'].void.$post({ param: { id: meetingId, serial: String(card.serial) } }),
        );
      onVoided(first, last);
    } catch (e) {
      status.textContent = (e as Error).message;
      voidButton.disabled = false;
    }
  });
  return h(
    'section',
    { class: 'printed-cards', attrs: { id: 'printed-cards' } },
    cardAddressWarning(origin),
    h('p', { class: 'notice warn', attrs: { role: 'alert' }, text: t('organiser.cards.keep') }),
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'primary',
        attrs: { type: 'button', id: 'print-cards' },
        text: t('organiser.cards.print'),
        on: { click: () => window.print() },
      }),
      pdfButton,
      voidButton,
    ),
    status,
    cardSheet(meeting, faces, perSheet),
  );
}
