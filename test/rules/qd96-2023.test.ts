// QD96-2023 (QĐ 96-QĐ/TW): the 2/3 quorum that refuses to open the poll, percentages over the chosen
// denominator, and the consequences of "tín nhiệm thấp" at > 1/2, < 2/3 and ≥ 2/3.
import { describe, expect, it } from 'vitest';
import { applyRuleSet, quorumToOpen, type RuleInput } from '../../src/shared/rules/index.ts';
import { flagCodes, meeting, type Settings, type Subject, subject, warningCodes } from './helpers.ts';

const run = (m: RuleInput['meeting'], subjects: Subject[], settings: Settings = {}) =>
  applyRuleSet({ ruleSet: 'QD96-2023', settings: settings as RuleInput['settings'], meeting: m, subjects });
const leader = (id: string, counts: Partial<Record<string, number>>, ballots: number) =>
  subject(id, counts, ballots, { role: 'leader' });

describe('QĐ 96 Điều 3: the poll opens only with at least 2/3 of those summoned present (confirmed)', () => {
  it.each([
    { summoned: 12, present: 8, ok: true, why: 'exactly 2/3' },
    { summoned: 12, present: 7, ok: false, why: 'one below 2/3' },
    { summoned: 57, present: 38, ok: true, why: '38 of 57 (2/3 is 38)' },
    { summoned: 57, present: 37, ok: false, why: '37 of 57' },
    { summoned: 10, present: 7, ok: true, why: '7 of 10 (2/3 is 6.7)' },
    { summoned: 10, present: 6, ok: false, why: '6 of 10' },
  ])('$why → ok: $ok', ({ summoned, present, ok }) => {
    const answer = quorumToOpen('QD96-2023', {}, { summoned, present });
    expect(answer.ok).toBe(ok);
    if (!answer.ok) {
      expect(answer.code).toBe('quorum-not-met');
      expect(answer.message.vi).toContain('QĐ 96-QĐ/TW Điều 3');
      expect(answer.message.en).toContain(`${present} of ${summoned} summoned are present`);
    }
  });

  it('a tally below the quorum still counts, with a confirmed warning that the poll should not have opened', () => {
    const o = run(meeting(12, { present: 7, activated: 7, ballots: 7 }), [leader('a', { cao: 7 }, 7)]);
    expect(o.warnings[0]).toMatchObject({
      code: 'quorum-not-met',
      certainty: 'confirmed',
      citation: 'QĐ 96-QĐ/TW Điều 3',
    });
  });

  it('refuses bad attendance and unknown rule sets instead of opening', () => {
    expect(quorumToOpen('QD96-2023', {}, { summoned: 10, present: 11 })).toMatchObject({
      ok: false,
      code: 'invalid-attendance',
    });
    expect(quorumToOpen('QD96-2023', {}, { summoned: 0, present: 0 })).toMatchObject({
      ok: false,
      code: 'invalid-attendance',
    });
    expect(quorumToOpen('QD97', {}, { summoned: 10, present: 10 })).toMatchObject({
      ok: false,
      code: 'unknown-rule-set',
    });
    expect(quorumToOpen('QD96-2023', { quorum: '>1/2' }, { summoned: 10, present: 10 })).toMatchObject({
      ok: false,
      code: 'unknown-setting',
    });
    expect(quorumToOpen('none', undefined, { summoned: 10, present: 1 })).toEqual({ ok: true, warnings: [] });
  });
});

describe('QĐ 96: "tín nhiệm thấp" thresholds over ballots cast (denominator unconfirmed)', () => {
  const CONFIRMED = ['resignation-ground', 'khtnv-for-leader'];
  it.each([
    { total: 12, low: 6, flags: [], why: 'exactly half' },
    { total: 12, low: 7, flags: [...CONFIRMED, 'out-of-planning'], why: 'half plus one' },
    { total: 12, low: 8, flags: [...CONFIRMED, 'removal'], why: 'exactly 2/3' },
    { total: 57, low: 37, flags: [...CONFIRMED, 'out-of-planning'], why: 'one below 2/3 of 57 (38)' },
    { total: 57, low: 38, flags: [...CONFIRMED, 'removal'], why: '2/3 of 57' },
    { total: 57, low: 28, flags: [], why: 'one below half of 57' },
    { total: 57, low: 29, flags: [...CONFIRMED, 'out-of-planning'], why: 'just over half of 57' },
    { total: 9, low: 5, flags: [...CONFIRMED, 'out-of-planning'], why: '5 of 9, over half, under 2/3' },
    { total: 9, low: 6, flags: [...CONFIRMED, 'removal'], why: '6 of 9, exactly 2/3' },
  ])('$why: $low of $total → $flags', ({ total, low, flags }) => {
    const o = run(meeting(total), [leader('a', { 'tin-nhiem': total - low, thap: low }, total)]);
    expect(flagCodes(o, 'a')).toEqual(flags);
    const majority = (n: number) => n * 2 > total;
    expect(o.subjects[0].proposal).toBe(
      majority(low) ? 'thap' : majority(total - low) ? 'tin-nhiem' : 'no-majority',
    );
  });

  it('cites and grades each consequence as research/vn-rules.md §3 does', () => {
    const removal = run(meeting(12), [leader('a', { thap: 8, cao: 4 }, 12)]).subjects[0].flags;
    const planning = run(meeting(12), [leader('a', { thap: 7, cao: 5 }, 12)]).subjects[0].flags;
    const byCode = Object.fromEntries(
      [...removal, ...planning].map((f) => [f.code, [f.citation, f.certainty]]),
    );
    expect(byCode).toEqual({
      'resignation-ground': ['QĐ 41-QĐ/TW (2021)', 'confirmed'],
      'khtnv-for-leader': ['QĐ 366-QĐ/TW Điều 11 k4.1', 'confirmed'],
      removal: ['QĐ 96-QĐ/TW', 'secondary'],
      'out-of-planning': ['QĐ 96-QĐ/TW', 'secondary'],
    });
    expect(planning.find((f) => f.code === 'out-of-planning')!.message.en).toBe(
      '"tín nhiệm thấp" 7/12 (58.3%) > 1/2 and < 2/3 → out of planning for higher posts; consider removal, reassignment or resignation',
    );
  });

  it('no "two times in a row" rule: one result alone decides, nothing is carried over', () => {
    const o = run(meeting(12), [leader('a', { thap: 6, cao: 6 }, 12)]);
    expect(o.subjects[0].flags).toEqual([]);
  });
});

describe('QĐ 96 denominators (setting "denominator": ballots, summoned, activated)', () => {
  // 20 summoned, 16 cards activated, 14 ballots; 8 "tín nhiệm thấp" and 2 blank
  const m = meeting(20, { present: 16, activated: 16, ballots: 14 });
  it.each([
    {
      basis: 'ballots',
      value: 14,
      flags: ['resignation-ground', 'khtnv-for-leader', 'out-of-planning'],
      percent: '57.1',
    },
    { basis: 'activated', value: 16, flags: [], percent: '50.0' },
    { basis: 'summoned', value: 20, flags: [], percent: '40.0' },
  ])('$basis = $value → $percent%', ({ basis, value, flags, percent }) => {
    const o = run(m, [leader('a', { thap: 8, cao: 4 }, 14)], { denominator: basis });
    expect(o.subjects[0].tally.denominator).toMatchObject({ basis, value });
    expect(o.subjects[0].tally.options.find((x) => x.id === 'thap')!.percent).toBe(percent);
    expect(o.subjects[0].tally.blank).toBe(2);
    expect(flagCodes(o, 'a')).toEqual(flags);
  });

  it('a blank for one person is invalid for that person only: it stays in the ballots-cast denominator', () => {
    const o = run(meeting(10), [leader('a', { thap: 5 }, 10), leader('b', { thap: 6 }, 10)]);
    expect(o.subjects.map((s) => [s.tally.blank, s.tally.denominator.value])).toEqual([
      [5, 10],
      [4, 10],
    ]);
    expect(flagCodes(o, 'a')).toEqual([]);
  });
});

describe('QĐ 96 has no overall level: the proposal names the level over half, if any (unconfirmed)', () => {
  it.each([
    { counts: { cao: 7, 'tin-nhiem': 5 }, expected: 'cao' },
    { counts: { cao: 6, 'tin-nhiem': 6 }, expected: 'no-majority' },
    { counts: { cao: 4, 'tin-nhiem': 4, thap: 4 }, expected: 'no-majority' },
  ])('$counts → $expected', ({ counts, expected }) => {
    expect(run(meeting(12), [leader('a', counts, 12)]).subjects[0].proposal).toBe(expected);
  });

  it('refuses a collective as the subject of a confidence vote', () => {
    expect(() => run(meeting(12), [subject('cb', { cao: 12 }, 12, { role: 'collective' })])).toThrow(
      /collective/,
    );
  });

  it('warns on no quorum only for QĐ 96 shortfalls, not otherwise', () => {
    expect(warningCodes(run(meeting(12), [leader('a', { cao: 12 }, 12)]))).toEqual([]);
  });
});
