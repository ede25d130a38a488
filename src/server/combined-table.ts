// The committee's combined classification table for one assessment year: every individual proposed by a
// certified classification of a chi bộ under it, grouped as the committee sets (the whole đảng ủy, or
// groups by chi bộ and role), with the cap on HTXSNV applied over each group by the rule engine's own
// ranking (src/shared/rules/cap.ts): those proposed HTXSNV ranked by vote share across chi bộ, those beyond marked.

import { LEVEL_IDS } from '../shared/domain.ts';
import { type CapPlace, rankForCap, type SubjectOutcome } from '../shared/rules/index.ts';
import type { Decision, Organisation } from '../store/store.ts';

/** A chi bộ's certified classification for the year: the subjects of its result's outcome. */
export type BranchProposals = { branch: Organisation; meetingId: string; subjects: SubjectOutcome[] };
export type Group = { name: string; branchIds?: string[]; roles?: string[] };
export type CapChoice = { percent: number; base: string; rounding: string };

export type TableRow = {
  branchId: string;
  branchName: string;
  meetingId: string;
  memberId: string;
  name: string;
  role: string;
  proposal: string;
  htxsnvVotes: number;
  denominator: number;
  rank: number | null;
  cap: CapPlace<unknown>['verdict'] | null;
  decision: Decision | null;
};

export type TableGroup = { name: string; base: number; max: number; proposedBest: number; rows: TableRow[] };

export const WHOLE = { vi: 'Toàn đảng ủy', en: 'The whole committee' };
export const OTHERS = { vi: 'Ngoài các nhóm', en: 'Outside the groups' };

const ORDER: readonly string[] = LEVEL_IDS;

function inGroup(group: Group, row: TableRow): boolean {
  return (
    (!group.branchIds || group.branchIds.includes(row.branchId)) &&
    (!group.roles || group.roles.includes(row.role))
  );
}

/** The current (latest) version of each member's decision, by chi bộ and member. */
export function currentDecisions(decisions: Decision[]): Map<string, Decision> {
  const current = new Map<string, Decision>();
  for (const d of decisions) {
    const key = `${d.branchId}/${d.memberId}`;
    if ((current.get(key)?.version ?? 0) < d.version) current.set(key, d);
  }
  return current;
}

export function combinedTable(input: {
  proposals: BranchProposals[];
  groups: Group[];
  cap: CapChoice;
  decisions: Decision[];
}): TableGroup[] {
  const current = currentDecisions(input.decisions);
  const rows: TableRow[] = input.proposals.flatMap(({ branch, meetingId, subjects }) =>
    subjects
      .filter((s) => s.role !== 'collective')
      .map((s) => ({
        branchId: branch.id,
        branchName: branch.name,
        meetingId,
        memberId: s.id,
        name: s.name,
        role: s.role,
        proposal: s.proposal,
        htxsnvVotes: s.tally.options.find((o) => o.id === 'htxsnv')?.votes ?? 0,
        denominator: s.tally.denominator.value,
        rank: null,
        cap: null,
        decision: current.get(`${branch.id}/${s.id}`) ?? null,
      })),
  );
  const groups = input.groups.length > 0 ? input.groups : [{ name: WHOLE.vi }];
  const buckets = groups.map((group) => ({ name: group.name, rows: [] as TableRow[] }));
  const others = { name: OTHERS.vi, rows: [] as TableRow[] };
  for (const row of rows) {
    const index = groups.findIndex((g) => inGroup(g, row));
    (index >= 0 ? buckets[index]! : others).rows.push(row);
  }
  if (others.rows.length > 0) buckets.push(others);
  return buckets.map(({ name, rows: members }) => {
    const { base, max, places } = rankForCap(
      members.map((row) => ({
        proposal: row.proposal,
        votes: row.htxsnvVotes,
        denominator: row.denominator,
        row,
      })),
      input.cap,
    );
    for (const place of places) {
      place.entry.row.rank = place.rank;
      place.entry.row.cap = place.verdict;
    }
    const sorted = [...members].sort(
      (a, b) =>
        rankOf(a.proposal) - rankOf(b.proposal) ||
        (a.rank ?? 0) - (b.rank ?? 0) ||
        a.branchName.localeCompare(b.branchName, 'vi') ||
        a.name.localeCompare(b.name, 'vi'),
    );
    return { name, base, max, proposedBest: places.length, rows: sorted };
  });
}

function rankOf(level: string): number {
  const i = ORDER.indexOf(level);
  return i < 0 ? ORDER.length : i;
}
