// reachAtClose, the console's warning before it closes the poll, checked against the engine itself: what
// it says is out of reach is proposed by no completion of the ballots cast (every way the secret ballots
// could be marked, blanks included), and what it says is within reach is proposed when every ballot is
// marked for it (a motion not adopted is "no" whatever the votes: only "yes" is reached). Over every rule
// set, denominator, threshold and counting setting.
import { describe, expect, it } from 'vitest';
import {
  type ManifestForRules,
  outcomeForResult,
  reachAtClose,
  ruleSets,
} from '../../src/shared/rules/index.ts';

type Attendance = { summoned: number; present: number; excluded: number } | null;

function manifestFor(ruleSet: string, settings: Record<string, unknown>): ManifestForRules {
  const info = ruleSets[ruleSet]!;
  return {
    kind: info.kind,
    ruleSet,
    electorate: 6,
    settings,
    questions: [
      {
        id: 'q1',
        subjectId: 'dv1',
        subject: 'Nguyễn Văn An',
        role: 'member',
        facts: [],
        options: info.options.map((o) => ({ id: o.id })),
      },
    ],
  };
}

/** Every way to mark `ballots` ballots over `options` options and the blank. */
function completions(ballots: number, options: number): { counts: number[]; blank: number }[] {
  const out: number[][] = [];
  const fill = (left: number, parts: number[]) => {
    if (parts.length === options) {
      out.push([...parts, left]);
      return;
    }
    for (let n = 0; n <= left; n++) fill(left - n, [...parts, n]);
  };
  fill(ballots, []);
  return out.map((c) => ({ counts: c.slice(0, options), blank: c[options]! }));
}

/** The settings worth varying for a rule set: its denominators, thresholds and counting. */
function settingsOf(ruleSet: string): Record<string, unknown>[] {
  const info = ruleSets[ruleSet]!;
  const allowed = (key: string) => info.settings.find((s) => s.key === key)?.allowed ?? [];
  const thresholds = info.settings.filter((s) => s.key.startsWith('threshold')).map((s) => s.key);
  const variants: Record<string, unknown>[] = [{}];
  if (thresholds.length > 0) {
    variants.push(Object.fromEntries(thresholds.map((k) => [k, '>=2/3'])));
    variants.push({ [thresholds[0]!]: '>=2/3' });
  }
  const counting = allowed('cumulative').length > 0 ? [false, true] : [undefined];
  return allowed('denominator').flatMap((denominator) =>
    variants.flatMap((v) =>
      counting.map((cumulative) => ({
        ...v,
        denominator,
        ...(cumulative === undefined ? {} : { cumulative }),
      })),
    ),
  );
}

const ATTENDANCES: Attendance[] = [
  null,
  { summoned: 6, present: 6, excluded: 0 },
  { summoned: 6, present: 4, excluded: 1 },
];
const CONSEQUENCES = ['resignation-ground', 'khtnv-for-leader', 'removal', 'out-of-planning'];

describe('reachAtClose', () => {
  it('says 3 ballots of 20 summoned reach no level over half, and 11 reach every one', () => {
    const manifest = { ...manifestFor('QD366-2025', {}), electorate: 20 };
    const attendance = { summoned: 20, present: 12, excluded: 0 };
    expect(reachAtClose({ manifest, attendance, activated: 12, cast: 3 })).toEqual({
      kind: 'classification',
      denominator: 20,
      reachable: [],
    });
    expect(reachAtClose({ manifest, attendance, activated: 12, cast: 11 })?.reachable).toEqual([
      'htxsnv',
      'httnv',
      'htnv',
      'khtnv',
    ]);
    const twoThirds = { ...manifest, settings: { thresholdHtxsnv: '>=2/3' } };
    expect(reachAtClose({ manifest: twoThirds, attendance, activated: 12, cast: 11 })?.reachable).toEqual([
      'httnv',
      'htnv',
      'khtnv',
    ]);
  });

  it('says a motion cannot pass with 2 of 6 ballots over those summoned, and can over the ballots cast', () => {
    const attendance = { summoned: 6, present: 6, excluded: 0 };
    expect(
      reachAtClose({ manifest: manifestFor('motion', {}), attendance, activated: 6, cast: 2 })?.reachable,
    ).toEqual([]);
    const overBallots = manifestFor('motion', { denominator: 'ballots' });
    expect(reachAtClose({ manifest: overBallots, attendance, activated: 6, cast: 2 })?.reachable).toEqual([
      'yes',
    ]);
    expect(reachAtClose({ manifest: overBallots, attendance, activated: 6, cast: 0 })?.reachable).toEqual([]);
  });

  it('has nothing to say for a meeting without rules', () => {
    const manifest = { ...manifestFor('motion', {}), ruleSet: 'none' };
    expect(reachAtClose({ manifest, attendance: null, activated: 3, cast: 1 })).toBeNull();
  });

  for (const ruleSet of Object.keys(ruleSets))
    it(`agrees with the engine on every completion of the ballots (${ruleSet})`, () => {
      const options = ruleSets[ruleSet]!.options.map((o) => o.id);
      let unreachableChecked = 0;
      for (const settings of settingsOf(ruleSet))
        for (const attendance of ATTENDANCES)
          for (let cast = 0; cast <= 4; cast++) {
            const manifest = manifestFor(ruleSet, settings);
            const activated = attendance?.present ?? 5;
            const reach = reachAtClose({ manifest, attendance, activated, cast })!;
            const outcome = (counts: number[], blank: number) =>
              outcomeForResult({
                manifest,
                attendance,
                activated,
                ballots: cast,
                questions: [{ id: 'q1', counts, blank }],
              })!.subjects[0]!;
            const where = `${JSON.stringify(settings)} ${JSON.stringify(attendance)} cast ${cast}`;
            for (const id of reach.reachable) {
              const all = options.map((o) => (o === id ? cast : 0));
              expect(outcome(all, 0).proposal, where).toBe(id);
            }
            const out = (reach.kind === 'motion' ? ['yes'] : options).filter(
              (o) => !reach.reachable.includes(o),
            );
            if (out.length === 0) continue;
            for (const c of completions(cast, options.length)) {
              const s = outcome(c.counts, c.blank);
              expect(out, `${where} ${JSON.stringify(c)}`).not.toContain(s.proposal);
              if (reach.reachable.length === 0)
                expect(s.flags.filter((f) => CONSEQUENCES.includes(f.code))).toEqual([]);
              unreachableChecked++;
            }
          }
      expect(unreachableChecked).toBeGreaterThan(0);
    });
});
