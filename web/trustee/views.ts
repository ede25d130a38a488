// The trustee's screens: joining the ceremony and its progress, waiting for the poll, decrypting the
// totals, and reading then signing the result.
import type { Manifest, ResultPayload } from '../../crypto/index.ts';
import { h } from '../shared/dom.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
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

/** The decrypted counts, per question: each option's votes and the blanks. */
export function resultTable(manifest: Manifest, result: ResultPayload): HTMLElement {
  return h(
    'div',
    { attrs: { id: 'result' } },
    h('p', { text: t('trustee.result.ballots', { ballots: result.ballots, activated: result.activated }) }),
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
  );
}
