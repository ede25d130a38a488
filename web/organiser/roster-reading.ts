// How the preview shows what it read: each choice cell as typed with the meaning it was read as ("Phó Bí
// thư → cán bộ lãnh đạo, quản lý"), a value taken from another cell ("dự bị, theo cột Không xếp loại"),
// and the row's questions with one-tap answers where the words leave the meaning open or only guessed.
import {
  CHOICE_COLUMNS,
  type ChoiceColumn,
  type Meaning,
  plain,
  readWord,
} from '../../src/shared/roster-words.ts';
import { h } from '../shared/dom.ts';
import { type MessageKey, pick, t } from '../shared/i18n.ts';
import {
  CHOICES,
  type Column,
  choiceOf,
  type RosterRow,
  type RowCheck,
  type RowQuestion,
} from './roster-rows.ts';

const isChoice = (column: Column): column is ChoiceColumn => column in CHOICES;

/** A value of a choice column in the page's language ('' is the column's default). */
export function choiceLabel(column: ChoiceColumn, value: string): string {
  if (value === '') return column === 'role' ? t('organiser.roster.role.member') : '—';
  if (column === 'proposedLevel') return value.toUpperCase();
  return t(`organiser.roster.${column}.${value}` as MessageKey);
}

const heading = (column: Column) => t(`organiser.roster.col.${column}`);

/** Everything a word means, in words: "dự bị, mới kết nạp dưới 6 tháng". */
function meaningLabel(means: Meaning): string {
  return CHOICE_COLUMNS.flatMap((column) => {
    const value = means[column];
    return value === undefined || value === null ? [] : [choiceLabel(column, value)];
  }).join(', ');
}

/** A cell's content in the preview: the typed text, and how it was read when that says more. */
export function shownCell(row: RosterRow, column: Column, check: RowCheck): Array<HTMLElement | string> {
  const typed = row[column].trim();
  if (!isChoice(column)) return [typed || '—'];
  const read = check.read[column];
  if (typed === '') {
    if (read?.from && read.from !== column && read.value !== null)
      return [
        choiceLabel(column, read.value),
        h('span', {
          class: 'muted small',
          text: ` (${t('organiser.roster.fromColumn', { column: heading(read.from) })})`,
        }),
      ];
    return [choiceLabel(column, '')];
  }
  const reading = readWord(column, typed);
  if (!reading) return [typed];
  const own = choiceOf(column, typed);
  const label = own === undefined ? meaningLabel(reading.means) : choiceLabel(column, own);
  const note = reading.note
    ? h('span', { class: 'muted small reading-note', text: ` (${pick(reading.note)})` })
    : null;
  const same = plain(typed) === plain(label) || typed === own;
  const parts: Array<HTMLElement | string> =
    same || label === '' ? [label || typed] : [typed, h('span', { class: 'read-as', text: ` → ${label}` })];
  return note ? [...parts, note] : parts;
}

function questionText(row: RosterRow, q: RowQuestion): string {
  if (q.kind === 'choose') return t('organiser.roster.ask.status', { value: q.value });
  if (q.kind === 'confirm') {
    const reading = readWord(q.column, q.value);
    return t('organiser.roster.ask.confirm', {
      value: q.value,
      column: heading(q.column),
      reading: reading ? meaningLabel(reading.means) : '',
    });
  }
  const [a, b] = q.from as [ChoiceColumn, ChoiceColumn];
  return t('organiser.roster.ask.conflict', {
    a: row[a],
    aColumn: heading(a),
    b: row[b],
    bColumn: heading(b),
  });
}

/**
 * The row's questions, each with its answers as buttons: a confirmed guess answers null, a chosen value
 * answers that value. A conflict has no button: the organiser fixes it in the row's editor.
 */
export function rowQuestions(
  row: RosterRow,
  check: RowCheck,
  onAnswer: (q: RowQuestion, value: string | null) => void,
): HTMLElement | null {
  if (check.questions.length === 0) return null;
  const button = (q: RowQuestion, value: string | null, text: string) =>
    h('button', {
      class: 'secondary',
      attrs: { type: 'button', 'data-answer': value ?? 'confirm' },
      text,
      on: { click: () => onAnswer(q, value) },
    });
  return h(
    'ul',
    { class: 'row-question-list pinned' },
    ...check.questions.map((q) =>
      h(
        'li',
        { attrs: { 'data-column': q.column, 'data-question': q.kind } },
        h('span', { text: questionText(row, q) }),
        q.kind === 'conflict'
          ? null
          : h(
              'span',
              { class: 'actions' },
              ...(q.kind === 'confirm'
                ? [button(q, null, t('organiser.roster.ask.yes'))]
                : q.choices.map((c) => button(q, c, choiceLabel(q.column, c)))),
            ),
      ),
    ),
  );
}
