// What the projector shows, large enough to read from the back of the room: the key ceremony's progress
// (with the board's joining QR for the organiser), the cards activated and ballots cast with a progress
// bar, and once the board has certified it the result per subject with QR codes to the minutes and the
// verifier. Nothing here says how anyone voted.
import QRCode from 'qrcode';
import type { Manifest, ResultPayload } from '../../crypto/index.ts';
import type { RuleOutcome, SubjectOutcome } from '../../src/shared/rules/index.ts';
import { h } from '../shared/dom.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import type { Counts, Feed } from '../shared/live-counts.ts';
import { optionLabel, optionShortLabel } from '../shared/option-labels.ts';

export type Ceremony = {
  trustees: { n: number; k: number };
  commitments: unknown[];
  acks: unknown[];
};

/** The trustee QR part: none (no organiser here), a button to make one, or the code itself. */
export type TrusteeQr =
  | { kind: 'none' }
  | { kind: 'offer'; onShow: () => void; joined: number }
  | { kind: 'shown'; image: HTMLElement; url: string };

export async function qrImage(url: string, alt: string): Promise<HTMLElement> {
  const src = await QRCode.toDataURL(url, { errorCorrectionLevel: 'Q', margin: 2, width: 480 });
  return h('img', { class: 'qr', attrs: { src, alt } });
}

function trusteeQrPart(qr: TrusteeQr): HTMLElement | null {
  if (qr.kind === 'none') return null;
  if (qr.kind === 'offer')
    return h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'primary',
        attrs: { type: 'button', id: 'show-trustee-qr', 'aria-describedby': 'trustee-qr-warning' },
        text: t('projector.qr.show'),
        on: { click: qr.onShow },
      }),
      h('p', {
        class: qr.joined > 0 ? 'notice warn' : 'muted',
        attrs: { id: 'trustee-qr-warning' },
        text: t('projector.qr.warning'),
      }),
    );
  return h(
    'figure',
    { class: 'projector-qr', attrs: { id: 'trustee-qr' } },
    qr.image,
    h('figcaption', { text: t('projector.qr.caption') }),
    h('p', { class: 'small projector-url', text: qr.url }),
  );
}

export function ceremonyView(ceremony: Ceremony | null, qr: TrusteeQr): HTMLElement {
  const n = ceremony?.trustees.n ?? 0;
  return h(
    'section',
    { attrs: { id: 'ceremony', 'aria-live': 'polite' } },
    h('p', { class: 'projector-status', text: t('poll.ceremony') }),
    h(
      'div',
      { class: 'projector-ceremony' },
      ceremony
        ? h(
            'div',
            { class: 'projector-numbers' },
            bigNumber('trustees-joined', `${ceremony.commitments.length}/${n}`, 'projector.ceremony.joined'),
            bigNumber('trustees-confirmed', `${ceremony.acks.length}/${n}`, 'projector.ceremony.confirmed'),
          )
        : null,
      trusteeQrPart(qr),
    ),
  );
}

function bigNumber(id: string, value: string | number, label: MessageKey): HTMLElement {
  return h(
    'p',
    { class: 'projector-number' },
    h('strong', { attrs: { id }, text: String(value) }),
    h('span', { text: t(label) }),
  );
}

const WAITING: Partial<Record<Counts['status'], MessageKey>> = {
  ready: 'projector.status.ready',
  closed: 'projector.status.closed',
  decrypted: 'projector.status.certifying',
};

export function countsView(counts: Counts, feed: Feed): HTMLElement {
  const percent = counts.activated > 0 ? Math.floor((100 * counts.cast) / counts.activated) : 0;
  return h(
    'section',
    { attrs: { id: 'counts', 'data-feed': feed } },
    h('p', { class: 'projector-status', text: t(WAITING[counts.status] ?? `poll.${counts.status}`) }),
    h(
      'div',
      { class: 'projector-numbers', attrs: { role: 'status' } },
      bigNumber('cast', counts.cast, 'projector.cast'),
      bigNumber('activated', counts.activated, 'projector.activated'),
    ),
    h('progress', {
      class: 'projector-progress',
      attrs: {
        id: 'turnout',
        max: Math.max(counts.activated, 1),
        value: counts.cast,
        'aria-label': t('projector.turnout'),
      },
    }),
    h('p', {
      class: 'projector-caption',
      text: t('projector.turnout.line', { cast: counts.cast, activated: counts.activated, percent }),
    }),
    feed === 'lost'
      ? h('p', { class: 'notice error', attrs: { role: 'alert' }, text: t('projector.lost') })
      : null,
  );
}

function labelOf(manifest: Manifest, id: string): string {
  if (manifest.kind === 'motion' && (id === 'yes' || id === 'no')) return t(`projector.motion.${id}`);
  if (id === 'no-majority' || id === 'not-classified') return t(`projector.proposal.${id}`);
  const option = manifest.questions[0]?.options.find((o) => o.id === id);
  return option ? optionLabel(manifest, option) : id;
}

/** Each option's votes, with the short level names (HTXSNV…) on a classification. */
function votesLine(manifest: Manifest, parts: Array<{ id: string; votes: number }>, blank: number): string {
  const options = manifest.questions[0]?.options ?? [];
  const short = (id: string) => {
    const option = options.find((o) => o.id === id);
    return option ? optionShortLabel(manifest, option) : id;
  };
  return [...parts.map((p) => `${short(p.id)}: ${p.votes}`), `${t('booth.blank')}: ${blank}`].join(' · ');
}

function subjectCard(manifest: Manifest, s: SubjectOutcome): HTMLElement {
  return h(
    'li',
    { class: 'projector-subject', attrs: { 'data-subject': s.id } },
    h('h3', { text: s.name }),
    h('p', { class: 'projector-proposal', text: labelOf(manifest, s.proposal) }),
    h('p', {
      class: 'projector-votes',
      text: votesLine(
        manifest,
        s.tally.options.map((o) => ({ id: o.id, votes: o.votes })),
        s.tally.blank,
      ),
    }),
  );
}

/** Counts alone, for a meeting without a rule set (no proposal to show). */
function countsCard(manifest: Manifest, q: ResultPayload['questions'][number]): HTMLElement {
  const question = manifest.questions.find((x) => x.id === q.id);
  const parts = q.counts.map((votes, i) => ({ id: question?.options[i]?.id ?? String(i), votes }));
  return h(
    'li',
    { class: 'projector-subject', attrs: { 'data-subject': q.id } },
    h('h3', { text: question ? (question.subject ?? question.prompt ?? q.id) : q.id }),
    h('p', { class: 'projector-votes', text: votesLine(manifest, parts, q.blank) }),
  );
}

export type ResultScreen = {
  manifest: Manifest;
  result: ResultPayload;
  minutes: { url: string; image: HTMLElement };
  verify: { url: string; image: HTMLElement };
};

export function resultView(r: ResultScreen): HTMLElement {
  const outcome = r.result.outcome as RuleOutcome | null;
  const link = (id: string, label: MessageKey, target: { url: string; image: HTMLElement }) =>
    h(
      'figure',
      { class: 'projector-link', attrs: { id } },
      target.image,
      h('figcaption', {}, h('a', { attrs: { href: target.url }, text: t(label) })),
    );
  return h(
    'section',
    { attrs: { id: 'result' } },
    h('h2', { class: 'projector-status', text: t('projector.result.title') }),
    h('p', {
      class: 'projector-caption',
      text: t('projector.result.ballots', { ballots: r.result.ballots, activated: r.result.activated }),
    }),
    h(
      'ul',
      { class: 'projector-subjects' },
      ...(outcome
        ? outcome.subjects.map((s) => subjectCard(r.manifest, s))
        : r.result.questions.map((q) => countsCard(r.manifest, q))),
    ),
    h(
      'div',
      { class: 'projector-links' },
      link('minutes-link', 'projector.result.minutes', r.minutes),
      link('verify-link', 'projector.result.verify', r.verify),
    ),
  );
}
