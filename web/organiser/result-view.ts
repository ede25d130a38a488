// The result on the organiser's meeting page, once the board has certified it: per subject the counts and
// the rules engine's proposal with its flags and every trace line (rule, citation, certainty, text); the
// minutes page and its PDF, CSV and XLSX downloads. Before certification it says how many signatures are in.
import type { Manifest, ResultPayload } from '../../crypto/index.ts';
import {
  citationWords,
  denominatorWords,
  type RuleOutcome,
  type SubjectOutcome,
  type TraceLine,
  warningsInWords,
} from '../../src/shared/rules/index.ts';
import { h } from '../shared/dom.ts';
import { type MessageKey, percentText, pick, t } from '../shared/i18n.ts';
import { optionLabel } from '../shared/option-labels.ts';

export type MeetingResult = {
  result: ResultPayload;
  certifications: Array<{ index: number }>;
  certified: boolean;
};

function proposalLabel(manifest: Manifest, id: string): string {
  const option = manifest.questions[0]?.options.find((o) => o.id === id);
  if (option) return optionLabel(manifest, option);
  return id === 'no-majority' || id === 'not-classified'
    ? t(`organiser.result.proposal.${id}` as MessageKey)
    : id;
}

const certaintyText = (c: string) => t(`organiser.certainty.${c}` as MessageKey);

function traceItem(line: TraceLine): HTMLElement {
  return h(
    'li',
    {},
    h('span', { text: pick(line.text) }),
    h('br'),
    h('span', {
      class: 'muted small',
      text: t('organiser.result.traceSource', {
        citation: pick(citationWords(line.citation)),
        certainty: certaintyText(line.certainty),
      }),
    }),
  );
}

function countsTable(rows: Array<[string, number, string | null]>): HTMLElement {
  return h(
    'table',
    { class: 'result-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' }, text: t('organiser.result.option') }),
        h('th', { attrs: { scope: 'col' }, text: t('organiser.result.votes') }),
        h('th', { attrs: { scope: 'col' }, text: t('organiser.result.percent') }),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map(([label, votes, percent]) =>
        h(
          'tr',
          {},
          h('td', { text: label }),
          h('td', { text: String(votes) }),
          h('td', { text: percent === null ? '—' : percentText(percent) }),
        ),
      ),
    ),
  );
}

/** The meeting's numbers a subject's base is said with (denominatorWords). */
type Numbers = { summoned: number; ballots: number };

function subjectSection(manifest: Manifest, s: SubjectOutcome, n: Numbers): HTMLElement {
  const rows: Array<[string, number, string | null]> = s.tally.options.map((o) => [
    proposalLabel(manifest, o.id),
    o.votes,
    o.percent,
  ]);
  rows.push([t('organiser.result.blank'), s.tally.blank, s.tally.blankPercent]);
  return h(
    'section',
    { class: 'result-subject', attrs: { 'data-subject': s.id } },
    h('h3', { text: s.name }),
    countsTable(rows),
    h('p', {
      class: 'small',
      text: t('organiser.result.denominator', {
        base: pick(denominatorWords(s.tally.denominator, { ...n, blank: s.tally.blank })),
      }),
    }),
    h(
      'p',
      { class: 'proposal' },
      h('strong', { text: t('organiser.result.proposal') }),
      ` ${proposalLabel(manifest, s.proposal)}`,
    ),
    ...s.flags.map((f) =>
      h(
        'p',
        { class: 'notice warn small' },
        pick(f.message),
        h('br'),
        t('organiser.result.traceSource', {
          citation: pick(citationWords(f.citation)),
          certainty: certaintyText(f.certainty),
        }),
      ),
    ),
    h(
      'details',
      { class: 'trace' },
      h('summary', { text: t('organiser.result.trace', { count: s.trace.length }) }),
      h('ol', { class: 'small' }, ...s.trace.map(traceItem)),
    ),
  );
}

function countsOnly(manifest: Manifest, result: ResultPayload): HTMLElement[] {
  return result.questions.map((q) => {
    const question = manifest.questions.find((x) => x.id === q.id);
    const rows: Array<[string, number, string | null]> = q.counts.map((count, o) => [
      question?.options[o] ? optionLabel(manifest, question.options[o]!) : String(o),
      count,
      null,
    ]);
    rows.push([t('organiser.result.blank'), q.blank, null]);
    return h(
      'section',
      { class: 'result-subject', attrs: { 'data-question': q.id } },
      h('h3', { text: question ? (question.subject ?? question.prompt) : q.id }),
      countsTable(rows),
    );
  });
}

function downloads(meetingId: string): HTMLElement {
  const id = encodeURIComponent(meetingId);
  const file = (ext: string, key: MessageKey) =>
    h(
      'li',
      {},
      h('a', {
        attrs: { href: `/api/meetings/${id}/minutes.${ext}`, download: `bien-ban-${meetingId}.${ext}` },
        text: t(key),
      }),
    );
  return h(
    'ul',
    { attrs: { id: 'result-links' } },
    h('li', {}, h('a', { attrs: { href: `/minutes/${id}` }, text: t('organiser.link.minutes') })),
    file('pdf', 'organiser.result.pdf'),
    file('csv', 'organiser.result.csv'),
    file('xlsx', 'organiser.result.xlsx'),
  );
}

/** The result section for a decrypted meeting, or a note that the board has not signed enough yet. */
/** `summoned`: the attendance's, or the manifest's electorate when none was recorded (as the engine counts). */
export function resultView(manifest: Manifest, r: MeetingResult, summoned: number): HTMLElement {
  const outcome = r.result.outcome as RuleOutcome | null;
  const signed = new Set(r.certifications.map((c) => c.index)).size;
  if (!r.certified)
    return h(
      'section',
      { attrs: { id: 'result' } },
      h('h2', { text: t('organiser.result.title') }),
      h('p', {
        class: 'notice warn',
        text: t('organiser.result.waiting', { signed, k: manifest.trustees.k }),
      }),
    );
  return h(
    'section',
    { attrs: { id: 'result' } },
    h('h2', { text: t('organiser.result.title') }),
    h('p', {
      class: 'notice ok',
      text: t('organiser.result.certified', {
        signed,
        ballots: r.result.ballots,
        activated: r.result.activated,
      }),
    }),
    downloads(manifest.meetingId),
    ...(outcome ? warningsInWords(outcome) : []).map((w) =>
      h('p', { class: 'notice warn small', text: `${pick(w.message)} (${pick(citationWords(w.citation))})` }),
    ),
    ...(outcome
      ? outcome.subjects.map((s) => subjectSection(manifest, s, { summoned, ballots: r.result.ballots }))
      : countsOnly(manifest, r.result)),
  );
}
