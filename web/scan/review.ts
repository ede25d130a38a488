// The board's look at one paper ballot before it is cast (SPEC §3.1): each page's picture with what was
// read drawn on it (a clear mark in green, an unsure row in orange), and the rows as read. An unsure row
// is decided by tapping the option the member meant, or "blank"; the ballot can be confirmed once no row
// is left undecided.
import type { Manifest } from '../../crypto/index.ts';
import type { BoardDecisions } from '../../src/shared/paper/choices.ts';
import { homography, type Point2 } from '../../src/shared/paper/homography.ts';
import { ballotPages, markCentres, type PaperBox } from '../../src/shared/paper/layout.ts';
import type { PaperAnswer } from '../../src/shared/paper/read.ts';
import { h } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';
import type { ReadFrame } from './paper-camera.ts';

const SVG = 'http://www.w3.org/2000/svg';

export type ReviewActions = {
  decide: (question: string, option: string | null) => void;
  confirm: () => void;
  discard: () => void;
};

function outline(points: Point2[], className: string): SVGElement {
  const polygon = document.createElementNS(SVG, 'polygon');
  polygon.setAttribute('points', points.map((p) => `${p.x},${p.y}`).join(' '));
  polygon.setAttribute('class', className);
  return polygon;
}

/** The picture of a page with the boxes read marked on it. */
function photo(manifest: Manifest, frame: ReadFrame): HTMLElement {
  const { reading, picture, width, height } = frame;
  const layout = ballotPages(manifest, reading.ballot!).find((p) => p.page === reading.page)!;
  const toPhoto = reading.corners
    ? homography(
        markCentres().map((m) => ({ x: m.xMm, y: m.yMm })),
        reading.corners,
      )
    : null;
  const overlay = document.createElementNS(SVG, 'svg');
  overlay.setAttribute('viewBox', `0 0 ${width} ${height}`);
  overlay.setAttribute('class', 'scan-overlay');
  overlay.setAttribute('aria-hidden', 'true');
  const corners = (boxes: PaperBox[]): Point2[] => {
    const left = Math.min(...boxes.map((b) => b.xMm - b.wMm / 2)) - 1;
    const right = Math.max(...boxes.map((b) => b.xMm + b.wMm / 2)) + 1;
    const top = Math.min(...boxes.map((b) => b.yMm - b.hMm / 2)) - 1;
    const bottom = Math.max(...boxes.map((b) => b.yMm + b.hMm / 2)) + 1;
    return [
      { x: left, y: top },
      { x: right, y: top },
      { x: right, y: bottom },
      { x: left, y: bottom },
    ].map((p) => toPhoto!(p));
  };
  if (toPhoto)
    for (const answer of reading.answers) {
      const boxes = layout.boxes.filter((b) => b.question === answer.question);
      if (answer.state === 'unsure') overlay.append(outline(corners(boxes), 'unsure'));
      else if (answer.state === 'marked')
        overlay.append(outline(corners(boxes.filter((b) => b.option === answer.option)), 'marked'));
    }
  return h(
    'div',
    { class: 'scan-photo' },
    h('img', { attrs: { src: picture, alt: t('scan.review.photoAlt', { page: reading.page ?? '' }) } }),
    overlay,
  );
}

/** A row as read, its choices as buttons: the one read (or decided) pressed; tapping one decides the row. */
function rowView(
  manifest: Manifest,
  answer: PaperAnswer,
  decisions: BoardDecisions,
  decide: ReviewActions['decide'],
): HTMLElement {
  const index = manifest.questions.findIndex((q) => q.id === answer.question);
  const question = manifest.questions[index]!;
  const decided = answer.question in decisions;
  const chosen = decided
    ? decisions[answer.question]
    : answer.state === 'marked'
      ? answer.option
      : answer.state === 'empty'
        ? null
        : undefined;
  const note = decided ? 'scan.review.decided' : answer.state === 'unsure' ? 'scan.review.unsure' : null;
  const choice = (option: string | null) =>
    h('button', {
      class: 'scan-choice',
      attrs: {
        type: 'button',
        'aria-pressed': chosen === option ? 'true' : 'false',
        'data-option': option ?? '',
      },
      text: option === null ? t('scan.review.blank') : question.options.find((o) => o.id === option)!.label,
      on: { click: () => decide(answer.question, option) },
    });
  return h(
    'li',
    {
      class: `scan-row ${answer.state}${decided ? ' decided' : ''}`,
      attrs: { 'data-question': answer.question, 'data-state': answer.state },
    },
    h('p', { class: 'scan-subject', text: `${index + 1}. ${question.subject ?? question.prompt}` }),
    note ? h('p', { class: 'scan-read', text: t(note) }) : null,
    h('div', { class: 'scan-choices' }, ...question.options.map((o) => choice(o.id)), choice(null)),
  );
}

export function reviewView(
  manifest: Manifest,
  serial: string,
  frames: ReadFrame[],
  decisions: BoardDecisions,
  actions: ReviewActions,
): HTMLElement {
  const answers = frames.flatMap((f) => f.reading.answers);
  const undecided = answers.filter((a) => a.state === 'unsure' && !(a.question in decisions)).length;
  return h(
    'section',
    { class: 'scan-review', attrs: { id: 'scan-review', 'data-ballot': serial } },
    h('h2', { text: t('scan.review.title', { serial }) }),
    h('p', { class: 'muted small', text: t('scan.review.help') }),
    ...frames.map((f) => photo(manifest, f)),
    h('ol', { class: 'scan-rows' }, ...answers.map((a) => rowView(manifest, a, decisions, actions.decide))),
    undecided > 0
      ? h('p', {
          class: 'notice warn',
          attrs: { role: 'status' },
          text: t('scan.review.left', { count: undecided }),
        })
      : null,
    h(
      'div',
      { class: 'actions sticky-submit' },
      h('button', {
        class: 'primary',
        attrs: { type: 'button', id: 'scan-confirm', disabled: undecided > 0 },
        text: t('scan.review.confirm', { serial }),
        on: { click: actions.confirm },
      }),
      h('button', {
        attrs: { type: 'button', id: 'scan-discard' },
        text: t('scan.review.discard'),
        on: { click: actions.discard },
      }),
    ),
  );
}
