// The rule engine (RULES.md): pure, deterministic, no I/O and no imports from outside src/shared/rules, so the
// offline verifier, the browser and Workers can run it as the server does.

import { tableFor } from './registry.ts';
import { resolveTableSettings } from './settings.ts';
import type { ResolvedSetting } from './types.ts';

export { applyRuleSet } from './apply.ts';
export { type CapEntry, type CapPlace, type CapSettings, capLimit, rankForCap } from './cap.ts';
export { denominatorWords } from './meeting.ts';
export { type QuorumAnswer, quorumToOpen } from './quorum.ts';
export { type ReachAtClose, reachAtClose } from './reach.ts';
export { DEFAULT_CLASSIFICATION, ruleSets } from './registry.ts';
export {
  checkManifest,
  type ManifestForRules,
  outcomeForResult,
  type ResultForRules,
  toRuleInput,
  warningsInWords,
} from './result.ts';
export { valueLabel } from './settings.ts';
export { citationWords, RuleError } from './text.ts';
export type {
  Certainty,
  Flag,
  Message,
  ResolvedSetting,
  Role,
  RuleInput,
  RuleOutcome,
  RuleSetInfo,
  SettingInfo,
  SubjectOutcome,
  Tally,
  Text,
  TraceLine,
} from './types.ts';
export { assessmentYearAt, ruleSetFitsYear } from './years.ts';

/** The settings as the engine will read them (defaults filled in); throws a RuleError on a bad one. */
export function resolveSettings(ruleSetId: string, settings: unknown): Record<string, ResolvedSetting> {
  return resolveTableSettings(tableFor(ruleSetId), settings).settings;
}
