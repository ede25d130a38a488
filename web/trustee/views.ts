// The trustee's screens: joining the ceremony and its progress, waiting for the poll, decrypting the
// totals, and signing the result. After the poll, what to do now and the one button come first; the
// counts per question are folded below.
import type { Manifest, ResultPayload } from '../../crypto/index.ts';
import { h } from '../shared/dom.ts';
import { formatNumber, type MessageKey, t } from '../shared/i18n.ts';
import { optionLabel } from '../shared/option-labels.ts';
import type { CeremonyProgress } from './board.ts';

type View = Array<HTMLElement | null>;

export function button(label: MessageKey, run: () => void, disabled = false, id?: string): HTMLElement {
  return h(
    'div',
    { class: 'actions' },
    h('button', {
      class: 'primary block',
      attrs: { type: 'button', disabled, id: id ?? null },
      text: t(label),
      on: { click: run },
    }),
  );
}

export const trusteeLine = (index: number | null): HTMLElement | null =>
  index === null
    ? null
    : h('p', { class: 'muted', attrs: { id: 'trustee-index' }, text: t('trustee.index', { index }) });

const PHASES: Record<'commitments' | 'shares' | 'acks', MessageKey> = {
  commitments: 'trustee.wait.commitments',
  shares: 'trustee.wait.shares',
  acks: 'trustee.wait.acks',
};

export function ceremonyView(progress: CeremonyProgress, busy: boolean, onJoin: () => void): View {
  if (progress.kind === 'join')
    return [h('p', { text: t('trustee.join.text') }), button('trustee.join', onJoin, busy, 'join')];
  if (progress.kind === 'complained')
    return [h('p', { class: 'notice error', text: t('trustee.complained', { against: progress.against }) })];
  return [
    h('progress', { attrs: { max: progress.need, value: progress.have } }),
    h('p', {
      attrs: { role: 'status', id: 'ceremony-status' },
      text: t(PHASES[progress.phase], { have: progress.have, need: progress.need }),
    }),
  ];
}

function questionTitle(manifest: Manifest, id: string): string {
  const q = manifest.questions.find((x) => x.id === id);
  return q ? (manifest.kind === 'motion' || !q.subject ? q.prompt : q.subject) : id;
}

/**
 * What is to be done now, by whom, and how far the board is, with its progress bar: the first thing on the
 * page, above the one button, so that a trustee on a small phone sees both without scrolling.
 */
export function boardSummary(
  text: string,
  progress: { have: number; need: number },
  id: string | null,
): HTMLElement {
  return h(
    'div',
    { class: 'notice board-summary', attrs: { role: 'status', id: 'summary' } },
    h('p', { attrs: { id }, text }),
    h('progress', {
      attrs: { max: progress.need, value: Math.min(progress.have, progress.need), 'aria-hidden': 'true' },
    }),
  );
}

/** The decrypted counts, per question (each option's votes and the blanks), folded below the summary. */
export function resultTable(
  manifest: Manifest,
  result: ResultPayload,
  folded: { open: boolean; toggle: (open: boolean) => void },
): HTMLElement {
  return h(
    'section',
    { attrs: { id: 'result' } },
    h('h2', { text: t('trustee.result.title') }),
    h('p', {
      text: t('trustee.result.ballots', {
        ballots: formatNumber(result.ballots),
        activated: formatNumber(result.activated),
      }),
    }),
    h(
      'details',
      {
        class: 'result-counts',
        attrs: { id: 'result-counts', open: folded.open },
        on: { toggle: (e) => folded.toggle((e.currentTarget as HTMLDetailsElement).open) },
      },
      h('summary', { text: t('trustee.result.counts', { count: result.questions.length }) }),
      ...result.questions.map((q) => {
        const options = manifest.questions.find((x) => x.id === q.id)?.options ?? [];
        return h(
          'section',
          { class: 'question' },
          h('h3', { text: questionTitle(manifest, q.id) }),
          h(
            'ul',
            {},
            ...q.counts.map((count, o) =>
              h('li', { text: `${options[o] ? optionLabel(manifest, options[o]!) : o}: ${count}` }),
            ),
            h('li', { text: `${t('booth.blank')}: ${q.blank}` }),
          ),
        );
      }),
    ),
  );
}
