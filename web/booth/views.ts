// The booth's screens, each a function of what the page knows: typing a token, a problem to explain, the
// ballot with its encryption progress, the review before sending (what the voter changed from the
// proposals, and the blank rows), and the confirmation code.
import type { Choices, Manifest } from '../../crypto/index.ts';
import { h } from '../shared/dom.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { optionLabel } from '../shared/option-labels.ts';
import { ballotForm, proposedChoices, questionTitle } from './ballot-form.ts';
import type { KeptReceipt } from './booth-storage.ts';
import { recordCheckView } from './record-check.ts';

type View = Array<HTMLElement | null>;

export type TokenScreen = {
  error: string | null;
  /** What was typed, kept after an error, and the character the error points at (selected). */
  typed?: string;
  pointAt?: number;
  /** null: this page cannot use the camera; otherwise the video element to show while scanning. */
  camera: { video: HTMLVideoElement; scanning: boolean } | null;
  onToken: (text: string) => void;
  onScan: () => void;
  onStopScan: () => void;
};

function cameraPart(s: TokenScreen): HTMLElement | null {
  if (!s.camera) return null;
  if (!s.camera.scanning)
    return h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'primary block',
        attrs: { type: 'button', id: 'scan' },
        text: t('booth.camera.scan'),
        on: { click: s.onScan },
      }),
    );
  return h(
    'div',
    {},
    h('p', { attrs: { role: 'status' }, text: t('booth.camera.scanning') }),
    s.camera.video,
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'block',
        attrs: { type: 'button' },
        text: t('booth.camera.stop'),
        on: { click: s.onStopScan },
      }),
    ),
  );
}

export function tokenView(s: TokenScreen): View {
  const input = h('input', {
    class: 'code',
    attrs: {
      id: 'token',
      type: 'text',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      'aria-describedby': 'token-help',
      'aria-invalid': s.error ? 'true' : null,
      value: s.typed ?? null,
    },
  });
  const pointAt = s.pointAt;
  if (pointAt !== undefined)
    requestAnimationFrame(() => {
      input.focus();
      input.setSelectionRange(pointAt, pointAt + 1);
    });
  return [
    h('h1', { text: t('booth.token.title') }),
    h('p', { text: t('booth.token.intro') }),
    s.error && s.typed === undefined
      ? h('p', { class: 'notice error', attrs: { role: 'alert' }, text: s.error })
      : null,
    cameraPart(s),
    h(
      'form',
      {
        attrs: { id: 'token-form' },
        on: {
          submit: (event) => {
            event.preventDefault();
            s.onToken(input.value);
          },
        },
      },
      h('label', { class: 'field', attrs: { for: 'token' }, text: t('booth.token.label') }),
      h('p', { class: 'muted small', attrs: { id: 'token-help' }, text: t('booth.token.help') }),
      input,
      s.error && s.typed !== undefined
        ? h('p', { class: 'field-error', attrs: { id: 'token-error', role: 'alert' }, text: s.error })
        : null,
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'primary block', attrs: { type: 'submit' }, text: t('booth.token.open') }),
      ),
    ),
  ];
}

export type Action = { label: MessageKey; run: () => void; primary?: boolean };

function actions(list: Action[]): HTMLElement | null {
  if (list.length === 0) return null;
  return h(
    'div',
    { class: 'actions' },
    ...list.map((a) =>
      h('button', {
        class: a.primary === false ? 'block' : 'primary block',
        attrs: { type: 'button' },
        text: t(a.label),
        on: { click: a.run },
      }),
    ),
  );
}

export function problemView(title: string, message: string, list: Action[], tone = 'error'): View {
  return [
    h(
      'div',
      { class: `notice ${tone}`, attrs: { role: 'alert', id: 'problem' } },
      h('h2', { text: title }),
      h('p', { text: message }),
    ),
    actions(list),
  ];
}

const INSTRUCTIONS: Record<Manifest['kind'], MessageKey> = {
  classification: 'booth.instructions.classification',
  confidence: 'booth.instructions.confidence',
  motion: 'booth.instructions.motion',
};

export type BallotScreen = {
  manifest: Manifest;
  choices: Choices;
  locked: boolean;
  notOpen: boolean;
  /** the poll opened while this page was showing the ballot */
  opened: boolean;
  /** the ballot can be sent: the poll is open and the ballot is encrypted (or already sent once) */
  ready: boolean;
  progress: HTMLElement;
  onChoose: (index: number, choice: number | null) => void;
  onSubmit: () => void;
};

export function ballotView(s: BallotScreen): View {
  return [
    h('h1', { text: s.manifest.title }),
    h('p', { class: 'muted', text: s.manifest.organisation }),
    s.notOpen
      ? h('p', { class: 'notice warn', attrs: { id: 'not-open' }, text: t('booth.notOpen.reading') })
      : null,
    s.opened && !s.notOpen
      ? h('p', { class: 'notice ok', attrs: { id: 'poll-opened', role: 'status' }, text: t('booth.opened') })
      : null,
    h('p', { text: t(INSTRUCTIONS[s.manifest.kind]) }),
    ballotForm(s.manifest, s.choices, s.locked, s.onChoose),
    h(
      'div',
      { class: 'sticky-submit' },
      s.progress,
      h('button', {
        class: 'primary block',
        attrs: { type: 'button', id: 'submit', disabled: !s.ready, 'aria-describedby': 'encrypt-status' },
        text: t('booth.submit'),
        on: { click: s.onSubmit },
      }),
    ),
  ];
}

/** The rows changed from their proposal and the rows left blank: what the review lists. */
export function ballotChanges(manifest: Manifest, choices: Choices) {
  const proposed = proposedChoices(manifest);
  const changed = manifest.questions.flatMap((q, i) => {
    const [from, to] = [proposed[i] ?? null, choices[i] ?? null];
    return from !== null && to !== null && to !== from
      ? [{ q, from: q.options[from]!, to: q.options[to]! }]
      : [];
  });
  const blank = manifest.questions.filter((_, i) => choices[i] === null);
  return { changed, blank };
}

/** One look before sending: the changes from the proposals, then the blank rows; send or go back. */
export function reviewView(manifest: Manifest, choices: Choices, back: () => void, send: () => void): View {
  const { changed, blank } = ballotChanges(manifest, choices);
  return [
    h('h1', { text: t('booth.review.title') }),
    h(
      'div',
      { attrs: { id: 'review' } },
      changed.length > 0
        ? h(
            'section',
            { attrs: { id: 'review-changed' } },
            h('h2', { text: t('booth.review.changed', { count: changed.length }) }),
            h(
              'ul',
              {},
              ...changed.map((c) =>
                h('li', {
                  text: t('booth.review.change', {
                    name: questionTitle(manifest, c.q),
                    from: optionLabel(manifest, c.from),
                    to: optionLabel(manifest, c.to),
                  }),
                }),
              ),
            ),
          )
        : null,
      blank.length > 0
        ? h(
            'section',
            { class: 'notice warn', attrs: { id: 'review-blank' } },
            h('h2', { text: t('booth.blanks.title', { count: blank.length }) }),
            h('p', { text: t('booth.blanks.text') }),
            h('ul', {}, ...blank.map((q) => h('li', { text: questionTitle(manifest, q) }))),
          )
        : null,
    ),
    actions([
      { label: 'booth.review.send', run: send },
      { label: 'booth.review.back', run: back, primary: false },
    ]),
  ];
}

export function sendingView(progress: HTMLElement): View {
  return [h('h1', { text: t('booth.sending') }), progress];
}

export function doneView(
  kept: KeptReceipt,
  kiosk: boolean,
  next: Action | null,
  seconds: number | null,
): View {
  const verifyUrl = `/verify?meeting=${encodeURIComponent(kept.meetingId)}&code=${encodeURIComponent(kept.confirmationCode)}`;
  return [
    h('h1', { text: t('booth.done.title') }),
    h('p', { text: t('booth.done.code') }),
    h('p', { class: 'code-big', attrs: { id: 'confirmation-code' }, text: kept.confirmationCode }),
    h('p', {
      class: `notice ${kept.valid ? 'ok' : 'error'}`,
      attrs: { id: 'receipt-status', 'data-valid': String(kept.valid) },
      text: kept.valid ? t('booth.done.receiptValid') : t('booth.done.receiptInvalid'),
    }),
    h('p', { text: kiosk ? t('booth.done.kiosk') : t('booth.done.kept') }),
    kiosk ? null : recordCheckView(kept),
    kiosk ? null : h('p', {}, h('a', { attrs: { href: verifyUrl }, text: t('booth.done.check') })),
    seconds !== null
      ? h('p', { class: 'muted', attrs: { role: 'timer' }, text: t('booth.done.clearing', { seconds }) })
      : null,
    next ? actions([next]) : null,
  ];
}
