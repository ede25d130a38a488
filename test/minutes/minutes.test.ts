// minutesOf: the minutes' numbers from a demo record, checked against the decrypted tally in the record's
// result, the rules engine's outcome, and integer-only percentages over the stated base.
import { describe, expect, it } from 'vitest';
import {
  MINUTES_EVENT_TYPES,
  minutesOf,
  percentText,
  vietnamDate,
  vietnamTime,
} from '../../src/shared/minutes/minutes.ts';
import type { RuleOutcome } from '../../src/shared/rules/index.ts';
import {
  CLASSIFICATION_60,
  classificationRecord,
  DETAILS,
  isRoundedPercent,
  largeRecord,
  plainRecord,
  resultOf,
} from './fixtures.ts';

const CREATED = Date.UTC(2026, 10, 23, 18, 5);
const record = classificationRecord();
const result = resultOf(record);
const outcome = result.outcome as RuleOutcome;
const minutes = minutesOf(record, { createdAt: CREATED, issued: 12 });

describe('minutes of a QD366-2025 classification', () => {
  it('states the meeting, with its creation time in Vietnam time and the rule set with its settings', () => {
    expect(minutes.meeting).toMatchObject({
      id: 'bb-366',
      title: 'Họp chi bộ (demo)',
      organisation: 'Chi bộ mẫu',
      kind: 'classification',
      ruleSet: 'QD366-2025',
      createdAt: CREATED,
      createdAtText: '01:05 24/11/2026',
    });
    expect(minutes.meeting.ruleSetTitle?.vi).toMatch(/366/);
    expect(minutes.meeting.settings.map((s) => s.key)).toEqual(Object.keys(outcome.settings));
    const denominator = minutes.meeting.settings.find((s) => s.key === 'denominator')!;
    expect(denominator).toMatchObject({ value: 'summoned-net', default: 'summoned-net', basis: null });
    expect(denominator.description?.vi).toBeTruthy();
  });

  it('counts attendance, cards and ballots from the record (and the printed cards from the server)', () => {
    expect(minutes.attendance).toEqual({
      recorded: true,
      summoned: 9,
      present: 9,
      excluded: 0,
      absent: 0,
      absentWithLeave: null,
      absentWithoutLeave: null,
    });
    expect(minutes.cards).toEqual({ issued: 12, activated: 9, voided: 0, notUsed: 0 });
    expect(minutes.ballots).toEqual({ cast: 9, counted: 9, paper: 0, decidedByHand: 0 });
  });

  it('has per subject each option’s votes and the blanks exactly as the decrypted tally', () => {
    expect(minutes.subjects.map((s) => s.questionId)).toEqual(result.questions.map((q) => q.id));
    minutes.subjects.forEach((s, i) => {
      const q = result.questions[i]!;
      expect(s.options.map((o) => o.votes)).toEqual(q.counts);
      expect(s.blank).toBe(q.blank);
      expect(s.answered).toBe(9 - q.blank);
      expect(s.options.reduce((sum, o) => sum + o.votes, 0) + s.blank).toBe(9);
    });
    expect(minutes.subjects.some((s) => s.blank > 0)).toBe(true);
  });

  it('takes every percentage over the rule set’s base, rounded half up to one decimal in integers', () => {
    for (const s of minutes.subjects) {
      expect(s.base).toMatchObject({ basis: 'summoned-net', value: 9 });
      expect(s.base.text.vi).toContain('9 đảng viên chính thức được triệu tập');
      for (const o of s.options) expect(isRoundedPercent(o.percent, o.votes, 9)).toBe(true);
      expect(isRoundedPercent(s.blankPercent, s.blank, 9)).toBe(true);
    }
    expect(percentText('44.4', 'vi')).toBe('44,4%');
    expect(percentText('44.4', 'en')).toBe('44.4%');
  });

  it('carries each subject’s proposal, label and trace from the certified outcome', () => {
    minutes.subjects.forEach((s, i) => {
      const o = outcome.subjects[i]!;
      expect(s.proposal).toBe(o.proposal);
      expect(s.trace).toEqual(o.trace);
      expect(s.trace.length).toBeGreaterThan(0);
      expect(s.name).toBe(`Đảng viên ${i + 1}`);
    });
    expect(minutes.subjects.map((s) => s.proposal)).toEqual(['htxsnv', 'no-majority', 'no-majority']);
    expect(minutes.subjects[0]!.proposalLabel?.vi).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(minutes.subjects[1]!.proposalLabel?.vi).toBe('Không mức nào đạt đa số');
    expect(minutes.warnings.map((w) => w.code)).toEqual(outcome.warnings.map((w) => w.code));
  });

  it('lists the board’s signatures with their keys, checked, and the record’s hashes', () => {
    expect(minutes.board).toMatchObject({ n: 3, k: 2, trusteesUsed: [2, 3], certified: true });
    expect(minutes.board.signatures.map((s) => [s.index, s.valid])).toEqual([
      [2, true],
      [3, true],
    ]);
    for (const s of minutes.board.signatures) expect(s.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(minutes.record.recordHead).toBe(result.recordHead);
    expect(minutes.record.resultHash).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(minutes.verifyPath).toBe('/verify?meeting=bb-366');
  });

  it('is the same from the whole record and from only the events the minutes read', () => {
    const slim = {
      ...record,
      events: record.events.filter((e) => MINUTES_EVENT_TYPES.includes(e.type as never)),
    };
    expect(slim.events.length).toBeLessThan(record.events.length);
    expect(minutesOf(slim, { createdAt: CREATED, issued: 12 })).toEqual(minutes);
    expect(JSON.parse(JSON.stringify(minutes))).toEqual(minutes);
  });

  it('marks a forged signature invalid, and the result then uncertified', () => {
    const forged = structuredClone(record);
    const cert = forged.events.findLast((e) => e.type === 'certification')!;
    const payload = JSON.parse(cert.payload);
    const other = JSON.parse(forged.events.find((e) => e.type === 'certification')!.payload);
    cert.payload = JSON.stringify({ ...payload, signature: other.signature });
    const m = minutesOf(forged, { createdAt: null, issued: null });
    expect(m.board.signatures.map((s) => s.valid)).toEqual([true, false]);
    expect(m.board.certified).toBe(false);
    expect(m.meeting.createdAtText).toBeNull();
  });
});

describe('minutes without a rule set ("none")', () => {
  const plain = plainRecord();
  const m = minutesOf(plain, { createdAt: null, issued: null });
  const r = resultOf(plain);

  it('takes percentages over the ballots cast and makes no proposal', () => {
    m.subjects.forEach((s, i) => {
      expect(s.base).toMatchObject({ basis: 'ballots', value: 5 });
      expect(s.options.map((o) => o.votes)).toEqual(r.questions[i]!.counts);
      expect(s.options.map((o) => o.label.vi)).toEqual(['Mức 0', 'Mức 1', 'Mức 2']);
      for (const o of s.options) expect(isRoundedPercent(o.percent, o.votes, 5)).toBe(true);
      expect(s.proposal).toBeNull();
      expect(s.trace).toEqual([]);
    });
    expect(m.meeting.settings).toEqual([]);
    expect(m.board.certified).toBe(true);
  });

  it('refuses a record without a result', () => {
    const open = { ...plain, events: plain.events.filter((e) => e.type !== 'result') };
    expect(() => minutesOf(open, { createdAt: null, issued: null })).toThrow(/no result/);
  });
});

describe('vietnamTime', () => {
  it('is UTC+7 across midnight and the new year', () => {
    expect(vietnamTime(Date.UTC(2025, 11, 31, 17, 0))).toBe('00:00 01/01/2026');
    expect(vietnamTime(Date.UTC(2026, 0, 2, 3, 9))).toBe('10:09 02/01/2026');
  });
});

describe('minutes: what the record says beyond the numbers', () => {
  const record = largeRecord(CLASSIFICATION_60);
  const m = minutesOf(record, { createdAt: CREATED, issued: 70, upper: 'Đảng ủy khác' });

  it('names the board by seat (head first), chủ tọa, thư ký and the place from the attendance event', () => {
    expect(m.details.board).toEqual([
      { seat: 1, name: 'Phạm Ngọc Lan', position: 'head' },
      { seat: 2, name: 'Lê Minh Khoa', position: 'member' },
      { seat: 3, name: 'Hoàng Thanh Quân', position: 'member' },
    ]);
    expect(m.details).toMatchObject({
      chair: DETAILS.chair,
      secretary: DETAILS.secretary,
      place: DETAILS.place,
    });
    expect(m.details.upper).toBe(DETAILS.upper);
    expect(m.attendance).toMatchObject({ absent: 2, absentWithLeave: 1, absentWithoutLeave: 1, excluded: 1 });
  });

  it('takes the upper organisation from the server when the organiser wrote none, and ignores seats the board lacks', () => {
    const edited = structuredClone(record);
    const event = edited.events.find((e) => e.type === 'attendance')!;
    const board = [
      ...DETAILS.board,
      { seat: 9, name: 'Ghế không có', position: 'member' },
      { seat: 2, name: 'Trùng ghế', position: 'head' },
    ];
    event.payload = JSON.stringify({
      ...JSON.parse(event.payload),
      details: { ...DETAILS, upper: '', board },
    });
    const plain = minutesOf(edited, { createdAt: CREATED, issued: 70, upper: 'Đảng ủy khác' });
    expect(plain.details.upper).toBe('Đảng ủy khác');
    expect(plain.details.board.map((b) => b.seat)).toEqual([1, 2, 3]);
  });

  it('states the time of the count from the certified result, in Vietnam time', () => {
    expect(m.meeting.countedAt).toBe(Date.UTC(2026, 0, 8, 7, 5));
    expect(m.meeting.countedAtText).toBe('14:05 08/01/2026');
    expect(vietnamDate(Date.UTC(2026, 0, 8, 7, 5))).toBe('ngày 08 tháng 01 năm 2026');
    expect(vietnamDate(Date.UTC(2026, 11, 3, 18, 0))).toBe('ngày 04 tháng 12 năm 2026');
    expect(minutes.meeting.countedAt).toBeNull();
  });
});
