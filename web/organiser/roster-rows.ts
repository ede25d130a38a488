// The roster's rows, whatever file they came from (CSV or XLSX): find the header row by its column names
// (English or Vietnamese), read each member's cells as the organiser typed them, and check every row,
// naming each problem on its row and column, so the preview can show it there and the organiser can fix it.
// Pure: no DOM, so the unit tests run it as the page does.
import type { LevelId } from '../../src/shared/domain.ts';
import type { MessageKey } from '../shared/i18n.ts';

export const COLUMNS = ['id', 'name', 'status', 'role', 'proposedLevel', 'exclusion'] as const;
export type Column = (typeof COLUMNS)[number];

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
export type RowCheck = { member: RosterMember | null; errors: RowError[] };

/** Lower case, no diacritics (đ as d), single spaces, no trailing punctuation: "Họ và tên:" → "ho va ten". */
export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[()_]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s:*.]+$/, '')
    .trim();
}

const HEADERS: Record<Column, string[]> = {
  id: ['id', 'ma', 'ma dang vien', 'ma so', 'so the', 'so the dang vien', 'member id', 'number'],
  name: ['name', 'ho va ten', 'ho ten', 'ten', 'full name', 'ho va ten dang vien'],
  status: ['status', 'tinh trang', 'trang thai', 'loai dang vien', 'chinh thuc/du bi'],
  role: ['role', 'vai tro', 'chuc vu'],
  proposedLevel: [
    'proposedlevel',
    'proposed level',
    'level',
    'muc de xuat',
    'de xuat',
    'tu xep loai',
    'muc tu xep loai',
    'xep loai de xuat',
    'muc xep loai',
  ],
  exclusion: ['exclusion', 'khong xep loai', 'ly do khong xep loai', 'mien', 'loai tru'],
};

const STATUS: Record<string, RosterMember['status']> = {
  official: 'official',
  'chinh thuc': 'official',
  ct: 'official',
  probationary: 'probationary',
  'du bi': 'probationary',
  db: 'probationary',
};

const ROLE: Record<string, RosterMember['role']> = {
  member: 'member',
  'dang vien': 'member',
  leader: 'leader',
  'lanh dao': 'leader',
  'can bo lanh dao': 'leader',
  'can bo lanh dao, quan ly': 'leader',
  'pho bi thu': 'leader',
  'chi uy vien': 'leader',
  'cap uy vien': 'leader',
  secretary: 'secretary',
  'bi thu': 'secretary',
  'bi thu chi bo': 'secretary',
  collective: 'collective',
  'tap the': 'collective',
  'chi bo': 'collective',
  'chi bo tap the': 'collective',
};

const LEVEL: Record<string, NonNullable<RosterMember['proposedLevel']>> = {
  htxsnv: 'htxsnv',
  'hoan thanh xuat sac nhiem vu': 'htxsnv',
  httnv: 'httnv',
  'hoan thanh tot nhiem vu': 'httnv',
  htnv: 'htnv',
  'hoan thanh nhiem vu': 'htnv',
  khtnv: 'khtnv',
  'khong hoan thanh nhiem vu': 'khtnv',
};

const EXCLUSION: Record<string, NonNullable<RosterMember['exclusion']>> = {
  exempt: 'exempt',
  mien: 'exempt',
  'mien sinh hoat': 'exempt',
  'mien cong tac va sinh hoat': 'exempt',
  'mien cong tac, sinh hoat': 'exempt',
  suspended: 'suspended',
  'dinh chi': 'suspended',
  'dinh chi sinh hoat': 'suspended',
  new: 'new',
  moi: 'new',
  'moi ket nap': 'new',
  'ket nap duoi 6 thang': 'new',
  'moi ket nap duoi 6 thang': 'new',
};

const ID_PATTERN = /^[\p{L}\p{N}._\-/]+$/u;

/** The column each header cell names, or null for a column the roster does not use. */
export function headerColumns(header: string[]): Array<Column | null> {
  return header.map((cell) => {
    const name = plain(cell);
    return COLUMNS.find((c) => HEADERS[c].includes(name) || plain(c) === name) ?? null;
  });
}

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

function lookup<T>(table: Record<string, T>, text: string): T | undefined {
  return Object.hasOwn(table, plain(text)) ? table[plain(text)] : undefined;
}

/** The allowed values of the columns that have a fixed set of them. */
export const CHOICES = {
  status: ['official', 'probationary'],
  role: ['member', 'leader', 'secretary', 'collective'],
  proposedLevel: ['htxsnv', 'httnv', 'htnv', 'khtnv'],
  exclusion: ['exempt', 'suspended', 'new'],
} as const;
export type ChoiceColumn = keyof typeof CHOICES;

/** What a typed cell of a choice column means: its value, '' when empty, undefined when not understood. */
export function choiceOf(column: ChoiceColumn, text: string): string | undefined {
  if (text.trim() === '') return '';
  const tables: Record<ChoiceColumn, Record<string, string>> = {
    status: STATUS,
    role: ROLE,
    proposedLevel: LEVEL,
    exclusion: EXCLUSION,
  };
  return lookup(tables[column], text);
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
    const status = lookup(STATUS, row.status);
    if (row.status.trim() === '') error('status', 'organiser.roster.error.missingStatus');
    else if (!status) error('status', 'organiser.roster.error.badStatus', { value: row.status });
    const role = row.role.trim() === '' ? 'member' : lookup(ROLE, row.role);
    if (!role) error('role', 'organiser.roster.error.badRole', { value: row.role });
    const level = row.proposedLevel.trim() === '' ? null : lookup(LEVEL, row.proposedLevel);
    if (level === undefined)
      error('proposedLevel', 'organiser.roster.error.badLevel', { value: row.proposedLevel });
    const exclusion = row.exclusion.trim() === '' ? null : lookup(EXCLUSION, row.exclusion);
    if (exclusion === undefined)
      error('exclusion', 'organiser.roster.error.badExclusion', { value: row.exclusion });
    if (errors.length > 0 || !status || !role || level === undefined || exclusion === undefined)
      return { member: null, errors };
    return {
      member: {
        id,
        name,
        status,
        role,
        proposedLevel: level,
        exclusion,
        ...(row.facts?.length ? { facts: row.facts } : {}),
      },
      errors,
    };
  });
}
