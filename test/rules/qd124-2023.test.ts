// QD124-2023 (QĐ 124-QĐ/TW + HD 25-HD/BTCTW): its forced cases and exemptions, a 20%-only cap, no link
// from a confidence vote, and the shared vote rules at their boundaries.
import { describe, expect, it } from 'vitest';
import { applyRuleSet, type RuleInput, ruleSets } from '../../src/shared/rules/index.ts';
import {
  flagCodes,
  meeting,
  proposals,
  type Settings,
  type Subject,
  subject,
  warningCodes,
} from './helpers.ts';

const run = (m: RuleInput['meeting'], subjects: Subject[], settings: Settings = {}, extra = {}) =>
  applyRuleSet({
    ruleSet: 'QD124-2023',
    settings: settings as RuleInput['settings'],
    meeting: m,
    subjects,
    ...extra,
  });

describe('QĐ 124 Điều 12 k4: forced KHTNV', () => {
  it.each([
    {
      code: 'disciplined-in-year',
      role: 'member' as const,
      citation: 'QĐ 124-QĐ/TW Điều 12 k4.3 d',
      waivable: true,
    },
    {
      code: 'disciplined-in-year',
      role: 'leader' as const,
      citation: 'QĐ 124-QĐ/TW Điều 12 k4.3 d',
      waivable: true,
    },
    {
      code: 'disciplined-in-year',
      role: 'secretary' as const,
      citation: 'QĐ 124-QĐ/TW Điều 12 k4.3 d',
      waivable: true,
    },
    {
      code: 'collective-disciplined',
      role: 'collective' as const,
      citation: 'QĐ 124-QĐ/TW Điều 12 k4',
      waivable: false,
    },
    {
      code: 'subunits-disciplined-over-20',
      role: 'collective' as const,
      citation: 'QĐ 124-QĐ/TW Điều 12 k4',
      waivable: false,
    },
    {
      code: 'tasks-under-50',
      role: 'collective' as const,
      citation: 'QĐ 124-QĐ/TW Điều 12 k4',
      waivable: false,
    },
  ])('$role with "$code" → KHTNV, waivable: $waivable', ({ code, role, citation, waivable }) => {
    const o = run(meeting(9), [subject('a', { htxsnv: 9 }, 9, { role, facts: [{ code, source: 'QĐ 3' }] })]);
    expect(o.subjects[0].proposal).toBe('khtnv');
    expect(o.subjects[0].flags).toEqual([
      expect.objectContaining({ code: 'forced-khtnv', citation, waivable }),
    ]);
  });

  it.each(
    ['degradation-concluded', 'violated-prohibitions', 'violated-exemplary-duty'].flatMap((code) =>
      (['member', 'leader', 'secretary'] as const).map((role) => ({ code, role })),
    ),
  )('k4.3: $role with "$code" → KHTNV, not waivable', ({ code, role }) => {
    const o = run(meeting(9), [subject('a', { htxsnv: 9 }, 9, { role, facts: [{ code, source: 'KL 12' }] })]);
    expect(o.subjects[0].proposal).toBe('khtnv');
    expect(o.subjects[0].flags).toEqual([
      expect.objectContaining({
        code: 'forced-khtnv',
        citation: 'QĐ 124-QĐ/TW Điều 12 k4.3',
        certainty: 'confirmed',
        waivable: false,
      }),
    ]);
  });

  it('the individual k4.3 cases do not apply to the collective: flagged, not applied', () => {
    const facts = [{ code: 'degradation-concluded', source: 'KL 12' }];
    const o = run(meeting(9), [subject('cb', { httnv: 9 }, 9, { role: 'collective', facts })]);
    expect(o.subjects[0].proposal).toBe('httnv');
    expect(flagCodes(o, 'cb')).toEqual(['fact-not-applicable']);
  });

  it.each(['exempt-from-activity', 'suspended', 'admitted-under-6-months'])(
    '"%s" is not classified',
    (code) => {
      const o = run(meeting(9), [subject('a', { httnv: 9 }, 9, { facts: [{ code, source: 'x' }] })]);
      expect(o.subjects[0].proposal).toBe('not-classified');
    },
  );

  it('QĐ 366 cases are unknown here: flagged, not applied', () => {
    const o = run(meeting(9), [
      subject('a', { httnv: 9 }, 9, { facts: [{ code: 'disciplined-duty', source: 'x' }] }),
    ]);
    expect(o.subjects[0].proposal).toBe('httnv');
    expect(flagCodes(o, 'a')).toEqual(['unknown-fact']);
  });
});

describe('QĐ 124 has no rule linking a confidence vote to classification', () => {
  it('a leader with 31 of 57 "tín nhiệm thấp" keeps the voted level; the engine warns the link is unused', () => {
    const linked = applyRuleSet({
      ruleSet: 'QD96-2023',
      meeting: meeting(57),
      subjects: [subject('l', { cao: 26, thap: 31 }, 57, { role: 'leader' })],
    });
    const o = run(
      meeting(9),
      [subject('l', { httnv: 9 }, 9, { role: 'leader' })],
      {},
      { linkedConfidence: linked },
    );
    expect(o.subjects[0].proposal).toBe('httnv');
    expect(warningCodes(o)).toEqual(['linked-confidence-unused']);
  });
});

describe('QĐ 124 Điều 12: HTXSNV at most 20% of HTTNV (secondary for individuals)', () => {
  it('offers 20% only', () => {
    expect(ruleSets['QD124-2023'].settings.find((s) => s.key === 'capPercent')).toMatchObject({
      allowed: [20],
      certainty: 'secondary',
    });
    expect(() => run(meeting(9), [subject('a', { httnv: 9 }, 9)], { capPercent: 25 })).toThrow(/capPercent/);
  });

  it.each([
    { httnv: 4, marked: ['exceeds-cap'] },
    { httnv: 5, marked: [] },
  ])('$httnv HTTNV and one HTXSNV → $marked', ({ httnv, marked }) => {
    const others = Array.from({ length: httnv }, (_, i) => subject(`t${i}`, { httnv: 9 }, 9));
    const o = run(meeting(9), [subject('x', { htxsnv: 9 }, 9), ...others]);
    expect(flagCodes(o, 'x')).toEqual(marked);
    expect(o.subjects[0].proposal).toBe('htxsnv');
  });
});

describe('QĐ 124 vote: thresholds, denominators and the head rule (local and unconfirmed settings)', () => {
  it.each([
    { votes: 6, expected: 'htxsnv', why: 'exactly 2/3 of 9 present' },
    { votes: 5, expected: 'no-majority', why: 'one below 2/3 of 9 present' },
  ])('thresholdHtxsnv ">=2/3" over those present: $why', ({ votes, expected }) => {
    const m = meeting(10, { present: 9, activated: 9, ballots: 9 });
    const settings = { denominator: 'present', thresholdHtxsnv: '>=2/3' };
    const o = run(m, [subject('a', { htxsnv: votes, httnv: 9 - votes - 1 }, 9)], settings);
    expect(o.subjects[0].proposal).toBe(expected);
  });

  it('the secretary is not proposed above the chi bộ (unconfirmed under QĐ 124)', () => {
    const o = run(meeting(9), [
      subject('cb', { httnv: 9 }, 9, { role: 'collective' }),
      subject('bt', { htxsnv: 9 }, 9, { role: 'secretary' }),
      ...Array.from({ length: 5 }, (_, i) => subject(`t${i}`, { httnv: 9 }, 9)),
    ]);
    expect(proposals(o).bt).toBe('httnv');
    expect(o.subjects[1].flags[0]).toMatchObject({ code: 'head-above-collective', certainty: 'unconfirmed' });
  });
});
