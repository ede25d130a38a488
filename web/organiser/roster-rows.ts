// The roster's rows, whatever file they came from (CSV or XLSX): find the header row by its column names
// (English or Vietnamese), read each member's cells as the organiser typed them, and check every row,
// naming each problem on its row and column, so the preview can show it there and the organiser can fix it,
// and asking where the office's words (src/shared/roster-words.ts) leave the meaning open or only guessed.
// Pure: no DOM, so the unit tests run it as the page does.
import type { LevelId } from '../../src/shared/domain.ts';
import {
  CHOICE_COLUMNS,
  type ChoiceColumn,
  headerColumns,
  type Resolved,
  ROSTER_CHOICES,
  ROSTER_COLUMNS,
  type RosterColumn,
  readRow,
  readWord,
} from '../../src/shared/roster-words.ts';
import type { MessageKey } from '../shared/i18n.ts';

export {
  answered,
  type ChoiceColumn,
  confirmed,
  headerColumns,
  plain,
} from '../../src/shared/roster-words.ts';
export const COLUMNS = ROSTER_COLUMNS;
export type Column = RosterColumn;

export type Fact = { code: string; source: string };

/** One row as typed (cells untouched but trimmed); `line` is its line in the file, null for an added row. */
export type RosterRow = Record<Column, string> & { line: number | null; facts?: Fact[] };

/** A member as PUT /api/roster takes it. */
export type RosterMember = {
  id: string;
  name: string;
  status: 'official' | 'probationary';
  role: 'member' | 'leader' | 'secretary' | 'collective';
  proposedLevel: LevelId | null;
  exclusion: 'exempt' | 'suspended' | 'new' | null;
  facts?: Fact[];
};

export type RowError = { column: Column; key: MessageKey; params: Record<string, string> };
/**
 * Where the row's words leave the meaning to the organiser: a guess to confirm (`confirm`), a column to
 * choose among `choices`, or two cells that disagree (fixed in the row's editor).
 */
export type RowQuestion = {
  column: ChoiceColumn;
  kind: 'confirm' | 'choose' | 'conflict';
  choices: string[];
  /** what was typed, and the columns the conflicting values came from */
  value: string;
  from: ChoiceColumn[];
};
export type RowCheck = {
  member: RosterMember | null;
  errors: RowError[];
  questions: RowQuestion[];
  /** each choice column's value and the cell it was read from */
  read: Partial<Record<ChoiceColumn, Resolved>>;
};

const ID_PATTERN = /^[\p{L}\p{N}._\-/]+$/u;

export type ParsedRows = { rows: RosterRow[] } | { missing: Column[] };

/**
 * The members' rows under the first row (of the first ten) that names the id, name and status columns; a
 * title line above the header is allowed. Blank rows are skipped. `missing` when no such header is found.
 */
export function parseRosterRows(table: string[][]): ParsedRows {
  const required: Column[] = ['id', 'name', 'status'];
  let best: Column[] = required;
  for (let at = 0; at < Math.min(table.length, 10); at++) {
    const columns = headerColumns(table[at]!);
    const missing = required.filter((c) => !columns.includes(c));
    if (missing.length < best.length) best = missing;
    if (missing.length > 0) continue;
    const rows: RosterRow[] = [];
    for (let r = at + 1; r < table.length; r++) {
      const cells = table[r]!;
      if (cells.every((cell) => cell.trim() === '')) continue;
      const row: RosterRow = { line: r + 1, ...blankRow() };
      columns.forEach((column, i) => {
        if (column && row[column] === '') row[column] = (cells[i] ?? '').trim();
      });
      rows.push(row);
    }
    return { rows };
  }
  return { missing: best };
}

export const blankRow = (): Record<Column, string> => ({
  id: '',
  name: '',
  status: '',
  role: '',
  proposedLevel: '',
  exclusion: '',
});

/** A member already on the roster as an editable row (facts carried along unchanged). */
export function rowOfMember(m: RosterMember, line: number | null = null): RosterRow {
  return {
    line,
    id: m.id,
    name: m.name,
    status: m.status,
    role: m.role,
    proposedLevel: m.proposedLevel ?? '',
    exclusion: m.exclusion ?? '',
    ...(m.facts?.length ? { facts: m.facts } : {}),
  };
}

/** The allowed values of the columns that have a fixed set of them. */
export const CHOICES = ROSTER_CHOICES;

/** What a typed cell means for its own column: its value, '' when empty, undefined when it does not say. */
export function choiceOf(column: ChoiceColumn, text: string): string | undefined {
  const reading = readWord(column, text);
  if (reading === null) return '';
  const value = reading?.means[column];
  return value === undefined ? undefined : (value ?? '');
}

const BAD: Record<ChoiceColumn, MessageKey> = {
  status: 'organiser.roster.error.badStatus',
  role: 'organiser.roster.error.badRole',
  proposedLevel: 'organiser.roster.error.badLevel',
  exclusion: 'organiser.roster.error.badExclusion',
};

/** The choice cells read together: errors for words not understood, questions where the meaning is open. */
function choices(
  row: RosterRow,
  error: (column: Column, key: MessageKey, params?: Record<string, string>) => void,
) {
  const reading = readRow(row);
  const questions: RowQuestion[] = [];
  const read: RowCheck['read'] = {};
  for (const column of CHOICE_COLUMNS) {
    if (reading.cells[column] === undefined) error(column, BAD[column], { value: row[column] });
    const resolved = reading.columns[column];
    if ('conflict' in resolved) {
      const from = resolved.conflict.map((r) => r.from!);
      questions.push({ column, kind: 'conflict', choices: [], value: row[column], from });
      continue;
    }
    read[column] = resolved;
    if (resolved.guess && resolved.from === column)
      questions.push({ column, kind: 'confirm', choices: [], value: row[column], from: [column] });
  }
  const status = read.status;
  if (status?.value === null && reading.cells.status) {
    const choose: RowQuestion = {
      column: 'status',
      kind: 'choose',
      choices: [...CHOICES.status],
      value: row.status,
      from: [],
    };
    questions.push(choose);
  } else if (status?.value === null && row.status.trim() === '')
    error('status', 'organiser.roster.error.missingStatus');
  return { questions, read };
}

/** Every row checked; a duplicate id is an error on each row that repeats an earlier one. */
export function checkRows(rows: RosterRow[]): RowCheck[] {
  const firstLine = new Map<string, number>();
  return rows.map((row, index) => {
    const errors: RowError[] = [];
    const error = (column: Column, key: MessageKey, params: Record<string, string> = {}) =>
      errors.push({ column, key, params });
    const id = row.id.trim();
    if (id === '') error('id', 'organiser.roster.error.missingId');
    else if (!ID_PATTERN.test(id) || id.length > 40)
      error('id', 'organiser.roster.error.badId', { value: id });
    else if (firstLine.has(id)) {
      const first = rows[firstLine.get(id)!]!;
      error('id', 'organiser.roster.error.duplicateId', {
        value: id,
        name: first.name.trim(),
        row: first.line === null ? '+' : String(first.line),
      });
    } else firstLine.set(id, index);
    const name = row.name.trim().replace(/\s+/g, ' ');
    if (name === '') error('name', 'organiser.roster.error.missingName');
    else if (name.length > 200) error('name', 'organiser.roster.error.longName');
    const { questions, read } = choices(row, error);
    const status = read.status?.value as RosterMember['status'] | null | undefined;
    if (errors.length > 0 || questions.length > 0 || !status)
      return { member: null, errors, questions, read };
    return {
      member: {
        id,
        name,
        status,
        role: (read.role?.value ?? 'member') as RosterMember['role'],
        proposedLevel: (read.proposedLevel?.value ?? null) as RosterMember['proposedLevel'],
        exclusion: (read.exclusion?.value ?? null) as RosterMember['exclusion'],
        ...(row.facts?.length ? { facts: row.facts } : {}),
      },
      errors,
      questions,
      read,
    };
  });
}
