// The roster's rows before they are saved: a preview of an imported file, or the current roster opened for
// editing. Each row shows what was read and its problems on the row; a row opens in an editor to fix,
// remove or add members; "Nhập" stays disabled until no row has an error. The rows live here, outside the
// page's re-renders, so a refused import or a failed save loses nothing.
import { h, mount } from '../shared/dom.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import {
  blankRow,
  CHOICES,
  type ChoiceColumn,
  COLUMNS,
  type Column,
  checkRows,
  choiceOf,
  type RosterMember,
  type RosterRow,
  type RowCheck,
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

/** How a cell reads: a known value in the page's language, an unknown one as typed. */
function cellLabel(column: Column, text: string): string {
  if (!isChoice(column)) return text;
  const value = choiceOf(column, text);
  if (value === '') return column === 'role' ? t('organiser.roster.role.member') : '—';
  if (value === undefined) return text;
  if (column === 'proposedLevel') return value.toUpperCase();
  return t(`organiser.roster.${column}.${value}` as MessageKey);
}

function displayCells(row: RosterRow, index: number, check: RowCheck, redraw: () => void): HTMLElement[] {
  const bad = new Set(check.errors.map((e) => e.column));
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
      h('td', {
        class: bad.has(column) ? 'cell-error' : '',
        attrs: { 'data-column': column, 'aria-invalid': bad.has(column) ? 'true' : null },
        text: cellLabel(column, row[column]) || '—',
      }),
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

function choiceSelect(row: RosterRow, column: ChoiceColumn, changed: () => void): HTMLSelectElement {
  const value = choiceOf(column, row[column]);
  const options = [
    value === undefined
      ? h('option', {
          attrs: { value: row[column], selected: true },
          text: t('organiser.roster.unknownValue', { value: row[column] }),
        })
      : null,
    column === 'status' ? null : h('option', { attrs: { value: '', selected: value === '' }, text: '—' }),
    ...CHOICES[column].map((choice) =>
      h('option', {
        attrs: { value: choice, selected: value === choice },
        text: cellLabel(column, choice),
      }),
    ),
  ];
  const select = h('select', { attrs: { name: column } }, ...options);
  if (column === 'status' && value === '') select.selectedIndex = -1;
  select.addEventListener('change', () => {
    row[column] = select.value;
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
    summary.textContent = t('organiser.roster.summary', { rows: d.rows.length, errors });
    summary.className = errors > 0 ? 'notice error' : 'notice ok';
    submit.disabled = errors > 0 || d.rows.length === 0;
    checks.forEach((check, i) => {
      const view = views[i]!;
      mount(view.display, ...displayCells(d.rows[i]!, i, check, redraw));
      view.display.classList.toggle('row-invalid', check.errors.length > 0);
      mount(view.errors, errorList(check));
      (view.errors.parentElement as HTMLElement).hidden = check.errors.length === 0;
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
