// Before the poll closes: what the ballots already cast can still decide. The ballots stay secret until the
// count, so the most any level (or "yes") can get is every ballot cast marked for it, none left blank; if
// even that misses the rule set's own threshold over its denominator, closing now proposes that level for
// no one. The organiser's page warns when nothing at all is within reach.
import { parseThreshold, reaches, type Threshold } from './arithmetic.ts';
import { HALF as CONFIDENCE_HALF } from './confidence.ts';
import { denominator } from './meeting.ts';
import { ADOPTED } from './motion.ts';
import { tableFor } from './registry.ts';
import { type ResultForRules, toRuleInput } from './result.ts';
import { resolveTableSettings, stringSetting } from './settings.ts';
import { thresholdKey } from './tables/common.ts';
import type { Kind } from './types.ts';

export type ReachAtClose = {
  kind: Kind;
  /** the denominator the thresholds are taken over, with the ballots cast so far and none blank */
  denominator: number;
  /** the levels (confidence: the options; motion: "yes") some subject can still reach; empty: none */
  reachable: string[];
};

/**
 * What closing the poll now with `cast` ballots leaves within reach, by the rule set's own thresholds
 * (integers, as the engine compares them); null for a meeting without rules or without questions.
 */
export function reachAtClose(
  args: Omit<ResultForRules, 'ballots' | 'questions'> & { cast: number },
): ReachAtClose | null {
  const { manifest, cast } = args;
  if (manifest.ruleSet === 'none' || manifest.questions.length === 0) return null;
  const table = tableFor(manifest.ruleSet);
  const { settings } = resolveTableSettings(table, manifest.settings);
  const { input } = toRuleInput({
    ...args,
    ballots: cast,
    questions: manifest.questions.map((q) => ({ id: q.id, counts: q.options.map(() => 0), blank: 0 })),
  });
  const meeting = { ...input.meeting, excluded: input.meeting.excluded ?? 0 };
  const d = denominator(stringSetting(settings, 'denominator'), meeting, input.subjects[0]!).value;
  const within = (t: Threshold) => d > 0 && reaches(cast, d, t);
  const reachable =
    table.kind === 'classification'
      ? table.options
          .filter((o) => within(parseThreshold(stringSetting(settings, thresholdKey(o.id)))))
          .map((o) => o.id)
      : table.kind === 'confidence'
        ? within(CONFIDENCE_HALF)
          ? table.options.map((o) => o.id)
          : []
        : within(ADOPTED)
          ? ['yes']
          : [];
  return { kind: table.kind, denominator: d, reachable };
}
