// One meeting for the organiser: its state and counts, and the step that comes next — the trustee QR for
// the ceremony, printing cards, attendance, activating or voiding cards, opening and closing the poll.
import QRCode from 'qrcode';
import { h } from '../shared/dom.ts';
import { actionForm, field, numberInput } from '../shared/forms.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import type { CardsPerSheet } from './card-layout.ts';

export type MeetingDetails = {
  id: string;
  title: string;
  kind: string;
  status: 'ceremony' | 'ready' | 'open' | 'closed' | 'decrypted';
  trustees: { n: number; k: number };
  attendance: { summoned: number; present: number } | null;
  counts: { activated: number; cast: number; issued: number; voided: number };
  links: { vote: string };
};

export type MeetingActions = {
  trusteeQr: () => void;
  makeCards: (count: number, perSheet: CardsPerSheet) => void;
  attendance: (summoned: number, present: number) => void;
  activate: (from: number, to: number) => void;
  voidCard: (serial: number) => void;
  open: () => void;
  close: () => void;
};

export async function qrImage(url: string, alt: string): Promise<HTMLElement> {
  const src = await QRCode.toDataURL(url, { errorCorrectionLevel: 'Q', margin: 2, width: 280 });
  return h('img', { class: 'qr', attrs: { src, alt } });
}

const value = (form: HTMLElement, name: string) =>
  Number((form.querySelector(`[name="${name}"]`) as HTMLInputElement).value);

const perSheetSelect = () =>
  h(
    'select',
    { attrs: { name: 'perSheet' } },
    h('option', { attrs: { value: 8 }, text: t('organiser.cards.per8') }),
    h('option', { attrs: { value: 12 }, text: t('organiser.cards.per12') }),
  );

function formWith(
  title: MessageKey,
  submit: MessageKey,
  inputs: Array<[MessageKey, HTMLInputElement | HTMLSelectElement]>,
  run: (form: HTMLElement) => void,
  id: string,
): HTMLElement {
  const form: HTMLElement = actionForm(
    title,
    submit,
    inputs.map(([label, input]) => field(label, input)),
    () => run(form),
    id,
  );
  return form;
}

export function meetingView(
  m: MeetingDetails,
  a: MeetingActions,
  extra: HTMLElement | null,
  scanPanel: HTMLElement | null,
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
      h('li', {}, h('a', { attrs: { href: `/verify?meeting=${m.id}` }, text: t('organiser.link.verify') })),
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
    extra,
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
    open
      ? formWith(
          'organiser.cards.title',
          'organiser.cards.make',
          [
            ['organiser.cards.count', numberInput('count', 8)],
            ['organiser.cards.perSheet', perSheetSelect()],
          ],
          (f) => a.makeCards(value(f, 'count'), value(f, 'perSheet') === 12 ? 12 : 8),
          'cards-form',
        )
      : null,
    m.status === 'ceremony' || m.status === 'ready'
      ? formWith(
          'organiser.attendance.title',
          'organiser.save',
          [
            ['organiser.attendance.summoned', numberInput('summoned', m.attendance?.summoned ?? '')],
            ['organiser.attendance.present', numberInput('present', m.attendance?.present ?? '')],
          ],
          (f) => a.attendance(value(f, 'summoned'), value(f, 'present')),
          'attendance-form',
        )
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
          (f) => a.activate(value(f, 'from'), value(f, 'to')),
          'activate-form',
        )
      : null,
    open
      ? formWith(
          'organiser.void.title',
          'organiser.void.do',
          [['organiser.void.serial', numberInput('serial')]],
          (f) => a.voidCard(value(f, 'serial')),
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
    m.status === 'open'
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
