// What every rule set shares: input and settings are checked with bilingual errors, settings resolve with
// their defaults and basis, the outcome is plain deterministic JSON, and src/shared/rules stays pure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { percent, reaches } from '../../src/shared/rules/arithmetic.ts';
import {
  applyRuleSet,
  RuleError,
  type RuleInput,
  resolveSettings,
  ruleSets,
  warningsInWords,
} from '../../src/shared/rules/index.ts';
import { meeting, subject, warningCodes } from './helpers.ts';

const valid = (): RuleInput => ({
  ruleSet: 'QD366-2025',
  meeting: meeting(10),
  subjects: [subject('a', { httnv: 10 }, 10)],
});
const broken = (change: (input: Record<string, unknown>) => void): unknown => {
  const input = structuredClone(valid()) as unknown as Record<string, unknown>;
  change(input);
  return input;
};
const subjects = (i: Record<string, unknown>) => i.subjects as Record<string, unknown>[];
const meetingOf = (i: Record<string, unknown>) => i.meeting as Record<string, unknown>;

describe('bad input throws a RuleError with a message in Vietnamese and English', () => {
  it.each([
    {
      why: 'unknown rule set',
      input: broken((i) => {
        i.ruleSet = 'QD999';
      }),
      code: 'unknown-rule-set',
      en: /Unknown rule set "QD999"/,
    },
    {
      why: 'unknown setting',
      input: broken((i) => {
        i.settings = { threshold: '>1/2' };
      }),
      code: 'unknown-setting',
      en: /no setting "threshold"/,
    },
    {
      why: 'value not allowed',
      input: broken((i) => {
        i.settings = { denominator: 'voters' };
      }),
      code: 'invalid-setting',
      en: /Invalid value for setting "denominator"/,
    },
    {
      why: 'a string for a number',
      input: broken((i) => {
        i.settings = { capPercent: '25' };
      }),
      code: 'invalid-setting',
      en: /capPercent/,
    },
    {
      why: 'misspelt basis',
      input: broken((i) => {
        i.settings = { cumulative: { value: true, bassis: 'x' } };
      }),
      code: 'invalid-setting',
      en: /expected \{ "value"/,
    },
    {
      why: 'counts for an unknown option',
      input: broken((i) => {
        subjects(i)[0].counts = { httnv: 9, tot: 1 };
      }),
      code: 'unknown-option',
      en: /option "tot"/,
    },
    {
      why: 'negative count',
      input: broken((i) => {
        subjects(i)[0].counts = { httnv: 11, htnv: -1 };
      }),
      code: 'invalid-input',
      en: /counts.htnv must be a whole number/,
    },
    {
      why: 'fractional count',
      input: broken((i) => {
        meetingOf(i).present = 9.5;
      }),
      code: 'invalid-input',
      en: /meeting.present must be a whole number/,
    },
    {
      why: 'counts and blank not adding up to the ballots',
      input: broken((i) => {
        subjects(i)[0].blank = 1;
      }),
      code: 'invalid-input',
      en: /differ from the ballots cast/,
    },
    {
      why: 'more present than summoned',
      input: broken((i) => {
        meetingOf(i).present = 11;
      }),
      code: 'invalid-input',
      en: /present \(11\) is more than meeting.summoned/,
    },
    {
      why: 'more ballots than cards',
      input: broken((i) => {
        meetingOf(i).activated = 9;
      }),
      code: 'invalid-input',
      en: /ballots \(10\) is more than meeting.activated/,
    },
    {
      why: 'more excluded than summoned',
      input: broken((i) => {
        meetingOf(i).excluded = 11;
      }),
      code: 'invalid-input',
      en: /excluded/,
    },
    {
      why: 'unknown role',
      input: broken((i) => {
        subjects(i)[0].role = 'chair';
      }),
      code: 'invalid-input',
      en: /role must be one of/,
    },
    {
      why: 'no subjects',
      input: broken((i) => {
        i.subjects = [];
      }),
      code: 'invalid-input',
      en: /at least one subject/,
    },
    {
      why: 'duplicate subject id',
      input: broken((i) => {
        i.subjects = [subjects(i)[0], subjects(i)[0]];
      }),
      code: 'invalid-input',
      en: /used twice/,
    },
    {
      why: 'two collectives',
      input: broken((i) => {
        i.subjects = [0, 1].map((n) => ({ ...subjects(i)[0], id: `c${n}`, role: 'collective' }));
      }),
      code: 'invalid-input',
      en: /at most one subject may be the collective/,
    },
    {
      why: 'a fact without a source',
      input: broken((i) => {
        subjects(i)[0].facts = [{ code: 'suspended' }];
      }),
      code: 'invalid-input',
      en: /facts\[0\].source/,
    },
    { why: 'not an object', input: 'QD366-2025', code: 'invalid-input', en: /must be a JSON object/ },
  ])('$why → $code', ({ input, code, en }) => {
    let error: unknown;
    try {
      applyRuleSet(input as RuleInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleError);
    const e = error as RuleError;
    expect(e.code).toBe(code);
    expect(e.text.en).toMatch(en);
    expect(e.text.vi).not.toBe(e.text.en);
    expect(e.message).toBe(`${e.text.vi} / ${e.text.en}`);
  });
});

describe('settings resolve with their defaults and stated basis (RULES.md: the override and its basis are recorded)', () => {
  it('fills every default, in the table order', () => {
    const o = applyRuleSet(valid());
    expect(Object.keys(o.settings)).toEqual(ruleSets['QD366-2025'].settings.map((s) => s.key));
    expect(o.settings.denominator).toEqual({ value: 'summoned-net', default: 'summoned-net', basis: null });
  });

  it('keeps an override with its basis, and warns of an override without one', () => {
    const withBasis = applyRuleSet({
      ...valid(),
      settings: { capPercent: { value: 25, basis: 'CV 15-CV/ĐU' } },
    });
    expect(withBasis.settings.capPercent).toEqual({ value: 25, default: 20, basis: 'CV 15-CV/ĐU' });
    expect(warningCodes(withBasis)).toEqual([]);
    const bare = applyRuleSet({ ...valid(), settings: { capPercent: 25, cumulative: { value: false } } });
    expect(warningCodes(bare)).toEqual(['setting-without-basis']);
    // the record keeps the engine's words (SPEC §7); pages say them by the setting's name (warningsInWords)
    expect(bare.warnings[0].message.en).toContain('"capPercent" = 25 differs from the default 20');
    const words = warningsInWords(bare)[0]!;
    expect(words.message.en).toBe(
      'Setting "Most who may be proposed for excellent completion" is "25%", not the default "20%", with no stated basis.',
    );
    expect(words.message.vi).toBe(
      'Thiết lập "Tỷ lệ tối đa được đề xuất hoàn thành xuất sắc nhiệm vụ" là "25%", khác mặc định "20%", mà không nêu căn cứ.',
    );
  });

  it('resolveSettings checks settings for a meeting before it starts', () => {
    expect(resolveSettings('motion', { quorum: 'none' }).quorum.value).toBe('none');
    expect(() => resolveSettings('motion', { cap: 1 })).toThrow(RuleError);
  });
});

describe('the outcome is plain, deterministic JSON (it is stored in the record and recomputed)', () => {
  it('survives a JSON round trip unchanged and two runs agree', () => {
    const input = valid();
    const o = applyRuleSet(input);
    expect(JSON.parse(JSON.stringify(o))).toStrictEqual(o);
    expect(applyRuleSet(structuredClone(input))).toStrictEqual(o);
  });

  it('does not change its input', () => {
    const input = valid();
    const copy = structuredClone(input);
    applyRuleSet(input);
    expect(input).toStrictEqual(copy);
  });

  it('warns when more cards were activated than members are present', () => {
    const o = applyRuleSet({ ...valid(), meeting: meeting(10, { present: 8, activated: 10, ballots: 10 }) });
    expect(warningCodes(o)).toEqual(['activated-exceeds-present']);
  });
});

describe('integer arithmetic: thresholds by cross-multiplication, percentages rounded half up to one decimal', () => {
  it.each([
    [31, 57, '54.4'],
    [2, 3, '66.7'],
    [1, 3, '33.3'],
    [1, 8, '12.5'],
    [1, 16, '6.3'],
    [1, 40, '2.5'],
    [57, 57, '100.0'],
    [0, 0, '0.0'],
  ])('%i of %i is %s%%', (votes, total, shown) => {
    expect(percent(votes, total)).toBe(shown);
  });

  it.each([
    [500_001, 1_000_000, '>1/2', true],
    [500_000, 1_000_000, '>1/2', false],
    [666_667, 1_000_000, '>=2/3', true],
    [666_666, 1_000_000, '>=2/3', false],
  ])('%i of %i %s → %s', (votes, total, op, expected) => {
    const t = op === '>1/2' ? { op: '>' as const, num: 1, den: 2 } : { op: '>=' as const, num: 2, den: 3 };
    expect(reaches(votes, total, t)).toBe(expected);
  });
});

describe('rule sets as published (the contract the server and the organiser page code against)', () => {
  it.each([
    ['QD366-2025', 'classification', ['htxsnv', 'httnv', 'htnv', 'khtnv']],
    ['QD124-2023', 'classification', ['htxsnv', 'httnv', 'htnv', 'khtnv']],
    ['QD132-2019', 'classification', ['htxsnv', 'httnv', 'htnv', 'khtnv']],
    ['QD96-2023', 'confidence', ['cao', 'tin-nhiem', 'thap']],
    ['motion', 'motion', ['yes', 'no', 'abstain']],
  ])('%s is a %s rule set with options %j', (id, kind, options) => {
    const info = ruleSets[id];
    expect(info).toMatchObject({ id, kind });
    expect(info.options.map((o) => o.id)).toEqual(options);
    expect(info.title.vi && info.title.en && info.citation).toBeTruthy();
    for (const s of info.settings) {
      expect(s.allowed).toContain(s.default);
      expect(s.citation.length).toBeGreaterThan(0);
      expect(s.description.vi.length * s.description.en.length).toBeGreaterThan(0);
      expect(s.name.vi && s.name.en).toBeTruthy();
      // every value in words, and no code in the words a page shows
      expect(s.labels).toHaveLength(s.allowed.length);
      for (const text of [s.name, s.description, ...s.labels])
        expect(`${text.vi} ${text.en}`).not.toMatch(/[a-z]+[A-Z]|\b[a-z]+-[a-z]+\b|research\/|§/);
    }
  });

  it('every local or unconfirmed value of the classification sets is a setting', () => {
    const keys = ruleSets['QD366-2025'].settings.filter(
      (s) => s.certainty === 'local' || s.certainty === 'unconfirmed',
    );
    expect(keys.map((s) => s.key).sort()).toEqual(
      [
        'capBase',
        'capRounding',
        'cumulative',
        'denominator',
        'headNotAboveCollective',
        'quorum',
        'thresholdHtnv',
        'thresholdHtxsnv',
        'thresholdHttnv',
        'thresholdKhtnv',
      ].sort(),
    );
    expect(ruleSets['QD96-2023'].settings.map((s) => [s.key, s.default, s.certainty])).toEqual([
      ['denominator', 'ballots', 'unconfirmed'],
    ]);
  });
});

describe('src/shared/rules is pure: no imports from outside the shared room, no clock, no I/O, no console', () => {
  const shared = join(import.meta.dirname, '../../src/shared');
  const dir = join(shared, 'rules');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, from] of text.matchAll(/from '([^']+)'/g)) {
      expect(from.startsWith('.')).toBe(true);
      expect(join(dir, file, '..', from).startsWith(shared)).toBe(true);
    }
    // No clock: `Date.now()` and `new Date()` read it; a date built from a time passed in does not.
    expect(text).not.toMatch(
      /\bDate\.now\b|\bnew Date\(\s*\)|\b(Math\.random|console|process|fetch|require)\b/,
    );
  });
});
