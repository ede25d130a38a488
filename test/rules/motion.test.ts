// motion (Điều lệ Đảng Điều 9 k5): adopted when "yes" is more than half of the denominator.
import { describe, expect, it } from 'vitest';
import { applyRuleSet, quorumToOpen, type RuleInput } from '../../src/shared/rules/index.ts';
import { meeting, type Settings, type Subject, subject, warningCodes } from './helpers.ts';

const run = (m: RuleInput['meeting'], subjects: Subject[], settings: Settings = {}) =>
  applyRuleSet({ ruleSet: 'motion', settings: settings as RuleInput['settings'], meeting: m, subjects });

describe('Điều lệ Đảng Điều 9 k5: more than half of the members (confirmed)', () => {
  it.each([
    { summoned: 13, excluded: 1, yes: 6, expected: 'no', why: 'exactly half of 12 net' },
    { summoned: 13, excluded: 1, yes: 7, expected: 'yes', why: 'half plus one of 12 net' },
    { summoned: 13, excluded: 0, yes: 6, expected: 'no', why: '6 of 13' },
    { summoned: 13, excluded: 0, yes: 7, expected: 'yes', why: '7 of 13' },
    { summoned: 57, excluded: 2, yes: 28, expected: 'yes', why: '28 of 55' },
    { summoned: 57, excluded: 2, yes: 27, expected: 'no', why: '27 of 55' },
  ])('$why → $expected', ({ summoned, excluded, yes, expected }) => {
    const m = meeting(summoned, {
      excluded,
      present: summoned - excluded,
      activated: summoned - excluded,
      ballots: summoned - excluded,
    });
    const o = run(m, [subject('q1', { yes, no: 1 }, m.ballots)]);
    expect(o.subjects[0].proposal).toBe(expected);
    expect(o.subjects[0].trace[1]).toMatchObject({
      citation: 'Điều lệ Đảng Điều 9 k5',
      certainty: 'confirmed',
    });
  });

  it('abstentions and blanks count against: 10 yes, 2 no, 8 abstain of 20 is not adopted', () => {
    const o = run(meeting(20), [subject('q1', { yes: 10, no: 2, abstain: 8 }, 20)]);
    expect(o.subjects[0].proposal).toBe('no');
    expect(o.subjects[0].trace[1].text.en).toBe('yes 10/20 (50.0%), needs > 1/2: not adopted');
  });
});

describe('motion denominators (setting "denominator", local)', () => {
  // 20 summoned, 2 excluded, 15 present, 14 ballots, 4 blank: 10 valid answers
  const m = meeting(20, { excluded: 2, present: 15, activated: 15, ballots: 14 });
  it.each([
    { basis: 'summoned-net', fails: 9, passes: 10 },
    { basis: 'present', fails: 7, passes: 8 },
    { basis: 'ballots', fails: 7, passes: 8 },
    { basis: 'valid', fails: 5, passes: 6 },
  ])('$basis: $fails yes fails, $passes passes', ({ basis, fails, passes }) => {
    const subjects = [fails, passes].map((v) => subject(`v${v}`, { yes: v, no: 10 - v }, 14));
    const o = run(m, subjects, { denominator: basis });
    expect(o.subjects.map((s) => s.proposal)).toEqual(['no', 'yes']);
  });
});

describe('motion quorum (setting "quorum", local): a warning, never a refusal', () => {
  it('warns below 2/3 present and still counts', () => {
    const m = meeting(13, { present: 8, activated: 8, ballots: 8 });
    const o = run(m, [subject('q1', { yes: 8 }, 8)]);
    expect(warningCodes(o)).toEqual(['quorum-not-met']);
    expect(o.subjects[0].proposal).toBe('yes');
    const open = quorumToOpen('motion', undefined, { summoned: 13, present: 8 });
    expect(open).toMatchObject({ ok: true, warnings: [{ code: 'quorum-not-met', certainty: 'local' }] });
    expect(quorumToOpen('motion', { quorum: 'none' }, { summoned: 13, present: 8 })).toEqual({
      ok: true,
      warnings: [],
    });
  });
});
