// QD132-2019 (QĐ 132-QĐ/TW + HD 21-HD/BTCTW, historical): discipline forces KHTNV without a waiver,
// head not above the collective is confirmed, HD 21 leaves out the exempt and the suspended.
import { describe, expect, it } from 'vitest';
import { applyRuleSet, type RuleInput, ruleSets } from '../../src/shared/rules/index.ts';
import { flagCodes, meeting, type Settings, type Subject, subject } from './helpers.ts';

const run = (m: RuleInput['meeting'], subjects: Subject[], settings: Settings = {}) =>
  applyRuleSet({ ruleSet: 'QD132-2019', settings: settings as RuleInput['settings'], meeting: m, subjects });

describe('QĐ 132 / HD 21: discipline in the year forces KHTNV, not waivable', () => {
  it.each([
    { code: 'disciplined-in-year', role: 'member' as const },
    { code: 'disciplined-in-year', role: 'leader' as const },
    { code: 'disciplined-in-year', role: 'secretary' as const },
    { code: 'leadership-member-disciplined', role: 'collective' as const },
  ])('$role with "$code"', ({ code, role }) => {
    const o = run(meeting(9), [subject('a', { httnv: 9 }, 9, { role, facts: [{ code, source: 'QĐ 3' }] })]);
    expect(o.subjects[0].proposal).toBe('khtnv');
    expect(o.subjects[0].flags).toEqual([
      expect.objectContaining({
        code: 'forced-khtnv',
        citation: 'QĐ 132-QĐ/TW, HD 21-HD/BTCTW',
        waivable: false,
      }),
    ]);
    expect(o.subjects[0].flags[0].message.en).not.toContain('may waive');
  });

  it.each(['exempt-from-activity', 'suspended'])('HD 21 leaves out a member "%s": not classified', (code) => {
    const o = run(meeting(9), [subject('a', { httnv: 9 }, 9, { facts: [{ code, source: 'QĐ 7' }] })]);
    expect(o.subjects[0].proposal).toBe('not-classified');
    expect(o.subjects[0].flags).toEqual([
      expect.objectContaining({ code: 'not-classified', citation: 'HD 21-HD/BTCTW', waivable: false }),
    ]);
  });

  it('HD 21 is silent on members admitted under 6 months: flagged as unknown, the vote stands', () => {
    const o = run(meeting(9), [
      subject('a', { httnv: 9 }, 9, { facts: [{ code: 'admitted-under-6-months', source: 'x' }] }),
    ]);
    expect(o.subjects[0].proposal).toBe('httnv');
    expect(flagCodes(o, 'a')).toEqual(['unknown-fact']);
  });
});

describe('HD 21 mục II điểm B tiết 4: the head is never above the collective (confirmed)', () => {
  it('is a setting on by default, marked confirmed', () => {
    expect(ruleSets['QD132-2019'].settings.find((s) => s.key === 'headNotAboveCollective')).toMatchObject({
      default: true,
      certainty: 'confirmed',
      citation: 'HD 21-HD/BTCTW mục II điểm B tiết 4',
    });
  });

  it.each([
    { chiBo: { httnv: 9 }, facts: [], head: 'htxsnv', expected: 'httnv' },
    {
      chiBo: { httnv: 9 },
      facts: [{ code: 'leadership-member-disciplined', source: 'x' }],
      head: 'httnv',
      expected: 'khtnv',
    },
    { chiBo: { htnv: 9 }, facts: [], head: 'htnv', expected: 'htnv' },
  ])(
    'chi bộ $chiBo with facts $facts, secretary voted $head → $expected',
    ({ chiBo, facts, head, expected }) => {
      const o = run(meeting(9), [
        subject('cb', chiBo, 9, { role: 'collective', facts }),
        subject('bt', { [head]: 9 }, 9, { role: 'secretary' }),
      ]);
      expect(o.subjects[1].proposal).toBe(expected);
    },
  );
});

describe('HD 21 mục 2.3: HTXSNV at most 20% of HTTNV in the organisation', () => {
  it.each([
    { httnv: 0, marked: ['exceeds-cap'] },
    { httnv: 1, marked: ['exceeds-cap'] },
    { httnv: 4, marked: ['exceeds-cap'] },
    { httnv: 5, marked: [] },
    { httnv: 6, marked: [] },
  ])('$httnv HTTNV and one HTXSNV → $marked', ({ httnv, marked }) => {
    const others = Array.from({ length: httnv }, (_, i) => subject(`t${i}`, { httnv: 9 }, 9));
    const o = run(meeting(9), [subject('x', { htxsnv: 9 }, 9), ...others]);
    expect(flagCodes(o, 'x')).toEqual(marked);
    expect(o.subjects[0].flags.map((f) => f.citation)).toEqual(marked.map(() => 'HD 21-HD/BTCTW mục 2.3'));
  });
});

describe('QĐ 132 vote with cumulative counting on (unconfirmed; an opt-in)', () => {
  it.each([
    { total: 9, counts: { htxsnv: 3, httnv: 2 }, off: 'no-majority', on: 'httnv', why: '3 + 2 = 5 of 9' },
    {
      total: 9,
      counts: { htxsnv: 2, httnv: 2, htnv: 1 },
      off: 'no-majority',
      on: 'htnv',
      why: '4 of 9, then 5 of 9',
    },
    {
      total: 10,
      counts: { htxsnv: 3, httnv: 2 },
      off: 'no-majority',
      on: 'no-majority',
      why: '5 of 10 is exactly half',
    },
    {
      total: 10,
      counts: { htxsnv: 3, httnv: 3 },
      off: 'no-majority',
      on: 'httnv',
      why: '6 of 10 is half plus one',
    },
  ])('$why: off → $off, on → $on', ({ total, counts, off, on }) => {
    expect(run(meeting(total), [subject('a', counts, total)]).subjects[0].proposal).toBe(off);
    expect(
      run(meeting(total), [subject('a', counts, total)], { cumulative: true }).subjects[0].proposal,
    ).toBe(on);
  });
});
