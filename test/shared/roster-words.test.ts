// The roster's vocabulary (src/shared/roster-words.ts): the office's words for roles, levels and statuses,
// read in any case and with or without diacritics; words that say something about another column; guesses
// that the preview asks the organiser to confirm; and answers that keep what the replaced text said.
import { describe, expect, it } from 'vitest';
import {
  answered,
  confirmed,
  plain,
  ROSTER_WORDS,
  readRow,
  readWord,
} from '../../src/shared/roster-words.ts';

const row = (cells: Partial<Record<'status' | 'role' | 'proposedLevel' | 'exclusion', string>>) => ({
  status: '',
  role: '',
  proposedLevel: '',
  exclusion: '',
  ...cells,
});

describe('roster words', () => {
  it('reads the roles of a chi bộ as the office writes them', () => {
    const role = (text: string) => readWord('role', text)?.means.role;
    expect(['Bí thư', 'BI THU', 'Bí thư chi bộ'].map(role)).toEqual(['secretary', 'secretary', 'secretary']);
    expect(['Phó Bí thư', 'pho bi thu', 'Chi ủy viên', 'Cấp ủy viên', 'Chi uỷ viên'].map(role)).toEqual([
      'leader',
      'leader',
      'leader',
      'leader',
      'leader',
    ]);
    expect(['Đảng viên', 'ĐV', 'member'].map(role)).toEqual(['member', 'member', 'member']);
    expect(readWord('role', 'Trưởng ban')).toBeUndefined();
    expect(readWord('role', '  ')).toBeNull();
    expect(readWord('role', 'Ủy viên')).toMatchObject({ means: { role: 'leader' }, guess: true });
  });

  it('reads the levels in words and short forms, any case, with or without diacritics and dots', () => {
    const level = (text: string) => readWord('proposedLevel', text)?.means.proposedLevel;
    expect(['Xuất sắc', 'Tốt', 'Hoàn thành', 'Không hoàn thành'].map(level)).toEqual([
      'htxsnv',
      'httnv',
      'htnv',
      'khtnv',
    ]);
    expect(['HTXSNV', 'httnv', 'HtNv', 'kHTNV'].map(level)).toEqual(['htxsnv', 'httnv', 'htnv', 'khtnv']);
    expect(
      ['H.T.X.S.N.V', 'HT TNV', 'htnv.', 'xuat sac', 'KHONG HOAN THANH', 'Hoàn thành tốt'].map(level),
    ).toEqual(['htxsnv', 'httnv', 'htnv', 'htxsnv', 'khtnv', 'httnv']);
    expect(readWord('proposedLevel', 'Đủ tư cách, hoàn thành nhiệm vụ nhưng còn hạn chế')).toMatchObject({
      means: { proposedLevel: 'htnv' },
      guess: true,
    });
    expect(readWord('proposedLevel', 'Khá')).toBeUndefined();
    expect(readWord('role', 'Tốt')).toBeUndefined();
    expect(readWord('status', 'HTTNV')).toBeUndefined();
  });

  it('reads a status column that holds an exemption, a suspension or sick leave, and leaves the rest open', () => {
    expect(readWord('status', 'Dự bị')?.means).toEqual({ status: 'probationary' });
    const exempt = readRow(row({ status: 'Miễn sinh hoạt' }));
    expect(exempt.columns.exclusion).toMatchObject({ value: 'exempt', from: 'status', guess: false });
    expect(exempt.columns.status).toMatchObject({ value: null, from: null });
    expect(readRow(row({ status: 'Đình chỉ sinh hoạt' })).columns.exclusion).toMatchObject({
      value: 'suspended',
    });
    const sick = readWord('status', 'Nghỉ ốm dài ngày')!;
    expect(sick.means).toEqual({ exclusion: null });
    expect(sick.note?.vi).toContain('vẫn được xếp loại');
    expect(
      readRow(row({ status: 'chính thức', exclusion: 'nghỉ ốm dài ngày' })).columns.exclusion,
    ).toMatchObject({
      value: null,
      from: 'exclusion',
    });
    const admitted = readRow(row({ exclusion: 'Kết nạp chưa đủ 6 tháng' }));
    expect(admitted.columns.status).toMatchObject({ value: 'probationary', from: 'exclusion', guess: false });
  });

  it('reads "mới kết nạp" as a guess under Tình trạng but not under Không xếp loại, and finds contradictions', () => {
    expect(readWord('status', 'Mới kết nạp')).toMatchObject({ guess: true });
    expect(readWord('exclusion', 'Mới kết nạp')).toMatchObject({ means: { exclusion: 'new' }, guess: false });
    expect(readRow(row({ status: 'Mới kết nạp', exclusion: 'không' })).columns.exclusion).toMatchObject({
      value: null,
      from: 'exclusion',
      guess: false,
    });
    expect(
      readRow(row({ status: 'Chính thức', exclusion: 'mới kết nạp dưới 6 tháng' })).columns.status,
    ).toEqual({
      conflict: [
        expect.objectContaining({ value: 'official', from: 'status' }),
        expect.objectContaining({ value: 'probationary', from: 'exclusion' }),
      ],
    });
  });

  it('keeps what a replaced cell said, and writes a confirmed guess into each column it spoke of', () => {
    expect(answered(row({ status: 'Miễn sinh hoạt' }), 'status', 'official')).toEqual(
      row({ status: 'official', exclusion: 'exempt' }),
    );
    expect(answered(row({ status: 'Miễn sinh hoạt', exclusion: 'suspended' }), 'status', 'official')).toEqual(
      row({ status: 'official', exclusion: 'suspended' }),
    );
    expect(confirmed(row({ status: 'Mới kết nạp' }), 'status')).toEqual(
      row({ status: 'probationary', exclusion: 'new' }),
    );
    expect(confirmed(row({ role: 'Ủy viên' }), 'role')).toEqual(row({ role: 'leader' }));
    const after = readRow(confirmed(row({ status: 'Mới kết nạp' }), 'status'));
    expect([after.columns.status, after.columns.exclusion]).toMatchObject([
      { value: 'probationary', guess: false },
      { value: 'new', guess: false },
    ]);
  });

  it('keys every word once, in the plain form it is looked up by', () => {
    const words = ROSTER_WORDS.flatMap((w) => w.words);
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(plain(word)).toBe(word);
    for (const w of ROSTER_WORDS) for (const c of w.guessIn ?? []) expect(w.in).toContain(c);
  });
});
