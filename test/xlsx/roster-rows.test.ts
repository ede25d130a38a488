// The roster's row parser (web/organiser/roster-rows.ts) and the CSV reader: English and Vietnamese
// headers and values, a title line above the header, and each kind of row error with its reason.
import { describe, expect, it } from 'vitest';
import en from '../../web/i18n/en.json';
import vi from '../../web/i18n/vi.json';
import { csvRows } from '../../web/organiser/roster-csv.ts';
import {
  answered,
  checkRows,
  choiceOf,
  confirmed,
  headerColumns,
  parseRosterRows,
  plain,
  type RosterRow,
  rowOfMember,
} from '../../web/organiser/roster-rows.ts';

function rowsOf(table: string[][]): RosterRow[] {
  const parsed = parseRosterRows(table);
  if ('missing' in parsed) throw new Error(`missing ${parsed.missing.join(', ')}`);
  return parsed.rows;
}

const errorsOf = (rows: RosterRow[]) =>
  checkRows(rows).map((c) => c.errors.map((e) => ({ column: e.column, key: e.key, params: e.params })));

/** An error as the page says it, with {params} filled, in both languages. */
const say = (key: string, params: Record<string, string>) =>
  [vi, en].map((catalogue) =>
    (catalogue as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, n: string) => params[n]!),
  );

describe('roster rows', () => {
  it('reads Vietnamese headers and values, under a title line, skipping blank rows', () => {
    const rows = rowsOf([
      ['Danh sách đảng viên chi bộ 3'],
      ['STT', 'Mã đảng viên', 'Họ và tên', 'Tình trạng', 'Chức vụ', 'Mức tự xếp loại', 'Không xếp loại'],
      ['1', 'DV-01', '  Nguyễn   Văn An ', 'Chính thức', 'Bí thư', 'Hoàn thành tốt nhiệm vụ', ''],
      ['', '', '', '', '', '', ''],
      ['2', 'DV-02', 'Trần Thị Bình', 'dự bị', '', 'HTXSNV', 'Mới kết nạp'],
      ['3', 'DV-03', 'Lê Văn Cường', 'CHINH THUC', 'chi ủy viên', '', 'miễn sinh hoạt'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([3, 5, 6]);
    const checks = checkRows(rows);
    expect(checks.every((c) => c.errors.length === 0)).toBe(true);
    expect(checks.map((c) => c.member)).toEqual([
      {
        id: 'DV-01',
        name: 'Nguyễn Văn An',
        status: 'official',
        role: 'secretary',
        proposedLevel: 'httnv',
        exclusion: null,
      },
      {
        id: 'DV-02',
        name: 'Trần Thị Bình',
        status: 'probationary',
        role: 'member',
        proposedLevel: 'htxsnv',
        exclusion: 'new',
      },
      {
        id: 'DV-03',
        name: 'Lê Văn Cường',
        status: 'official',
        role: 'leader',
        proposedLevel: null,
        exclusion: 'exempt',
      },
    ]);
  });

  it('reads English headers in any case, and names the columns it could not find', () => {
    expect(headerColumns(['ID', 'Name', 'status', 'Role', 'proposedLevel', 'Exclusion', 'Notes'])).toEqual([
      'id',
      'name',
      'status',
      'role',
      'proposedLevel',
      'exclusion',
      null,
    ]);
    expect(headerColumns(['Ho va ten', 'Ma:', 'Tinh trang *'])).toEqual(['name', 'id', 'status']);
    expect(
      parseRosterRows([
        ['Mã', 'Họ và tên'],
        ['1', 'An'],
      ]),
    ).toEqual({ missing: ['status'] });
    expect(parseRosterRows([['a', 'b', 'c']])).toEqual({ missing: ['id', 'name', 'status'] });
    expect(plain('  Họ  và TÊN (đầy đủ): ')).toBe('ho va ten day du');
  });

  it('names each kind of error on its row and column, with its reason in Vietnamese and English', () => {
    const rows = rowsOf([
      ['id', 'name', 'status', 'role', 'proposedLevel', 'exclusion'],
      ['a1', 'An', 'official', 'member', 'httnv', ''],
      ['', 'Bình', 'official', '', '', ''],
      ['a 3', 'Cường', 'official', '', '', ''],
      ['a1', 'Dung', 'official', '', '', ''],
      ['a5', '', 'official', '', '', ''],
      ['a6', 'Giang', '', '', '', ''],
      ['a7', 'Hà', 'tạm thời', '', '', ''],
      ['a8', 'Khánh', 'dự bị', 'trưởng ban', '', ''],
      ['a9', 'Lan', 'dự bị', '', 'Khá', ''],
      ['a10', 'Minh', 'dự bị', '', '', 'nghỉ phép'],
      ['a11', 'N'.repeat(201), 'dự bị', '', '', ''],
    ]);
    expect(errorsOf(rows)).toEqual([
      [],
      [{ column: 'id', key: 'organiser.roster.error.missingId', params: {} }],
      [{ column: 'id', key: 'organiser.roster.error.badId', params: { value: 'a 3' } }],
      [
        {
          column: 'id',
          key: 'organiser.roster.error.duplicateId',
          params: { value: 'a1', name: 'An', row: '2' },
        },
      ],
      [{ column: 'name', key: 'organiser.roster.error.missingName', params: {} }],
      [{ column: 'status', key: 'organiser.roster.error.missingStatus', params: {} }],
      [{ column: 'status', key: 'organiser.roster.error.badStatus', params: { value: 'tạm thời' } }],
      [{ column: 'role', key: 'organiser.roster.error.badRole', params: { value: 'trưởng ban' } }],
      [{ column: 'proposedLevel', key: 'organiser.roster.error.badLevel', params: { value: 'Khá' } }],
      [{ column: 'exclusion', key: 'organiser.roster.error.badExclusion', params: { value: 'nghỉ phép' } }],
      [{ column: 'name', key: 'organiser.roster.error.longName', params: {} }],
    ]);
    expect(checkRows(rows).map((c) => c.member === null)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(say('organiser.roster.error.duplicateId', { value: 'a1', name: 'An', row: '2' })).toEqual([
      'Mã "a1" đã dùng cho An (dòng 2).',
      'The ID "a1" is already used for An (line 2).',
    ]);
    expect(say('organiser.roster.error.badStatus', { value: 'tạm thời' })[0]).toContain(
      '"chính thức" hoặc "dự bị"',
    );
    expect(say('organiser.roster.error.badLevel', { value: 'Khá' })[1]).toContain(
      'HTXSNV, HTTNV, HTNV or KHTNV',
    );
  });

  it('re-checks after a fix, and carries the facts of a member being edited', () => {
    const rows = rowsOf([
      ['id', 'name', 'status'],
      ['x', 'An', 'official'],
      ['x', 'Bình', 'official'],
    ]);
    expect(errorsOf(rows)[1]).toHaveLength(1);
    rows[1]!.id = 'y';
    expect(errorsOf(rows)).toEqual([[], []]);
    const facts = [{ code: 'discipline', source: 'QĐ số 5' }];
    const row = rowOfMember({
      id: 'z',
      name: 'Cúc',
      status: 'official',
      role: 'leader',
      proposedLevel: null,
      exclusion: 'suspended',
      facts,
    });
    expect(checkRows([row])[0]!.member).toMatchObject({ role: 'leader', exclusion: 'suspended', facts });
    expect(choiceOf('status', ' Dự Bị ')).toBe('probationary');
    expect(choiceOf('role', '')).toBe('');
    expect(choiceOf('proposedLevel', 'tốt')).toBe('httnv');
    expect(choiceOf('proposedLevel', 'Khá')).toBeUndefined();
    expect(choiceOf('status', 'Miễn sinh hoạt')).toBeUndefined();
    expect(choiceOf('exclusion', 'Miễn sinh hoạt')).toBe('exempt');
  });

  it('asks where the words leave a meaning open, guessed or contradicted, and takes the answers', () => {
    const rows = rowsOf([
      ['Mã', 'Họ và tên', 'Tình trạng', 'Chức vụ', 'Xếp loại đề xuất', 'Không xếp loại'],
      ['1', 'An', 'Miễn sinh hoạt', 'Đảng viên', '', ''],
      ['2', 'Bình', 'Mới kết nạp', '', '', ''],
      ['3', 'Cường', 'Chính thức', 'Phó Bí thư', 'Tốt', 'Kết nạp dưới 6 tháng'],
      ['4', 'Dung', '', 'Chi ủy viên', 'Xuất sắc', 'Mới kết nạp dưới 6 tháng'],
    ]);
    const checks = checkRows(rows);
    expect(checks.map((c) => c.errors)).toEqual([[], [], [], []]);
    expect(checks.map((c) => c.questions.map((q) => [q.column, q.kind, q.choices, q.from]))).toEqual([
      [['status', 'choose', ['official', 'probationary'], []]],
      [['status', 'confirm', [], ['status']]],
      [['status', 'conflict', [], ['status', 'exclusion']]],
      [],
    ]);
    expect(checks.map((c) => c.member === null)).toEqual([true, true, true, false]);
    expect(checks[3]!.member).toMatchObject({
      status: 'probationary',
      role: 'leader',
      proposedLevel: 'htxsnv',
      exclusion: 'new',
    });
    Object.assign(rows[0]!, answered(rows[0]!, 'status', 'official'));
    Object.assign(rows[1]!, confirmed(rows[1]!, 'status'));
    rows[2]!.exclusion = '';
    expect(checkRows(rows).map((c) => c.member)).toMatchObject([
      { id: '1', status: 'official', role: 'member', exclusion: 'exempt' },
      { id: '2', status: 'probationary', exclusion: 'new' },
      { id: '3', status: 'official', role: 'leader', proposedLevel: 'httnv', exclusion: null },
      { id: '4' },
    ]);
  });
});

describe('roster CSV', () => {
  it('reads quoted cells, doubled quotes, line breaks in quotes, a BOM, and the separator in use', () => {
    expect(csvRows('\uFEFFMã,Họ và tên,Tình trạng\r\n1,"Nguyễn ""Văn"" An",chính thức\r\n')).toEqual([
      ['Mã', 'Họ và tên', 'Tình trạng'],
      ['1', 'Nguyễn "Văn" An', 'chính thức'],
    ]);
    expect(csvRows('id;name;status\n2;"Trần, Bình";dự bị')).toEqual([
      ['id', 'name', 'status'],
      ['2', 'Trần, Bình', 'dự bị'],
    ]);
    expect(csvRows('id\tname\n3\t"Lê\nCường"\n')).toEqual([
      ['id', 'name'],
      ['3', 'Lê\nCường'],
    ]);
  });
});
