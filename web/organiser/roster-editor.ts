// The roster's rows before they are saved: a preview of an imported file, or the current roster opened for
// editing. Each row shows what was read and its problems on the row; a row opens in an editor to fix,
// remove or add members; "Nhập" stays disabled until no row has an error. The rows live here, outside the
// page's re-renders, so a refused import or a failed save loses nothing.

import { readWord } from '../../src/shared/roster-words.ts';
import { h, mount } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';
import { choiceLabel, rowQuestions, shownCell } from './roster-reading.ts';
import {
  answered,
  blankRow,
  CHOICES,
  type ChoiceColumn,
  COLUMNS,
  type Column,
  checkRows,
  choiceOf,
  confirmed,
  type RosterMember,
  type RosterRow,
  type RowCheck,
  type RowQuestion,
} from './roster-rows.ts';

export type Draft = {
  /** the file's name, or null when the current roster is being edited */
  source: string | null;
  rows: RosterRow[];
  editing: number | null;
};

let draft: Draft | null = null;
/** The control to focus once the draft is drawn again, so a keyboard or screen reader keeps its place. */
let focusNext: string | null = null;

export const currentDraft = (): Draft | null => draft;

export function startDraft(source: string | null, rows: RosterRow[]): void {
  draft = { source, rows, editing: null };
}

export function dropDraft(): void {
  draft = null;
}

const isChoice = (column: Column): column is ChoiceColumn => column in CHOICES;

function displayCells(row: RosterRow, index: number, check: RowCheck, redraw: () => void): HTMLElement[] {
  const bad = new Set(check.errors.map((e) => e.column));
  const asked = new Set(check.questions.flatMap((q) => [q.column, ...q.from]));
  return [
    h(
      'td',
      { class: 'row-head' },
      h('span', { class: 'muted', text: row.line === null ? '+' : String(row.line) }),
      h('button', {
        class: 'secondary',
        attrs: { type: 'button', 'data-edit-row': index },
        text: t('organiser.roster.edit'),
        on: {
          click: () => {
            draft!.editing = index;
            focusNext = '#roster-edit-id';
            redraw();
          },
        },
      }),
    ),
    ...COLUMNS.map((column) =>
      h(
        'td',
        {
          class: bad.has(column) ? 'cell-error' : asked.has(column as ChoiceColumn) ? 'cell-question' : '',
          attrs: { 'data-column': column, 'aria-invalid': bad.has(column) ? 'true' : null },
        },
        ...shownCell(row, column, check),
      ),
    ),
  ];
}

function errorList(check: RowCheck): HTMLElement | null {
  if (check.errors.length === 0) return null;
  return h(
    'ul',
    { class: 'row-error-list pinned' },
    ...check.errors.map((e) => h('li', { attrs: { 'data-column': e.column }, text: t(e.key, e.params) })),
  );
}

/** A question's answer written into the row, then the draft drawn again with focus kept on the row. */
function answer(index: number, question: RowQuestion, value: string | null, redraw: () => void): void {
  const row = draft!.rows[index]!;
  const next = value === null ? confirmed(row, question.column) : answered(row, question.column, value);
  Object.assign(row, next);
  focusNext = `[data-edit-row="${index}"]`;
  redraw();
}

function choiceSelect(row: RosterRow, column: ChoiceColumn, changed: () => void): HTMLSelectElement {
  const value = choiceOf(column, row[column]);
  const options = [
    value === undefined
      ? h('option', {
          attrs: { value: row[column], selected: true },
          text: t(
            choiceOf(column, row[column]) === undefined && readWord(column, row[column])
              ? 'organiser.roster.openValue'
              : 'organiser.roster.unknownValue',
            { value: row[column] },
          ),
        })
      : null,
    column === 'status' ? null : h('option', { attrs: { value: '', selected: value === '' }, text: '—' }),
    ...CHOICES[column].map((choice) =>
      h('option', {
        attrs: { value: choice, selected: value === choice },
        text: choiceLabel(column, choice),
      }),
    ),
  ];
  const select = h('select', { attrs: { name: column } }, ...options);
  if (column === 'status' && value === '') select.selectedIndex = -1;
  select.addEventListener('change', () => {
    Object.assign(row, answered(row, column, select.value));
    for (const other of Object.keys(CHOICES) as ChoiceColumn[]) {
      const shown = document.getElementById(`roster-edit-${other}`) as HTMLSelectElement | null;
      if (other !== column && shown) shown.value = choiceOf(other, row[other]) ?? row[other];
    }
    changed();
  });
  return select;
}

function editor(row: RosterRow, index: number, refresh: () => void, redraw: () => void): HTMLElement {
  const fields = COLUMNS.map((column) => {
    const input = isChoice(column)
      ? choiceSelect(row, column, refresh)
      : h('input', {
          attrs: { type: 'text', name: column, value: row[column], autocomplete: 'off', spellcheck: 'false' },
          on: {
            input: (event) => {
              row[column] = (event.target as HTMLInputElement).value;
              refresh();
            },
          },
        });
    input.id = `roster-edit-${column}`;
    return [
      h('label', { class: 'field', attrs: { for: input.id }, text: t(`organiser.roster.col.${column}`) }),
      input,
    ];
  });
  return h(
    'div',
    { class: 'row-editor pinned', attrs: { id: 'roster-row-editor' } },
    ...fields.flat(),
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'primary',
        attrs: { type: 'button', id: 'roster-row-done' },
        text: t('organiser.roster.rowDone'),
        on: {
          click: () => {
            draft!.editing = null;
            focusNext = `[data-edit-row="${index}"]`;
            redraw();
          },
        },
      }),
      h('button', {
        class: 'danger',
        attrs: { type: 'button', id: 'roster-row-remove' },
        text: t('organiser.roster.removeRow'),
        on: {
          click: () => {
            draft!.rows.splice(index, 1);
            draft!.editing = null;
            focusNext = '#roster-add-row';
            redraw();
          },
        },
      }),
    ),
  );
}

/**
 * The draft as a table with its summary and actions, drawn into `container`. `save` receives the members
 * when the organiser presses "Nhập" (only possible with no errors); `cancel` drops the draft.
 */
export function drawDraft(
  container: HTMLElement,
  save: (members: RosterMember[]) => void,
  cancel: () => void,
): void {
  if (!draft) {
    mount(container);
    return;
  }
  const d = draft;
  const redraw = () => drawDraft(container, save, cancel);
  const summary = h('p', { attrs: { id: 'roster-summary', role: 'status' } });
  const submit = h('button', {
    class: 'primary',
    attrs: { type: 'button', id: 'roster-import' },
    text: t(d.source === null ? 'organiser.roster.save' : 'organiser.roster.import'),
  });
  const views: Array<{ display: HTMLTableRowElement; errors: HTMLTableCellElement }> = [];
  const refresh = () => {
    const checks = checkRows(d.rows);
    const errors = checks.reduce((n, c) => n + c.errors.length, 0);
    const questions = checks.reduce((n, c) => n + c.questions.length, 0);
    summary.textContent =
      questions > 0
        ? t('organiser.roster.summaryAsk', { rows: d.rows.length, errors, questions })
        : t('organiser.roster.summary', { rows: d.rows.length, errors });
    summary.className = errors > 0 ? 'notice error' : questions > 0 ? 'notice warn' : 'notice ok';
    submit.disabled = errors + questions > 0 || d.rows.length === 0;
    checks.forEach((check, i) => {
      const view = views[i]!;
      mount(view.display, ...displayCells(d.rows[i]!, i, check, redraw));
      view.display.classList.toggle('row-invalid', check.errors.length > 0);
      view.display.classList.toggle('row-asked', check.errors.length === 0 && check.questions.length > 0);
      const row = d.rows[i]!;
      mount(
        view.errors,
        errorList(check),
        rowQuestions(row, check, (q, value) => answer(i, q, value, redraw)),
      );
      (view.errors.parentElement as HTMLElement).hidden = check.errors.length + check.questions.length === 0;
    });
    return checks;
  };
  const body = h('tbody');
  d.rows.forEach((row, i) => {
    const display = h('tr', { attrs: { 'data-row': i } });
    const errors = h('td', { attrs: { colspan: COLUMNS.length + 1 } });
    views.push({ display, errors });
    body.append(display, h('tr', { class: 'row-errors', attrs: { 'data-row-errors': i } }, errors));
    if (d.editing === i) {
      const cell = h('td', { attrs: { colspan: COLUMNS.length + 1 } }, editor(row, i, refresh, redraw));
      body.append(h('tr', { class: 'row-editor-row' }, cell));
    }
  });
  submit.addEventListener('click', () => {
    const checks = refresh();
    if (checks.every((c) => c.member)) save(checks.map((c) => c.member!));
  });
  mount(
    container,
    h('h3', {
      text:
        d.source === null
          ? t('organiser.roster.editTitle')
          : t('organiser.roster.previewTitle', { file: d.source }),
    }),
    summary,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'roster-table', attrs: { id: 'roster-rows' } },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'col' }, text: t('organiser.roster.col.line') }),
            ...COLUMNS.map((c) => h('th', { attrs: { scope: 'col' }, text: t(`organiser.roster.col.${c}`) })),
          ),
        ),
        body,
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'secondary',
        attrs: { type: 'button', id: 'roster-add-row' },
        text: t('organiser.roster.addRow'),
        on: {
          click: () => {
            d.rows.push({ line: null, ...blankRow() });
            d.editing = d.rows.length - 1;
            focusNext = '#roster-edit-id';
            redraw();
          },
        },
      }),
      submit,
      h('button', {
        class: 'secondary',
        attrs: { type: 'button', id: 'roster-cancel' },
        text: t('organiser.roster.cancel'),
        on: { click: cancel },
      }),
    ),
  );
  refresh();
  if (focusNext) container.querySelector<HTMLElement>(focusNext)?.focus();
  focusNext = null;
}
