// One meeting for the organiser: its state and counts, and the step that comes next — the trustee QR for
// the ceremony, printing cards, attendance, activating or voiding cards, opening and closing the poll.
import QRCode from 'qrcode';
import { h } from '../shared/dom.ts';
import { actionForm, field, numberInput } from '../shared/forms.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { attendanceForm } from './attendance-form.ts';
import type { CardsPerSheet } from './card-layout.ts';
import { cardsForm } from './cards-form.ts';

export type MeetingDetails = {
  id: string;
  title: string;
  kind: string;
  createdAt: number;
  status: 'ceremony' | 'ready' | 'open' | 'closed' | 'decrypted';
  trustees: { n: number; k: number };
  /** the attendance saved last, with what the minutes name (read by attendance-form.ts) */
  attendance: { summoned: number; present: number; excluded?: number; details?: unknown } | null;
  counts: { activated: number; cast: number; issued: number; voided: number };
  links: { vote: string };
};

/** Each form's action reads its own fields, so that a mistyped value is reported by its field. */
export type MeetingActions = {
  trusteeQr: () => void;
  makeCards: (form: HTMLElement, perSheet: CardsPerSheet) => void;
  attendance: (form: HTMLElement) => void;
  activate: (form: HTMLElement) => void;
  voidCard: (form: HTMLElement) => void;
  open: () => void;
  close: () => void;
};

export async function qrImage(url: string, alt: string): Promise<HTMLElement> {
  const src = await QRCode.toDataURL(url, { errorCorrectionLevel: 'Q', margin: 2, width: 280 });
  return h('img', { class: 'qr', attrs: { src, alt } });
}

/** What the page keeps between redraws: the trustee QR, the cards not yet printed, the camera panel. */
export type MeetingParts = {
  trusteeLink: HTMLElement | null;
  printed: HTMLElement | null;
  scanPanel: HTMLElement | null;
  /** paper ballots: made, printed and saved as a PDF in their own panel (paper-ballots.ts) */
  paperPanel: HTMLElement | null;
  addressWarning: HTMLElement | null;
  /** the official members who vote (the manifest's electorate): the cards to print start from it */
  electorate: number;
  /** the attendance the roster gives, shown until one is saved */
  rosterAttendance: { summoned: number; excluded: number };
  /** the confirmation before closing (close-confirm.ts), in place of the close button while it is asked */
  closeConfirm: HTMLElement | null;
};

function formWith(
  title: MessageKey,
  submit: MessageKey,
  inputs: Array<[MessageKey, HTMLInputElement | HTMLSelectElement]>,
  run: (form: HTMLElement) => void,
  id: string,
  note: HTMLElement | null = null,
): HTMLElement {
  const form: HTMLElement = actionForm(
    title,
    submit,
    [note, ...inputs.map(([label, input]) => field(label, input))],
    () => run(form),
    id,
  );
  return form;
}

export function meetingView(
  m: MeetingDetails,
  a: MeetingActions,
  {
    trusteeLink,
    printed,
    scanPanel,
    paperPanel,
    addressWarning,
    electorate,
    rosterAttendance,
    closeConfirm,
  }: MeetingParts,
): Array<HTMLElement | null> {
  const open = m.status !== 'closed' && m.status !== 'decrypted';
  const c = m.counts;
  return [
    h('p', {}, h('a', { attrs: { href: '/' }, text: t('organiser.back') })),
    h('h1', { text: m.title }),
    h('p', { attrs: { id: 'meeting-status' }, text: t(`poll.${m.status}` as MessageKey) }),
    h('p', {
      text: t('organiser.counts', {
        issued: c.issued,
        activated: c.activated,
        voided: c.voided,
        cast: c.cast,
      }),
    }),
    h(
      'ul',
      {},
      h('li', {}, h('a', { attrs: { href: `/projector/${m.id}` }, text: t('organiser.link.projector') })),
      h('li', {}, h('a', { attrs: { href: m.links.vote }, text: t('organiser.link.booth') })),
      open ? h('li', {}, h('a', { attrs: { href: `/scan/${m.id}` }, text: t('organiser.link.scan') })) : null,
      h('li', {}, h('a', { attrs: { href: `/verify?meeting=${m.id}` }, text: t('organiser.link.verify') })),
      h(
        'li',
        {},
        h('a', {
          attrs: {
            href: `/api/meetings/${m.id}/card-list.pdf`,
            download: `danh-sach-the-${m.id}.pdf`,
            id: 'card-list',
          },
          text: t('organiser.link.cardList'),
        }),
      ),
      m.status === 'decrypted'
        ? h('li', {}, h('a', { attrs: { href: `/minutes/${m.id}` }, text: t('organiser.link.minutes') }))
        : null,
      h(
        'li',
        {},
        h('a', {
          attrs: { href: `/api/meetings/${m.id}/record`, download: `phieukin-${m.id}.json` },
          text: t('organiser.link.record'),
        }),
      ),
    ),
    m.status === 'ceremony' ? trusteeLink : null,
    printed,
    m.status === 'ceremony'
      ? h(
          'section',
          {},
          h('h2', { text: t('organiser.ceremony.title') }),
          h('p', { text: t('organiser.ceremony.text', { n: m.trustees.n, k: m.trustees.k }) }),
          h(
            'div',
            { class: 'actions' },
            h('button', {
              class: 'primary',
              attrs: { type: 'button', id: 'trustee-qr' },
              text: t('organiser.ceremony.show'),
              on: { click: a.trusteeQr },
            }),
          ),
        )
      : null,
    open ? cardsForm(electorate, c.issued + c.activated, a.makeCards, addressWarning) : null,
    open ? paperPanel : null,
    m.status === 'ceremony' || m.status === 'ready'
      ? attendanceForm(m, a.attendance, rosterAttendance)
      : null,
    open ? scanPanel : null,
    open
      ? formWith(
          'organiser.activate.title',
          'organiser.activate.do',
          [
            ['organiser.activate.from', numberInput('from')],
            ['organiser.activate.to', numberInput('to')],
          ],
          a.activate,
          'activate-form',
        )
      : null,
    open
      ? formWith(
          'organiser.void.title',
          'organiser.void.do',
          [['organiser.void.serial', numberInput('serial')]],
          a.voidCard,
          'void-form',
        )
      : null,
    m.status === 'ready'
      ? h(
          'div',
          { class: 'actions' },
          h('button', {
            class: 'primary block',
            attrs: { type: 'button', id: 'open-poll' },
            text: t('organiser.open'),
            on: { click: a.open },
          }),
        )
      : null,
    m.status === 'open' && closeConfirm ? closeConfirm : null,
    m.status === 'open' && !closeConfirm
      ? h(
          'div',
          { class: 'actions' },
          h('button', {
            class: 'danger block',
            attrs: { type: 'button', id: 'close-poll' },
            text: t('organiser.close'),
            on: { click: a.close },
          }),
        )
      : null,
  ];
}
