// Which year a classification assesses, and whether a rule set is for that year (research/vn-rules.md §0).
import { ruleSets } from './registry.ts';

/** The year a classification held at `now` (ms) assesses: the calendar year in Việt Nam (UTC+7), January
 * counting for the year before (the review ends by 31/12, special units by 15/01: HD 43 Mục 4). */
export function assessmentYearAt(now: number): number {
  const local = new Date(now + 7 * 60 * 60 * 1000);
  return local.getUTCMonth() === 0 ? local.getUTCFullYear() - 1 : local.getUTCFullYear();
}

/** True when the classification rule set is meant for `year` (rule sets of other kinds: always). */
export function ruleSetFitsYear(ruleSetId: string, year: number): boolean {
  const years = ruleSets[ruleSetId]?.years;
  return !years || (year >= years.first && (years.last === null || year <= years.last));
}
