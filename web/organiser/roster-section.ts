// The roster on the console's home view: the current list (GET /api/roster) with a way to edit it, and an
// import from a file (.xlsx or .csv) or pasted CSV. Both open a draft (roster-editor.ts) that is checked
// row by row and saved whole with PUT /api/roster.

import { readXlsxRows, XlsxError } from '../../src/shared/xlsx/read.ts';
import { h } from '../shared/dom.ts';
import { field, filePicker } from '../shared/forms.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { answer, signedIn } from './organiser-api.ts';
import { csvRows } from './roster-csv.ts';
import { currentDraft, drawDraft, dropDraft, startDraft } from './roster-editor.ts';
import { COLUMNS, choiceOf, parseRosterRows, type RosterMember, rowOfMember } from './roster-rows.ts';

export type RosterActions = {
  /** runs a change and then reloads the page's data, showing its message (main.ts `act`) */
  act: (run: () => Promise<string | null>) => void;
  /** shows a problem without reloading */
  problem: (text: string) => void;
  /** redraws the whole page */
  render: () => void;
};

/** The rows of a file the organiser picked: an XLSX workbook's first sheet or a CSV file. */
async function fileRows(file: File): Promise<string[][]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(file.name) || zip) return readXlsxRows(bytes);
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  // Excel's plain "CSV" on Vietnamese Windows is in code page 1258, not UTF-8.
  return csvRows(utf8.includes('\uFFFD') ? new TextDecoder('windows-1258').decode(bytes) : utf8);
}

function openDraft(source: string, table: string[][], a: RosterActions): void {
  const parsed = parseRosterRows(table);
  if ('missing' in parsed) {
    const columns = parsed.missing.map((c) => t(`organiser.roster.col.${c}`)).join(', ');
    a.problem(t('organiser.roster.noHeader', { source, columns }));
    return;
  }
  if (parsed.rows.length === 0) {
    a.problem(t('organiser.roster.noRows', { source }));
    return;
  }
  startDraft(source, parsed.rows);
  a.render();
}

function currentTable(members: RosterMember[]): HTMLElement {
  const label = (column: 'status' | 'role', value: string) =>
    t(`organiser.roster.${column}.${choiceOf(column, value) || 'member'}` as MessageKey);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'roster-table', attrs: { id: 'roster-current' } },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...COLUMNS.map((c) => h('th', { attrs: { scope: 'col' }, text: t(`organiser.roster.col.${c}`) })),
        ),
      ),
      h(
        'tbody',
        {},
        ...members.map((m) =>
          h(
            'tr',
            {},
            h('td', { text: m.id }),
            h('td', { text: m.name }),
            h('td', { text: label('status', m.status) }),
            h('td', { text: label('role', m.role) }),
            h('td', { text: m.proposedLevel?.toUpperCase() ?? '—' }),
            h('td', {
              text: m.exclusion ? t(`organiser.roster.exclusion.${m.exclusion}` as MessageKey) : '—',
            }),
          ),
        ),
      ),
    ),
  );
}

/** The pasted CSV, kept across the page's re-renders. */
let pasted = '';

export function rosterSection(members: RosterMember[], a: RosterActions): HTMLElement {
  const fileInput = h('input', {
    attrs: {
      id: 'roster-file',
      type: 'file',
      accept: '.xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv',
    },
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    fileRows(file).then(
      (table) => openDraft(file.name, table, a),
      (error: unknown) =>
        a.problem(
          error instanceof XlsxError
            ? t(`organiser.roster.xlsx.${error.code}`, { source: file.name })
            : t('organiser.roster.unreadable', { source: file.name }),
        ),
    );
  });
  const paste = h('textarea', {
    attrs: {
      id: 'roster-paste',
      rows: 5,
      spellcheck: 'false',
      placeholder: t('organiser.roster.pasteExample'),
    },
  });
  paste.value = pasted;
  paste.addEventListener('input', () => {
    pasted = paste.value;
  });
  const draftBox = h('div', { attrs: { id: 'roster-preview' } });
  const save = (list: RosterMember[]) =>
    a.act(async () => {
      await answer(signedIn.roster.$put({ json: { members: list } }));
      dropDraft();
      return t('organiser.roster.done', { count: list.length });
    });
  drawDraft(draftBox, save, () => {
    dropDraft();
    a.render();
  });
  const editing = currentDraft() !== null;
  return h(
    'section',
    { attrs: { id: 'roster-section' } },
    h('h2', { text: t('organiser.roster.title') }),
    members.length === 0
      ? h('p', { class: 'muted', attrs: { id: 'roster-empty' }, text: t('organiser.roster.empty') })
      : h('p', { text: t('organiser.roster.count', { count: members.length }) }),
    members.length > 0 && !editing ? currentTable(members) : null,
    members.length > 0 && !editing
      ? h(
          'div',
          { class: 'actions' },
          h('button', {
            class: 'secondary',
            attrs: { type: 'button', id: 'roster-edit' },
            text: t('organiser.roster.editAll'),
            on: {
              click: () => {
                startDraft(
                  null,
                  members.map((m) => rowOfMember(m)),
                );
                a.render();
              },
            },
          }),
        )
      : null,
    draftBox,
    currentDraft()?.source === null
      ? null
      : h(
          'div',
          { class: 'roster-import' },
          h('h3', { text: t('organiser.roster.importTitle') }),
          h('p', { class: 'muted small', text: t('organiser.roster.help') }),
          h('label', { class: 'field', attrs: { for: 'roster-file' }, text: t('organiser.roster.file') }),
          filePicker(fileInput),
          h(
            'details',
            {},
            h('summary', { text: t('organiser.roster.pasteTitle') }),
            ...field('organiser.roster.csv', paste),
            h(
              'div',
              { class: 'actions' },
              h('button', {
                class: 'secondary',
                attrs: { type: 'button', id: 'roster-paste-preview' },
                text: t('organiser.roster.preview'),
                on: { click: () => openDraft(t('organiser.roster.pasted'), csvRows(paste.value), a) },
              }),
            ),
          ),
        ),
  );
}
