// The minutes of the count (biên bản kiểm phiếu), for A4: attendance, cards and ballots, per subject
// each option's votes and percentage with the blanks, the rule set's proposal with its trace, the board's
// signatures, and a QR code that opens the verifier for this record.
import type { AttendancePayload, Manifest, ResultPayload } from '../../crypto/index.ts';
import type { RuleOutcome, SubjectOutcome } from '../../src/rules/index.ts';
import { h } from '../shared/dom.ts';
import { type MessageKey, pick, t } from '../shared/i18n.ts';
import { optionLabel } from '../shared/option-labels.ts';

export type MinutesData = {
  manifest: Manifest;
  result: ResultPayload;
  attendance: AttendancePayload | null;
  signedBy: number[];
  certified: boolean;
  verifyQr: HTMLElement;
  verifyUrl: string;
};

function labelOf(manifest: Manifest, id: string): string {
  const option = manifest.questions[0]?.options.find((o) => o.id === id);
  if (option) return optionLabel(manifest, option);
  return id === 'no-majority' || id === 'not-classified' ? t(`minutes.proposal.${id}` as MessageKey) : id;
}

function subjectSection(manifest: Manifest, s: SubjectOutcome): HTMLElement {
  return h(
    'section',
    { class: 'minutes-subject' },
    h('h3', { text: s.name }),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { text: t('minutes.option') }),
          h('th', { text: t('minutes.votes') }),
          h('th', { text: t('minutes.percent') }),
        ),
      ),
      h(
        'tbody',
        {},
        ...s.tally.options.map((o) =>
          h(
            'tr',
            {},
            h('td', { text: labelOf(manifest, o.id) }),
            h('td', { text: String(o.votes) }),
            h('td', { text: `${o.percent}%` }),
          ),
        ),
        h(
          'tr',
          {},
          h('td', { text: t('booth.blank') }),
          h('td', { text: String(s.tally.blank) }),
          h('td', { text: `${s.tally.blankPercent}%` }),
        ),
      ),
    ),
    h('p', {
      class: 'small',
      text: t('minutes.denominator', { value: s.tally.denominator.value, basis: s.tally.denominator.basis }),
    }),
    h('p', {}, h('strong', { text: t('minutes.proposal') }), ` ${labelOf(manifest, s.proposal)}`),
    ...s.flags.map((f) => h('p', { class: 'small notice warn', text: pick(f.message) })),
    h(
      'ol',
      { class: 'small trace' },
      ...s.trace.map((line) => h('li', { text: `${pick(line.text)} (${line.citation})` })),
    ),
  );
}

function countsOnly(manifest: Manifest, result: ResultPayload): HTMLElement[] {
  return result.questions.map((q) => {
    const question = manifest.questions.find((x) => x.id === q.id);
    return h(
      'section',
      { class: 'minutes-subject' },
      h('h3', { text: question ? (question.subject ?? question.prompt) : q.id }),
      h(
        'ul',
        {},
        ...q.counts.map((count, o) =>
          h('li', { text: `${question ? optionLabel(manifest, question.options[o]!) : o}: ${count}` }),
        ),
        h('li', { text: `${t('booth.blank')}: ${q.blank}` }),
      ),
    );
  });
}

export function minutesView(d: MinutesData): Array<HTMLElement | null> {
  const outcome = d.result.outcome as RuleOutcome | null;
  const a = d.attendance;
  return [
    h(
      'div',
      { class: 'minutes-head' },
      h('p', { text: d.manifest.organisation }),
      h('p', { text: t('minutes.party') }),
    ),
    h('h1', { class: 'minutes-title', text: t('minutes.title') }),
    h('p', { class: 'minutes-title', text: d.manifest.title }),
    h('h2', { text: t('minutes.attendance') }),
    a
      ? h('p', {
          text: t('minutes.attendance.line', {
            summoned: a.summoned,
            present: a.present,
            excluded: a.excluded ?? 0,
          }),
        })
      : h('p', { class: 'muted', text: t('minutes.attendance.none') }),
    h('h2', { text: t('minutes.ballots') }),
    h('p', { text: t('minutes.ballots.line', { activated: d.result.activated, ballots: d.result.ballots }) }),
    h('h2', { text: t('minutes.results') }),
    ...(outcome
      ? outcome.subjects.map((s) => subjectSection(d.manifest, s))
      : countsOnly(d.manifest, d.result)),
    ...(outcome?.warnings ?? []).map((w) => h('p', { class: 'notice warn small', text: pick(w.message) })),
    h('h2', { text: t('minutes.board') }),
    h('p', {
      text: t('minutes.board.line', {
        used: d.result.trusteesUsed.join(', '),
        signed: d.signedBy.join(', ') || '—',
      }),
    }),
    h('p', {
      attrs: { id: 'certified' },
      text: d.certified ? t('minutes.certified') : t('minutes.notCertified'),
    }),
    h(
      'div',
      { class: 'minutes-signatures' },
      ...Array.from({ length: d.manifest.trustees.n }, (_, i) =>
        h('div', { class: 'signature', text: t('minutes.signature', { index: i + 1 }) }),
      ),
    ),
    h('h2', { text: t('minutes.verify') }),
    d.verifyQr,
    h('p', { class: 'small', text: d.verifyUrl }),
  ];
}
