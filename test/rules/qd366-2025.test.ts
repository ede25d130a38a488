// QD366-2025 (QĐ 366-QĐ/TW + HD 43-HD/BTCTW): adoption thresholds and denominators, forced KHTNV cases,
// the link from a confidence vote, head not above the collective, and the cap on HTXSNV.
import { describe, expect, it } from 'vitest';
import { applyRuleSet, type RuleInput, type RuleOutcome } from '../../src/shared/rules/index.ts';
import { BALLOTS, BEST_VOTES, chiBo57 } from './chi-bo-57.ts';
import {
  flagCodes,
  meeting,
  proposals,
  type Settings,
  type Subject,
  subject,
  traceTexts,
  warningCodes,
} from './helpers.ts';

const QD366 = 'QD366-2025';
const run = (m: RuleInput['meeting'], subjects: Subject[], settings: Settings = {}, extra = {}) =>
  applyRuleSet({
    ruleSet: QD366,
    settings: settings as RuleInput['settings'],
    meeting: m,
    subjects,
    ...extra,
  });

describe('QĐ 366 adoption: more than half of the denominator (Điều lệ Đảng Điều 9 k5, local)', () => {
  it.each([
    { summoned: 12, excluded: 0, votes: 6, expected: 'no-majority', why: 'exactly half' },
    { summoned: 12, excluded: 0, votes: 7, expected: 'httnv', why: 'half plus one' },
    { summoned: 11, excluded: 0, votes: 5, expected: 'no-majority', why: 'one below half of an odd number' },
    { summoned: 11, excluded: 0, votes: 6, expected: 'httnv', why: 'just over half of an odd number' },
    { summoned: 57, excluded: 2, votes: 27, expected: 'no-majority', why: '27 of 55 net' },
    { summoned: 57, excluded: 2, votes: 28, expected: 'httnv', why: '28 of 55 net' },
    { summoned: 57, excluded: 0, votes: 28, expected: 'no-majority', why: '28 of 57' },
  ])('$why: $votes of $summoned − $excluded → $expected', ({ summoned, excluded, votes, expected }) => {
    const m = meeting(summoned, {
      excluded,
      present: summoned - excluded,
      activated: summoned - excluded,
      ballots: summoned - excluded,
    });
    const o = run(m, [subject('a', { httnv: votes }, m.ballots)]);
    expect(o.subjects[0].proposal).toBe(expected);
    expect(o.subjects[0].tally.denominator).toMatchObject({
      basis: 'summoned-net',
      value: summoned - excluded,
    });
  });

  it('proposes the best level over its threshold, checking levels best first', () => {
    const o = run(meeting(12), [
      subject('a', { htxsnv: 7, httnv: 5 }, 12),
      subject('b', { htnv: 7, khtnv: 5 }, 12),
    ]);
    expect(proposals(o)).toEqual({ a: 'htxsnv', b: 'htnv' });
    expect(traceTexts(o, 'b').slice(1)).toEqual([
      'Điều lệ Đảng Điều 9 k5; HD 07-HD/BTCTW (2011): HTXSNV: 0/12 (0.0%), needs > 1/2: not reached (local)',
      'Điều lệ Đảng Điều 9 k5; HD 07-HD/BTCTW (2011): HTTNV: 0/12 (0.0%), needs > 1/2: not reached (local)',
      'Điều lệ Đảng Điều 9 k5; HD 07-HD/BTCTW (2011): HTNV: 7/12 (58.3%) > 1/2 → proposed HTNV (local)',
    ]);
  });

  it('no level over its threshold: "no-majority", flagged with the options (re-vote, refer to the chi ủy)', () => {
    const o = run(meeting(12), [subject('a', { htxsnv: 6, httnv: 6 }, 12)]);
    expect(o.subjects[0].proposal).toBe('no-majority');
    expect(o.subjects[0].flags).toEqual([
      expect.objectContaining({ code: 'no-majority', certainty: 'unconfirmed', waivable: false }),
    ]);
    expect(o.subjects[0].flags[0].message.en).toContain('re-vote, or refer to the chi ủy');
  });
});

describe('QĐ 366 per-level thresholds (HD 07-HD/BTCTW 2011: at least 2/3 for the best level)', () => {
  it.each([
    { total: 9, votes: 6, expected: 'htxsnv', why: 'exactly 2/3 of 9' },
    { total: 9, votes: 5, expected: 'no-majority', why: 'one below 2/3 of 9' },
    { total: 12, votes: 8, expected: 'htxsnv', why: 'exactly 2/3 of 12' },
    { total: 12, votes: 7, expected: 'no-majority', why: 'one below 2/3 of 12, over half' },
    { total: 55, votes: 37, expected: 'htxsnv', why: '37 of 55 (2/3 is 36.7)' },
    { total: 55, votes: 36, expected: 'no-majority', why: '36 of 55' },
  ])('thresholdHtxsnv ">=2/3", $why → $expected', ({ total, votes, expected }) => {
    const o = run(meeting(total), [subject('a', { htxsnv: votes }, total)], { thresholdHtxsnv: '>=2/3' });
    expect(o.subjects[0].proposal).toBe(expected);
  });

  it('a failed best level falls through to the next level with its own threshold', () => {
    const settings = { thresholdHtxsnv: { value: '>=2/3', basis: 'HD của Đảng ủy' } };
    const o = run(
      meeting(12),
      [subject('a', { htxsnv: 7, httnv: 5 }, 12), subject('b', { htxsnv: 1, httnv: 11 }, 12)],
      settings as RuleInput['settings'],
    );
    expect(proposals(o)).toEqual({ a: 'no-majority', b: 'httnv' });
    expect(traceTexts(o, 'a')[1]).toContain('HTXSNV: 7/12 (58.3%), needs ≥ 2/3: not reached');
  });

  it('thresholdKhtnv ">=2/3": 7 of 12 KHTNV is not enough', () => {
    const o = run(meeting(12), [subject('a', { khtnv: 7 }, 12)], { thresholdKhtnv: '>=2/3' });
    expect(o.subjects[0].proposal).toBe('no-majority');
  });
});

describe('QĐ 366 denominators (setting "denominator", local)', () => {
  // 20 summoned, 2 excluded, 15 present, 14 ballots; the subject has 4 blank, so 10 valid answers
  const m = meeting(20, { excluded: 2, present: 15, activated: 15, ballots: 14 });
  it.each([
    {
      basis: 'summoned-net',
      value: 18,
      fails: 9,
      passes: 10,
      text: '18 official members summoned, net of exclusions (20 − 2)',
    },
    { basis: 'present', value: 15, fails: 7, passes: 8, text: '15 official members present' },
    { basis: 'ballots', value: 14, fails: 7, passes: 8, text: '14 ballots cast' },
    {
      basis: 'valid',
      value: 10,
      fails: 5,
      passes: 6,
      text: '10 valid answers for this subject (14 ballots − 4 blank)',
    },
  ])('$basis = $value: $fails fails, $passes passes', ({ basis, value, fails, passes, text }) => {
    const subjects = [fails, passes].map((v) => subject(`v${v}`, { httnv: v, htnv: 10 - v }, 14));
    const o = run(m, subjects, { denominator: { value: basis, basis: 'NQ chi bộ' } });
    expect(o.subjects.map((s) => s.proposal)).toEqual(['no-majority', 'httnv']);
    expect(o.subjects[0].tally.denominator).toMatchObject({ basis, value });
    expect(o.subjects[0].trace[0].text.en).toBe(`denominator: ${text}`);
  });
});

describe('QĐ 366 cumulative counting (setting "cumulative", unconfirmed, off by default)', () => {
  it.each([
    { counts: { htxsnv: 3, httnv: 2, htnv: 4 }, off: 'no-majority', on: 'httnv' },
    { counts: { htxsnv: 2, httnv: 2, htnv: 1, khtnv: 4 }, off: 'no-majority', on: 'htnv' },
    { counts: { htxsnv: 5, httnv: 4 }, off: 'htxsnv', on: 'htxsnv' },
  ])('$counts: off → $off, on → $on', ({ counts, off, on }) => {
    expect(run(meeting(9), [subject('a', counts, 9)]).subjects[0].proposal).toBe(off);
    expect(run(meeting(9), [subject('a', counts, 9)], { cumulative: true }).subjects[0].proposal).toBe(on);
  });

  it('the trace shows the votes carried down from better levels', () => {
    const o = run(meeting(9), [subject('a', { htxsnv: 3, httnv: 2, htnv: 4 }, 9)], { cumulative: true });
    expect(traceTexts(o, 'a')[2]).toContain(
      'HTTNV: 5/9 (55.6%, counting 3 for better levels) > 1/2 → proposed HTTNV',
    );
  });
});

describe('QĐ 366 Điều 11 k4: forced KHTNV, flagged as waivable (confirmed)', () => {
  const K41 = 'QĐ 366-QĐ/TW Điều 11 k4.1';
  const K42 = 'QĐ 366-QĐ/TW Điều 11 k4.2';
  const K4 = 'QĐ 366-QĐ/TW Điều 11 k4';
  it.each([
    ...[
      'degradation-concluded',
      'disciplined-duty',
      'violated-prohibitions',
      'violated-exemplary-duty',
      'tasks-failed-over-half',
    ].map((code) => ({ code, role: 'member' as const, citation: K42 })),
    ...[
      'unit-tasks-under-70',
      'units-khtnv-over-half',
      'low-confidence-over-half',
      'disciplined-duty',
      'degradation-concluded',
      'corruption-in-unit',
    ].flatMap((code) => (['leader', 'secretary'] as const).map((role) => ({ code, role, citation: K41 }))),
    ...[
      'personnel-violations',
      'member-disciplined-duty',
      'member-degradation-concluded',
      'unit-tasks-under-70',
    ].map((code) => ({ code, role: 'collective' as const, citation: K4 })),
  ])('$role with "$code" → KHTNV ($citation)', ({ code, role, citation }) => {
    const facts = [{ code, source: 'Quyết định số 1-QĐ/ĐU' }];
    const o = run(meeting(10), [subject('a', { httnv: 10 }, 10, { role, facts })]);
    const s = o.subjects[0];
    expect(s.proposal).toBe('khtnv');
    expect(s.flags).toEqual([
      expect.objectContaining({ code: 'forced-khtnv', citation, certainty: 'confirmed', waivable: true }),
    ]);
    expect(s.flags[0].message.en).toContain('the vote gave: HTTNV');
    expect(s.flags[0].message.en).toContain('source: Quyết định số 1-QĐ/ĐU');
  });

  it.each([
    { code: 'exempt-from-activity', role: 'member' as const },
    { code: 'suspended', role: 'leader' as const },
    { code: 'admitted-under-6-months', role: 'secretary' as const },
  ])('Điều 5 k2.1: $role with "$code" is not classified', ({ code, role }) => {
    const o = run(meeting(10), [subject('a', { htxsnv: 10 }, 10, { role, facts: [{ code, source: 'x' }] })]);
    expect(o.subjects[0].proposal).toBe('not-classified');
    expect(o.subjects[0].flags).toEqual([
      expect.objectContaining({ code: 'not-classified', citation: 'QĐ 366-QĐ/TW Điều 5 k2.1' }),
    ]);
  });

  it.each([
    { code: 'corruption-in-unit', role: 'member' as const, flagCode: 'fact-not-applicable' },
    { code: 'violated-prohibitions', role: 'leader' as const, flagCode: 'fact-not-applicable' },
    { code: 'suspended', role: 'collective' as const, flagCode: 'fact-not-applicable' },
    { code: 'disciplined-in-year', role: 'member' as const, flagCode: 'unknown-fact' },
  ])('$role with "$code" is flagged $flagCode and not applied', ({ code, role, flagCode }) => {
    const o = run(meeting(10), [subject('a', { httnv: 10 }, 10, { role, facts: [{ code, source: '' }] })]);
    expect(o.subjects[0].proposal).toBe('httnv');
    expect(flagCodes(o, 'a')).toEqual([flagCode]);
    expect(o.subjects[0].flags[0].message.en).toContain('source: not given');
  });

  it('forces KHTNV over a vote that reached no level, and flags a repeated fact once', () => {
    const facts = [
      { code: 'disciplined-duty', source: 'QĐ 1' },
      { code: 'disciplined-duty', source: 'QĐ 1' },
    ];
    const o = run(meeting(10), [subject('a', { htxsnv: 5, httnv: 5 }, 10, { facts })]);
    expect(o.subjects[0].proposal).toBe('khtnv');
    expect(flagCodes(o, 'a')).toEqual(['no-majority', 'forced-khtnv']);
    expect(o.subjects[0].flags[1].message.en).toContain('the vote gave: no level reached its threshold');
  });
});

describe('QĐ 366 Điều 11 k4.1: a leader with "tín nhiệm thấp" over half in the linked QD96-2023 vote → KHTNV', () => {
  const confidence = (low: number, total: number) =>
    applyRuleSet({
      ruleSet: 'QD96-2023',
      meeting: meeting(total),
      subjects: [
        subject('x', { cao: total - low, thap: low }, total, { role: 'leader' }),
        subject('y', { cao: total - low, thap: low }, total, { role: 'leader' }),
      ],
    });
  it.each([
    {
      role: 'leader' as const,
      low: 31,
      total: 57,
      expected: 'khtnv',
      line: 'leader with 31/57 (54.4%) "tín nhiệm thấp" > 1/2 → KHTNV',
    },
    {
      role: 'leader' as const,
      low: 28,
      total: 56,
      expected: 'httnv',
      line: 'leader with 28/56 (50.0%) "tín nhiệm thấp", not > 1/2',
    },
    {
      role: 'leader' as const,
      low: 29,
      total: 56,
      expected: 'khtnv',
      line: 'leader with 29/56 (51.8%) "tín nhiệm thấp" > 1/2 → KHTNV',
    },
    {
      role: 'secretary' as const,
      low: 31,
      total: 57,
      expected: 'khtnv',
      line: 'secretary with 31/57 (54.4%) "tín nhiệm thấp" > 1/2 → KHTNV',
    },
  ])('$role, $low of $total → $expected', ({ role, low, total, expected, line }) => {
    const o = run(
      meeting(10),
      [subject('x', { httnv: 10 }, 10, { role })],
      {},
      { linkedConfidence: confidence(low, total) },
    );
    expect(o.subjects[0].proposal).toBe(expected);
    expect(traceTexts(o, 'x')).toContain(`QĐ 366-QĐ/TW Điều 11 k4.1: ${line} (confirmed)`);
    expect(flagCodes(o, 'x')).toEqual(expected === 'khtnv' ? ['forced-khtnv'] : []);
  });

  it('does not touch a member, and traces a leader missing from the linked vote', () => {
    const subjects = [
      subject('x', { httnv: 10 }, 10, { role: 'member' }),
      subject('z', { httnv: 10 }, 10, { role: 'leader' }),
    ];
    const o = run(meeting(10), subjects, {}, { linkedConfidence: confidence(40, 57) });
    expect(proposals(o)).toEqual({ x: 'httnv', z: 'httnv' });
    expect(traceTexts(o, 'x')).toHaveLength(3);
    expect(traceTexts(o, 'z').at(-1)).toBe(
      'QĐ 366-QĐ/TW Điều 11 k4.1: leader is not in the linked confidence vote (confirmed)',
    );
  });

  it('the same case entered as a fact and found in the linked vote is flagged once', () => {
    const facts = [{ code: 'low-confidence-over-half', source: 'Biên bản lấy phiếu 2025' }];
    const o = run(
      meeting(10),
      [subject('x', { httnv: 10 }, 10, { role: 'leader', facts })],
      {},
      { linkedConfidence: confidence(31, 57) },
    );
    expect(flagCodes(o, 'x')).toEqual(['forced-khtnv']);
  });

  it('a linked result held without its 2/3 quorum (QĐ 96 Điều 3) forces nothing: its defect is flagged on the leader and warned', () => {
    const short = applyRuleSet({
      ruleSet: 'QD96-2023',
      meeting: meeting(57, { present: 37, activated: 37, ballots: 37 }),
      subjects: [subject('x', { cao: 6, thap: 31 }, 37, { role: 'leader' })],
    });
    expect(warningCodes(short)).toContain('quorum-not-met');
    const o = run(
      meeting(10),
      [subject('x', { httnv: 10 }, 10, { role: 'leader' }), subject('m', { httnv: 10 }, 10)],
      {},
      { linkedConfidence: short },
    );
    expect(proposals(o)).toEqual({ x: 'httnv', m: 'httnv' });
    expect(flagCodes(o, 'x')).toEqual(['linked-confidence-invalid']);
    expect(flagCodes(o, 'm')).toEqual([]);
    expect(o.subjects[0].flags[0].message.vi).toContain('QĐ 96-QĐ/TW Điều 3');
    expect(o.subjects[0].flags[0].message.en).toContain('37 of 57 summoned are present');
    expect(warningCodes(o)).toContain('linked-confidence-invalid');
  });

  it('refuses a linked outcome that is not a QD96-2023 one', () => {
    const linked = run(meeting(10), [subject('x', { httnv: 10 }, 10)]);
    expect(() =>
      run(meeting(10), [subject('x', { httnv: 10 }, 10)], {}, { linkedConfidence: linked }),
    ).toThrow(/QD96-2023/);
  });
});

describe('head not above the collective (HD 21-HD/BTCTW 2019; setting, unconfirmed after 2019)', () => {
  const chiBo = (counts: Partial<Record<string, number>>, facts: Subject['facts'] = []) =>
    subject('cb', counts, 10, { role: 'collective', facts });
  const secretary = (counts: Partial<Record<string, number>>) =>
    subject('bt', counts, 10, { role: 'secretary' });
  const headFlags = (o: RuleOutcome) => flagCodes(o, 'bt').filter((c) => c.startsWith('head'));
  it.each([
    {
      why: 'above → lowered',
      cb: chiBo({ httnv: 10 }),
      head: { htxsnv: 10 },
      expected: 'httnv',
      flags: ['head-above-collective'],
    },
    { why: 'equal → kept', cb: chiBo({ httnv: 10 }), head: { httnv: 10 }, expected: 'httnv', flags: [] },
    { why: 'below → kept', cb: chiBo({ htxsnv: 10 }), head: { httnv: 10 }, expected: 'httnv', flags: [] },
    {
      why: 'chi bộ forced KHTNV → lowered to KHTNV',
      cb: chiBo({ httnv: 10 }, [{ code: 'personnel-violations', source: 'x' }]),
      head: { httnv: 10 },
      expected: 'khtnv',
      flags: ['head-above-collective'],
    },
    {
      why: 'chi bộ without a level → flagged for the committee',
      cb: chiBo({ httnv: 5, htnv: 5 }),
      head: { htxsnv: 10 },
      expected: 'htxsnv',
      flags: ['head-not-checked'],
    },
  ])('$why', ({ cb, head, expected, flags }) => {
    const o = run(meeting(10), [cb, secretary(head)]);
    expect(o.subjects[1].proposal).toBe(expected);
    expect(headFlags(o)).toEqual(flags);
  });

  it('no chi bộ subject in the meeting: flagged for the committee', () => {
    const o = run(meeting(10), [secretary({ htxsnv: 10 })]);
    expect(headFlags(o)).toEqual(['head-not-checked']);
  });

  it('turned off: the secretary keeps the voted level; a leader is never compared', () => {
    const off = run(meeting(10), [chiBo({ httnv: 10 }), secretary({ htxsnv: 10 })], {
      headNotAboveCollective: false,
    });
    expect(off.subjects[1].proposal).toBe('htxsnv');
    const leader = run(meeting(10), [
      chiBo({ httnv: 10 }),
      subject('l', { htxsnv: 10 }, 10, { role: 'leader' }),
    ]);
    expect(leader.subjects[1].proposal).toBe('htxsnv');
  });
});

describe('QĐ 366 Điều 11 k1.5: HTXSNV at most 20% (or 25%) of HTTNV; warn and mark, never demote', () => {
  // two proposed HTXSNV with 10 and 9 of 12 votes, and n proposed HTTNV
  const meetingWith = (httnv: number, settings: Settings = {}) =>
    run(
      meeting(12),
      [
        subject('x1', { htxsnv: 9, httnv: 3 }, 12),
        subject('x2', { htxsnv: 10, httnv: 2 }, 12),
        ...Array.from({ length: httnv }, (_, i) => subject(`t${i}`, { httnv: 12 }, 12)),
        subject('cb', { htxsnv: 12 }, 12, { role: 'collective' }),
      ],
      settings as RuleInput['settings'],
    );
  it.each([
    { httnv: 0, settings: {}, max: 0, x2: ['exceeds-cap'], x1: ['exceeds-cap'] },
    { httnv: 1, settings: {}, max: 0, x2: ['exceeds-cap'], x1: ['exceeds-cap'] },
    { httnv: 4, settings: {}, max: 0, x2: ['exceeds-cap'], x1: ['exceeds-cap'] },
    { httnv: 5, settings: {}, max: 1, x2: [], x1: ['exceeds-cap'] },
    { httnv: 6, settings: {}, max: 1, x2: [], x1: ['exceeds-cap'] },
    { httnv: 4, settings: { capPercent: 25 }, max: 1, x2: [], x1: ['exceeds-cap'] },
    { httnv: 3, settings: { capRounding: 'round' }, max: 1, x2: [], x1: ['exceeds-cap'] },
    { httnv: 2, settings: { capRounding: 'round' }, max: 0, x2: ['exceeds-cap'], x1: ['exceeds-cap'] },
    { httnv: 1, settings: { capRounding: 'ceil' }, max: 1, x2: [], x1: ['exceeds-cap'] },
    { httnv: 3, settings: { capBase: 'httnv-and-better' }, max: 1, x2: [], x1: ['exceeds-cap'] },
    { httnv: 10, settings: {}, max: 2, x2: [], x1: [] },
  ])('$httnv HTTNV, $settings → cap $max', ({ httnv, settings, max, x1, x2 }) => {
    const o = meetingWith(httnv, settings);
    expect(o.subjects[0].proposal).toBe('htxsnv');
    expect(o.subjects[1].proposal).toBe('htxsnv');
    expect(flagCodes(o, 'x2')).toEqual(x2);
    expect(flagCodes(o, 'x1')).toEqual(x1);
    expect(traceTexts(o, 'x2').at(-1)).toContain(`at most ${max} HTXSNV`);
    expect(warningCodes(o).includes('cap-exceeded')).toBe(x1.length > 0);
  });

  it('ranks by vote share across denominators (6 of 8 valid beats 7 of 10)', () => {
    const o = run(
      meeting(10),
      [
        subject('a', { htxsnv: 7, httnv: 3 }, 10),
        subject('b', { htxsnv: 6, httnv: 2 }, 10),
        ...Array.from({ length: 5 }, (_, i) => subject(`t${i}`, { httnv: 10 }, 10)),
      ],
      { denominator: 'valid' },
    );
    expect(flagCodes(o, 'b')).toEqual([]);
    expect(flagCodes(o, 'a')).toEqual(['exceeds-cap']);
    expect(traceTexts(o, 'a').at(-1)).toContain('rank 2 of 2 by vote share 7/10 (70.0%)');
  });

  it('a tie across the cap is marked "tied-at-cap" for each tied member', () => {
    const o = run(meeting(12), [
      subject('a', { htxsnv: 11, httnv: 1 }, 12),
      subject('b', { htxsnv: 8, httnv: 4 }, 12),
      subject('c', { htxsnv: 8, httnv: 4 }, 12),
      ...Array.from({ length: 10 }, (_, i) => subject(`t${i}`, { httnv: 12 }, 12)),
    ]);
    expect([flagCodes(o, 'a'), flagCodes(o, 'b'), flagCodes(o, 'c')]).toEqual([
      [],
      ['tied-at-cap'],
      ['tied-at-cap'],
    ]);
  });

  it('the cap has no certainty stronger than its unconfirmed base and rounding', () => {
    const o = meetingWith(0);
    expect(o.subjects[0].flags[0]).toEqual(
      expect.objectContaining({ citation: 'QĐ 366-QĐ/TW Điều 11 k1.5', certainty: 'unconfirmed' }),
    );
  });

  it('capPercent only takes 20 or 25', () => {
    expect(() => meetingWith(5, { capPercent: 30 })).toThrow(/capPercent/);
  });
});

describe('quorum for an ordinary meeting: a warning only (setting "quorum", local)', () => {
  it.each([
    { quorum: '>=2/3', present: 38, warns: false },
    { quorum: '>=2/3', present: 37, warns: true },
    { quorum: '>1/2', present: 29, warns: false },
    { quorum: '>1/2', present: 28, warns: true },
    { quorum: 'none', present: 1, warns: false },
  ])('$quorum with $present of 57 present → warns: $warns', ({ quorum, present, warns }) => {
    const m = meeting(57, { present, activated: present, ballots: present });
    const o = run(m, [subject('a', { httnv: present }, present)], { quorum });
    expect(warningCodes(o).includes('quorum-not-met')).toBe(warns);
  });
});

describe('a 57-member chi bộ under QĐ 366 with its confidence vote linked', () => {
  const o = applyRuleSet(chiBo57);
  const count = (p: string) => o.subjects.filter((s) => s.role !== 'collective' && s.proposal === p).length;

  it('has the chi bộ and 57 individuals, over a denominator of 55 (57 − 2 excluded)', () => {
    expect(o.subjects).toHaveLength(58);
    expect(new Set(o.subjects.map((s) => s.tally.denominator.value))).toEqual(new Set([55]));
    expect(
      o.subjects.every((s) => s.tally.options.reduce((a, x) => a + x.votes, s.tally.blank) === BALLOTS),
    ).toBe(true);
  });

  it('proposes 10 HTXSNV, 41 HTTNV, 1 HTNV, 3 KHTNV, 1 with no majority and 1 not classified', () => {
    expect([
      count('htxsnv'),
      count('httnv'),
      count('htnv'),
      count('khtnv'),
      count('no-majority'),
      count('not-classified'),
    ]).toEqual([10, 41, 1, 3, 1, 1]);
    expect(proposals(o)).toMatchObject({
      cb: 'httnv',
      bt: 'httnv',
      l1: 'khtnv',
      l2: 'httnv',
      l3: 'httnv',
      nm: 'no-majority',
      kl: 'khtnv',
      kn: 'not-classified',
      kv: 'khtnv',
      hv: 'htnv',
    });
  });

  it('lowers the secretary to the chi bộ level and forces KHTNV for leader l1 from the linked vote', () => {
    expect(flagCodes(o, 'bt')).toEqual(['head-above-collective']);
    expect(traceTexts(o, 'l1')).toContain(
      'QĐ 366-QĐ/TW Điều 11 k4.1: leader with 31/57 (54.4%) "tín nhiệm thấp" > 1/2 → KHTNV (confirmed)',
    );
    expect(traceTexts(o, 'l2')).toContain(
      'QĐ 366-QĐ/TW Điều 11 k4.1: leader with 20/57 (35.1%) "tín nhiệm thấp", not > 1/2 (confirmed)',
    );
    expect(traceTexts(o, 'l3').at(-1)).toContain('leader is not in the linked confidence vote');
  });

  it('caps HTXSNV at floor(20% × 41) = 8: 7 within, 2 tied at the cap, 1 beyond; nobody demoted', () => {
    const marks = BEST_VOTES.map((_, i) => flagCodes(o, `x${i + 1}`).join());
    expect(marks).toEqual(['', '', '', '', '', '', '', 'tied-at-cap', 'tied-at-cap', 'exceeds-cap']);
    expect(traceTexts(o, 'x10').at(-1)).toContain(
      'at most 8 HTXSNV = floor(20% × 41 HTTNV); rank 10 of 10 by vote share 29/55 (52.7%)',
    );
    expect(warningCodes(o)).toEqual(['cap-exceeded']);
  });

  it('a member with 27 of 55 for HTXSNV and 25 for HTTNV reaches no level, unless counting is cumulative', () => {
    expect(flagCodes(o, 'nm')).toEqual(['no-majority']);
    const cumulative = applyRuleSet({
      ...chiBo57,
      settings: { cumulative: { value: true, basis: 'NQ Đảng ủy' } },
    });
    expect(cumulative.subjects.find((s) => s.id === 'nm')!.proposal).toBe('httnv');
  });
});
