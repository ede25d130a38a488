// Activating cards by scanning them as they are handed out: each card read by the camera (or typed) gives
// its token, the token its public key, the key its serial among this meeting's cards, and that serial is
// activated. A running list says what happened to every card: activated, already active, voided, unknown.
// The panel keeps its own state (and relabels itself when the language changes), so the page can
// re-render around it while the camera runs.
import type { InferResponseType } from 'hono/client';
import { publicKeyOf, tokenFromScan } from '../booth/card-token.ts';
import { ApiError } from '../shared/api.ts';
import { cameraAvailable, type Scanner, startScanner } from '../shared/camera-scan.ts';
import { h, mount } from '../shared/dom.ts';
import { type MessageKey, onLangChange, t } from '../shared/i18n.ts';
import { answer, meetingApi } from './organiser-api.ts';

/** A card as GET …/cards lists it. */
type Card = InferResponseType<typeof meetingApi.cards.$get, 200>['cards'][number];

type Outcome = { text: string; tone: 'ok' | 'error' };

export function cardScanPanel(meetingId: string, onActivated: () => void): HTMLElement {
  const param = { id: meetingId };
  let cards: Card[] = [];
  let scanner: Scanner | null = null;
  let queue = Promise.resolve();
  const labels: Array<[HTMLElement, MessageKey]> = [];
  const labelled = <T extends HTMLElement>(element: T, key: MessageKey): T => {
    labels.push([element, key]);
    element.textContent = t(key);
    return element;
  };
  onLangChange(() => {
    for (const [element, key] of labels) element.textContent = t(key);
  });
  const video = h('video', { class: 'camera', attrs: { id: 'scan-video', hidden: true } });
  const problem = labelled(
    h('p', { class: 'notice error', attrs: { id: 'scan-problem', role: 'alert', hidden: true } }),
    'organiser.scan.denied',
  );
  const log = h('ul', { class: 'scan-log', attrs: { id: 'scan-log', role: 'log', 'aria-live': 'polite' } });
  const token = h('input', {
    class: 'code',
    attrs: {
      id: 'scan-token',
      type: 'text',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
    },
  });
  const startButton = labelled(
    h('button', {
      class: 'primary',
      attrs: { type: 'button', id: 'scan-cards' },
    }),
    'organiser.scan.start',
  );
  const stopButton = labelled(
    h('button', {
      attrs: { type: 'button', id: 'scan-stop', hidden: true },
    }),
    'organiser.scan.stop',
  );

  const report = (outcome: Outcome) =>
    log.prepend(h('li', { class: `scan-${outcome.tone}`, text: outcome.text }));

  async function cardOf(pk: string): Promise<Card | undefined> {
    const known = cards.find((c) => c.pk === pk);
    if (known) return known;
    cards = (await answer(meetingApi.cards.$get({ param }))).cards;
    return cards.find((c) => c.pk === pk);
  }

  async function activate(text: string): Promise<Outcome> {
    const read = tokenFromScan(text, meetingId);
    if (read === null) return { text: t('organiser.scan.notACard'), tone: 'error' };
    if (read === 'other-meeting') return { text: t('organiser.scan.otherMeeting'), tone: 'error' };
    const card = await cardOf(publicKeyOf(meetingId, read));
    if (!card) return { text: t('organiser.scan.unknown'), tone: 'error' };
    const serial = card.serial;
    if (card.state === 'active') return { text: t('organiser.scan.already', { serial }), tone: 'error' };
    if (card.state === 'voided') return { text: t('organiser.scan.voided', { serial }), tone: 'error' };
    await answer(meetingApi.cards.activate.$post({ param, json: { from: serial, to: serial } }));
    card.state = 'active';
    onActivated();
    return { text: t('organiser.scan.activated', { serial }), tone: 'ok' };
  }

  /** Cards are handled one at a time, in the order they were read. */
  const handle = (text: string) => {
    queue = queue.then(async () => {
      try {
        report(await activate(text));
      } catch (e) {
        report({ text: e instanceof ApiError ? e.message : String(e), tone: 'error' });
      }
    });
  };

  const showCamera = (on: boolean) => {
    video.hidden = !on;
    stopButton.hidden = !on;
    startButton.hidden = on;
  };
  const stop = () => {
    scanner?.stop();
    scanner = null;
    showCamera(false);
  };
  startButton.addEventListener('click', async () => {
    problem.hidden = true;
    showCamera(true);
    try {
      scanner = await startScanner(video, handle, { many: true });
    } catch {
      showCamera(false);
      problem.hidden = false;
    }
  });
  stopButton.addEventListener('click', stop);

  const typed = h(
    'form',
    {
      attrs: { id: 'scan-token-form' },
      on: {
        submit: (event) => {
          event.preventDefault();
          if (token.value.trim()) handle(token.value);
          token.value = '';
        },
      },
    },
    labelled(h('label', { class: 'field', attrs: { for: 'scan-token' } }), 'organiser.scan.typed'),
    token,
    h(
      'div',
      { class: 'actions' },
      labelled(h('button', { attrs: { type: 'submit' } }), 'organiser.scan.typedDo'),
    ),
  );

  const panel = h('section', { attrs: { id: 'scan-panel' } });
  mount(
    panel,
    labelled(h('h2', {}), 'organiser.scan.title'),
    labelled(h('p', { class: 'muted small' }), 'organiser.scan.help'),
    cameraAvailable()
      ? h('div', { class: 'actions' }, startButton, stopButton)
      : labelled(h('p', { class: 'notice warn' }), 'organiser.scan.noCamera'),
    problem,
    video,
    typed,
    log,
  );
  return panel;
}
