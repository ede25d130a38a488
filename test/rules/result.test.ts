// outcomeForResult: a decrypted result and its manifest become a rule input, so the server, the demo and
// the verifier all compute the same outcome; checkManifest catches rule problems before the meeting.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Manifest, parseManifest, seededRandom, verifyRecord } from '../../crypto/index.ts';
import { runDemoMeeting } from '../../src/demo/meeting.ts';
import {
  applyRuleSet,
  checkManifest,
  outcomeForResult,
  RuleError,
  ruleSets,
} from '../../src/shared/rules/index.ts';

const LEVELS = ruleSets['QD366-2025'].options.map((o) => ({ id: o.id, label: o.label.vi }));

function manifest(over: Partial<Manifest> = {}): Manifest {
  return {
    protocol: 'phieukin/v1',
    meetingId: 'm1',
    title: 'Kiểm điểm 2025',
    organisation: 'Chi bộ 3',
    kind: 'classification',
    ruleSet: 'QD366-2025',
    electorate: 10,
    trustees: { n: 3, k: 2 },
    settings: { denominator: { value: 'present', basis: 'NQ chi bộ' } },
    questions: [
      {
        id: 'q1',
        subjectId: 'cb',
        subject: 'Chi bộ 3',
        role: 'collective',
        facts: [],
        prompt: 'Xếp loại',
        options: LEVELS,
      },
      {
        id: 'q2',
        subjectId: 'm7',
        subject: 'Nguyễn Văn B',
        role: 'member',
        facts: [{ code: 'disciplined-duty', source: 'QĐ 9' }],
        prompt: 'Xếp loại',
        // the manifest's own option order: counts follow it
        options: [...LEVELS].reverse(),
      },
    ],
    ...over,
  };
}

const result = (m: Manifest, attendance: { summoned: number; present: number; excluded: number } | null) =>
  outcomeForResult({
    manifest: m,
    attendance,
    activated: 9,
    ballots: 9,
    questions: [
      { id: 'q1', counts: [0, 6, 3, 0], blank: 0 },
      { id: 'q2', counts: [0, 0, 1, 7], blank: 1 },
    ],
  });

describe('outcomeForResult maps the manifest and the decrypted counts to the rule input', () => {
  it('keys counts by the manifest option order, takes subjects, roles, facts and settings from the manifest', () => {
    const o = result(manifest(), { summoned: 10, present: 9, excluded: 0 })!;
    expect(o.settings.denominator).toEqual({ value: 'present', default: 'summoned-net', basis: 'NQ chi bộ' });
    expect(o.subjects.map((s) => [s.id, s.name, s.role, s.proposal])).toEqual([
      ['cb', 'Chi bộ 3', 'collective', 'httnv'],
      ['m7', 'Nguyễn Văn B', 'member', 'khtnv'],
    ]);
    expect(o.subjects[1].tally.options.map((x) => [x.id, x.votes])).toEqual([
      ['htxsnv', 7],
      ['httnv', 1],
      ['htnv', 0],
      ['khtnv', 0],
    ]);
    expect(o.subjects[1].flags.map((f) => f.code)).toEqual(['forced-khtnv']);
  });

  it('equals applyRuleSet on the same input, plus only its own attendance warnings', () => {
    const o = result(manifest(), null)!;
    expect(o.warnings.map((w) => w.code)).toEqual(['attendance-missing']);
    const direct = applyRuleSet({
      ruleSet: 'QD366-2025',
      settings: manifest().settings as never,
      meeting: { summoned: 10, present: 9, excluded: 0, activated: 9, ballots: 9 },
      subjects: o.subjects.map((s) => ({
        id: s.id,
        name: s.name,
        role: s.role,
        facts: manifest().questions.find((q) => q.subjectId === s.id)!.facts!,
        counts: Object.fromEntries(s.tally.options.map((x) => [x.id, x.votes])),
        blank: s.tally.blank,
      })),
    });
    expect({ ...o, warnings: [] }).toStrictEqual(direct);
  });

  it('warns when the roll call changes the number summoned, and uses the roll call', () => {
    const o = result(manifest({ settings: {} }), { summoned: 11, present: 9, excluded: 1 })!;
    expect(o.warnings.map((w) => w.code)).toEqual(['electorate-differs']);
    expect(o.subjects[0].tally.denominator).toMatchObject({ basis: 'summoned-net', value: 10 });
  });

  it('returns null for rule set "none"', () => {
    expect(result(manifest({ ruleSet: 'none', settings: {} }), null)).toBeNull();
  });

  it.each([
    { why: 'a rule set of another kind', m: manifest({ kind: 'confidence' }), code: 'kind-mismatch' },
    { why: 'an unknown setting', m: manifest({ settings: { quorum2: 1 } }), code: 'unknown-setting' },
    {
      why: 'options the rule set lacks',
      m: manifest({
        questions: [
          {
            ...manifest().questions[0],
            options: [
              { id: 'a', label: 'A' },
              { id: 'b', label: 'B' },
              { id: 'c', label: 'C' },
              { id: 'd', label: 'D' },
            ],
          },
          manifest().questions[1],
        ],
      }),
      code: 'unknown-option',
    },
  ])('throws a RuleError for $why', ({ m, code }) => {
    expect(() => result(m, null)).toThrow(expect.objectContaining({ code }) as unknown as RuleError);
  });

  it('accepts the manifest exactly as the crypto package parses it', () => {
    const parsed = parseManifest(JSON.stringify(manifest()));
    expect(result(parsed, null)).toStrictEqual(result(manifest(), null));
  });
});

describe('checkManifest: rule problems before the meeting, not at the count', () => {
  it('lists facts the rule set will not apply and overrides without a basis', () => {
    const m = manifest({ settings: { cumulative: true } });
    m.questions[0].facts = [{ code: 'disciplined-duty', source: 'x' }];
    expect(checkManifest(m).map((w) => w.code)).toEqual(['setting-without-basis', 'fact-not-applicable']);
    expect(checkManifest(m)[1].message.en).toMatch(/^Chi bộ 3: Fact "disciplined-duty"/);
  });

  it.each([
    { ruleSet: 'QD366-2025', year: 2024, span: '2025–' },
    { ruleSet: 'QD124-2023', year: 2025, span: '2023–2024' },
    { ruleSet: 'QD124-2023', year: 2022, span: '2023–2024' },
    { ruleSet: 'QD132-2019', year: 2026, span: '2019–2022' },
  ])(
    'warns when $ruleSet assesses $year, a year it is not for (vn-rules.md §0)',
    ({ ruleSet, year, span }) => {
      const m = { ...manifest({ ruleSet, questions: [manifest().questions[0]] }), assessmentYear: year };
      const warnings = checkManifest(m);
      expect(warnings.map((w) => w.code)).toEqual(['rule-set-year']);
      expect(warnings[0]!.message.en).toContain(`assessment years ${span}; this meeting assesses ${year}`);
    },
  );

  it.each([
    { ruleSet: 'QD366-2025', year: 2025 },
    { ruleSet: 'QD366-2025', year: 2031 },
    { ruleSet: 'QD124-2023', year: 2023 },
    { ruleSet: 'QD124-2023', year: 2024 },
    { ruleSet: 'QD132-2019', year: 2019 },
  ])('is silent when $ruleSet assesses $year, a year it is for', ({ ruleSet, year }) => {
    const m = { ...manifest({ ruleSet, questions: [manifest().questions[0]] }), assessmentYear: year };
    expect(checkManifest(m)).toEqual([]);
  });

  it('warns the organiser that a linked confidence result held without its 2/3 quorum will not be applied', () => {
    const short = applyRuleSet({
      ruleSet: 'QD96-2023',
      meeting: { summoned: 9, present: 5, activated: 5, ballots: 5 },
      subjects: [
        { id: 'm7', name: 'Nguyễn Văn B', role: 'leader', facts: [], counts: { thap: 5 }, blank: 0 },
      ],
    });
    const leader = { ...manifest().questions[1], role: 'leader' as const, facts: [] };
    const m = { ...manifest({ settings: {}, questions: [leader] }), linkedConfidence: short };
    expect(checkManifest(m).map((w) => w.code)).toEqual(['linked-confidence-invalid']);
  });

  it('is silent for a clean manifest and for rule set "none", and throws on a bad setting', () => {
    expect(checkManifest(manifest({ questions: [manifest().questions[0]] }))).toEqual([]);
    expect(checkManifest(manifest({ ruleSet: 'none' }))).toEqual([]);
    expect(() => checkManifest(manifest({ settings: { capPercent: 30 } }))).toThrow(RuleError);
  });
});

describe('a record carries the outcome, and the verifier recomputes it (SPEC §7, §8 check "result")', () => {
  const meeting = runDemoMeeting({
    voters: 7,
    questions: 3,
    options: 4,
    trustees: { n: 3, k: 2 },
    random: seededRandom('rules-record'),
    ruleSet: 'QD366-2025',
    manifestFor: (base) => ({ ...base, questions: base.questions.map((q) => ({ ...q, options: LEVELS })) }),
    outcome: outcomeForResult,
  });
  const resultEvent = () => meeting.record.events.find((e) => e.type === 'result')!;

  it('stores a QD366-2025 outcome for every question in the result payload', () => {
    const payload = JSON.parse(resultEvent().payload);
    expect(payload.outcome.ruleSet).toBe('QD366-2025');
    expect(payload.outcome.subjects.map((s: { id: string }) => s.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('verifies with the rules engine, and fails "result" when the outcome is altered', () => {
    const check = (record: unknown) =>
      verifyRecord(record, { outcome: outcomeForResult }).checks.find((c) => c.name === 'result')!;
    expect(check(meeting.record).status).toBe('pass');
    const forged = structuredClone(meeting.record);
    const event = forged.events.find((e) => e.type === 'result')!;
    const payload = JSON.parse(event.payload);
    payload.outcome.subjects[0].proposal =
      payload.outcome.subjects[0].proposal === 'htxsnv' ? 'khtnv' : 'htxsnv';
    event.payload = JSON.stringify(payload);
    expect(check(forged)).toMatchObject({
      status: 'fail',
      problems: expect.arrayContaining([
        expect.objectContaining({ code: 'result.outcome', text: expect.stringContaining('outcome differs') }),
      ]),
    });
  });

  it('the reference record (rule set "none") still verifies with the engine given', () => {
    const record = JSON.parse(
      readFileSync(new URL('../vectors/conformance/record-valid.json', import.meta.url), 'utf8'),
    );
    expect(
      verifyRecord(record, { outcome: outcomeForResult }).checks.find((c) => c.name === 'result')!.status,
    ).toBe('pass');
  });
});
