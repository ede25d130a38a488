// The roster in the office's own words: the column headings and the values a chi bộ writes in its
// spreadsheet (Bí thư, Phó Bí thư, Chi ủy viên; Xuất sắc, Tốt, HTTNV; Dự bị, Miễn sinh hoạt, Nghỉ ốm dài
// ngày), each with what it means to the roster. Data, read by one function: a value is read the same way
// with or without diacritics, in any case, with its punctuation; a word that could mean more than one thing
// is read as a guess the organiser confirms, and a word that says nothing about a column leaves it to ask.
import type { LevelId, Role, Text } from './domain.ts';

/** The columns a roster has, in the order the preview shows them. */
export const ROSTER_COLUMNS = ['id', 'name', 'status', 'role', 'proposedLevel', 'exclusion'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** The values a roster member takes in each column that has a fixed set of them. */
export const ROSTER_CHOICES = {
  status: ['official', 'probationary'],
  role: ['member', 'leader', 'secretary', 'collective'],
  proposedLevel: ['htxsnv', 'httnv', 'htnv', 'khtnv'],
  exclusion: ['exempt', 'suspended', 'new'],
} as const satisfies Record<string, readonly string[]> & {
  role: readonly Role[];
  proposedLevel: readonly LevelId[];
};
export type ChoiceColumn = keyof typeof ROSTER_CHOICES;
export const CHOICE_COLUMNS = Object.keys(ROSTER_CHOICES) as ChoiceColumn[];
export type Choice<C extends ChoiceColumn> = (typeof ROSTER_CHOICES)[C][number];
/** What a value says about each column it speaks of; null: explicitly none (not excluded, no level). */
export type Meaning = { [C in ChoiceColumn]?: Choice<C> | null };

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

/** A value as the vocabulary is keyed: plain, and punctuation between words read as a space. */
const wordKey = (text: string) =>
  plain(text)
    .replace(/[,;.\-–/+]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The headings each column is found under (plain forms), Vietnamese and English. */
export const ROSTER_HEADERS: Record<RosterColumn, string[]> = {
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

/** The column each heading names, or null for a column the roster does not use. */
export function headerColumns(header: string[]): Array<RosterColumn | null> {
  return header.map((cell) => {
    const name = plain(cell);
    return ROSTER_COLUMNS.find((c) => ROSTER_HEADERS[c].includes(name) || plain(c) === name) ?? null;
  });
}

/**
 * One way of writing a value: the words (as `wordKey` gives them), what they mean, the columns they may be
 * written in (a status column often holds "Miễn sinh hoạt"), the columns where the meaning is only a guess,
 * and a note on what the value means for the meeting when that is not plain from the meaning.
 */
type Word = { words: string[]; means: Meaning; in: ChoiceColumn[]; guessIn?: ChoiceColumn[]; note?: Text };

export const ROSTER_WORDS: readonly Word[] = [
  {
    words: ['official', 'chinh thuc', 'dang vien chinh thuc', 'ct'],
    means: { status: 'official' },
    in: ['status'],
  },
  {
    words: ['probationary', 'du bi', 'dang vien du bi', 'db'],
    means: { status: 'probationary' },
    in: ['status'],
  },
  { words: ['member', 'dang vien', 'dv'], means: { role: 'member' }, in: ['role'] },
  { words: ['secretary', 'bi thu', 'bi thu chi bo'], means: { role: 'secretary' }, in: ['role'] },
  {
    words: [
      'leader',
      'pho bi thu',
      'pho bi thu chi bo',
      'chi uy vien',
      'uy vien chi uy',
      'cap uy vien',
      'uy vien ban chap hanh',
      'lanh dao',
      'can bo lanh dao',
      'can bo lanh dao quan ly',
    ],
    means: { role: 'leader' },
    in: ['role'],
  },
  { words: ['uy vien'], means: { role: 'leader' }, in: ['role'], guessIn: ['role'] },
  {
    words: ['collective', 'tap the', 'chi bo', 'chi bo tap the', 'tap the chi bo', 'chi uy'],
    means: { role: 'collective' },
    in: ['role'],
  },
  {
    words: ['htxsnv', 'hoan thanh xuat sac nhiem vu', 'hoan thanh xuat sac', 'xuat sac', 'ht xuat sac nv'],
    means: { proposedLevel: 'htxsnv' },
    in: ['proposedLevel'],
  },
  {
    words: ['httnv', 'hoan thanh tot nhiem vu', 'hoan thanh tot', 'tot', 'ht tot nv'],
    means: { proposedLevel: 'httnv' },
    in: ['proposedLevel'],
  },
  {
    words: ['htnv', 'hoan thanh nhiem vu', 'hoan thanh'],
    means: { proposedLevel: 'htnv' },
    in: ['proposedLevel'],
  },
  {
    words: ['khtnv', 'khong hoan thanh nhiem vu', 'khong hoan thanh'],
    means: { proposedLevel: 'khtnv' },
    in: ['proposedLevel'],
  },
  {
    words: ['none', 'khong', 'co xep loai', 'xep loai binh thuong'],
    means: { exclusion: null },
    in: ['exclusion'],
  },
  // The levels before 2019 (đủ tư cách …): the first two match, the last two only nearly.
  {
    words: ['du tu cach hoan thanh xuat sac nhiem vu'],
    means: { proposedLevel: 'htxsnv' },
    in: ['proposedLevel'],
  },
  { words: ['du tu cach hoan thanh tot nhiem vu'], means: { proposedLevel: 'httnv' }, in: ['proposedLevel'] },
  {
    words: ['du tu cach hoan thanh nhiem vu nhung con han che', 'hoan thanh nhiem vu nhung con han che'],
    means: { proposedLevel: 'htnv' },
    in: ['proposedLevel'],
    guessIn: ['proposedLevel'],
  },
  {
    words: ['vi pham tu cach hoac khong hoan thanh nhiem vu', 'vi pham tu cach'],
    means: { proposedLevel: 'khtnv' },
    in: ['proposedLevel'],
    guessIn: ['proposedLevel'],
  },
  {
    words: [
      'exempt',
      'mien',
      'mien sinh hoat',
      'mien sinh hoat dang',
      'mien cong tac va sinh hoat',
      'mien cong tac sinh hoat',
      'mien cong tac va sinh hoat dang',
    ],
    means: { exclusion: 'exempt' },
    in: ['exclusion', 'status'],
  },
  {
    words: [
      'suspended',
      'dinh chi',
      'dinh chi sinh hoat',
      'dinh chi sinh hoat dang',
      'bi dinh chi sinh hoat',
    ],
    means: { exclusion: 'suspended' },
    in: ['exclusion', 'status'],
  },
  {
    words: [
      'new',
      'ket nap duoi 6 thang',
      'moi ket nap duoi 6 thang',
      'ket nap chua du 6 thang',
      'moi ket nap chua du 6 thang',
    ],
    means: { exclusion: 'new', status: 'probationary' },
    in: ['exclusion', 'status'],
  },
  // "Mới kết nạp" under "Không xếp loại" is the exclusion; under "Tình trạng" it may be a member of 8 months.
  {
    words: ['moi', 'moi ket nap', 'dang vien moi', 'dang vien moi ket nap'],
    means: { exclusion: 'new', status: 'probationary' },
    in: ['exclusion', 'status'],
    guessIn: ['status'],
  },
  {
    words: ['nghi om dai ngay', 'nghi om', 'om dai ngay', 'nghi thai san', 'nghi che do thai san'],
    means: { exclusion: null },
    in: ['exclusion', 'status'],
    note: {
      vi: 'vẫn được xếp loại, theo công việc thực tế (Hướng dẫn 43, mục 7.5)',
      en: 'still classified, on the work actually done (Hướng dẫn 43, item 7.5)',
    },
  },
];

/** How one cell was read: what it means, whether that is a guess to confirm, and any note for the organiser. */
export type Reading = { means: Meaning; guess: boolean; note: Text | null };

const BY_WORD = new Map<string, Word>(ROSTER_WORDS.flatMap((w) => w.words.map((k) => [k, w] as const)));

/** "H.T.X.S.N.V", "ht-tnv", "HTTNV." all read as the short forms. */
const compact = (key: string) => key.replace(/\s/g, '');

/**
 * What a cell of a choice column says: null when it is empty, undefined when the vocabulary does not know
 * it (or it belongs in another column, such as a level under "Vai trò"). A canonical value ("official",
 * "htxsnv") reads as itself: it is what the preview writes back when the organiser chooses.
 */
export function readWord(column: ChoiceColumn, text: string): Reading | null | undefined {
  const key = wordKey(text);
  if (key === '') return null;
  const word = BY_WORD.get(key) ?? BY_WORD.get(compact(key));
  if (!word?.in.includes(column)) return undefined;
  return { means: word.means, guess: word.guessIn?.includes(column) ?? false, note: word.note ?? null };
}

/** Where a column's value came from: its own cell or another one ("Miễn sinh hoạt" under "Tình trạng"). */
export type Resolved = { value: string | null; from: ChoiceColumn | null; guess: boolean; note: Text | null };
export type Conflict = { conflict: [Resolved, Resolved] };
export type RowReading = {
  /** each choice cell as read: null empty, undefined not understood */
  cells: Record<ChoiceColumn, Reading | null | undefined>;
  /** each column's value, taken from every cell that speaks of it; a conflict when two cells disagree */
  columns: Record<ChoiceColumn, Resolved | Conflict>;
};

/**
 * A row's choice cells read together. A column's own cell comes first; another cell that speaks of it fills
 * it when it is empty (or says nothing of it), and contradicts it when it says otherwise.
 */
export function readRow(row: Record<ChoiceColumn, string>): RowReading {
  const cells = Object.fromEntries(
    CHOICE_COLUMNS.map((c) => [c, readWord(c, row[c])]),
  ) as RowReading['cells'];
  const said = (from: ChoiceColumn, column: ChoiceColumn): Resolved | null => {
    const reading = cells[from];
    const value = reading?.means[column];
    if (!reading || value === undefined) return null;
    return { value, from, guess: reading.guess, note: reading.note };
  };
  const columns = Object.fromEntries(
    CHOICE_COLUMNS.map((column) => {
      const sayings = [column, ...CHOICE_COLUMNS.filter((c) => c !== column)]
        .map((from) => said(from, column))
        .filter((r): r is Resolved => r !== null);
      const first = sayings[0] ?? { value: null, from: null, guess: false, note: null };
      // a guess gives way to what another cell says for sure
      const other = sayings.find((r) => r.value !== first.value && (first.guess || !r.guess));
      const sure = first.guess ? sayings.find((r) => !r.guess && r.value === first.value) : undefined;
      if (!other && sure) return [column, sure];
      return [column, other ? { conflict: [first, other] } : first];
    }),
  ) as RowReading['columns'];
  return { cells, columns };
}

/**
 * A row after the organiser chose `value` for `column`: what the replaced text said about other columns is
 * kept in those columns when they are empty, so "Miễn sinh hoạt" under "Tình trạng", answered "chính thức",
 * stays an exemption.
 */
export function answered<R extends Record<ChoiceColumn, string>>(
  row: R,
  column: ChoiceColumn,
  value: string,
): R {
  const next = { ...row };
  const before = readWord(column, row[column]);
  for (const other of CHOICE_COLUMNS) {
    const meant = before?.means[other];
    if (other !== column && meant && next[other].trim() === '') next[other] = meant;
  }
  next[column] = value;
  return next;
}

/** What the preview writes in a cell for a value the organiser chose or confirmed (none: not excluded). */
export const cellValue = (column: ChoiceColumn, value: string | null): string =>
  value ?? (column === 'exclusion' ? 'none' : '');

/** A row with a guessed reading confirmed: each column the cell spoke of gets the value it was read as. */
export function confirmed<R extends Record<ChoiceColumn, string>>(row: R, column: ChoiceColumn): R {
  const reading = readWord(column, row[column]);
  const next = { ...row };
  for (const other of CHOICE_COLUMNS) {
    const meant = reading?.means[other];
    if (meant === undefined || (other !== column && next[other].trim() !== '')) continue;
    next[other] = cellValue(other, meant);
  }
  return next;
}
