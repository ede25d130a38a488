// The committee's combined classification table for one assessment year: every individual proposed by a
// certified classification of a chi bộ under it, grouped as the committee sets (the whole đảng ủy, or
// groups by chi bộ and role), with the cap on HTXSNV applied over each group by the rule engine's own
// ranking (src/shared/rules/cap.ts): those proposed HTXSNV ranked by vote share across chi bộ, those beyond
// marked. Each group names the chi bộ it should cover that have no certified result yet, so a cap worked out
// without them says so; a decision is held to its group's cap and to the chi bộ's proposal.

import { COMMITTEE_GROUPS, LEVEL_IDS } from '../shared/domain.ts';
import { type CapPlace, rankForCap, type SubjectOutcome } from '../shared/rules/index.ts';
import type { CapGroup, Decision, Organisation } from '../store/store.ts';

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

/** A chi bộ under the committee for the year: its result certified, a classification still open, or none. */
export type BranchStatus = {
  id: string;
  name: string;
  status: 'certified' | 'open' | 'missing';
  meetingId: string | null;
};

export type TableGroup = {
  name: string;
  base: number;
  max: number;
  proposedBest: number;
  /** Members whose current decision is HTXSNV. */
  decidedBest: number;
  /** The chi bộ this group covers that have no certified result: the cap is over an incomplete group. */
  missing: { id: string; name: string }[];
  rows: TableRow[];
};

/** Why a decision needs an override: more HTXSNV than the group's cap, or a level above the proposal. */
export type DecisionProblem = 'over-cap' | 'above-proposal';

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
  branches: BranchStatus[];
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
  const groups = input.groups.length > 0 ? input.groups : [{ name: COMMITTEE_GROUPS.whole.vi }];
  const named = new Set(groups.flatMap((g) => g.branchIds ?? []));
  const everyGroupNamesBranches = groups.every((g) => g.branchIds);
  const uncertified = input.branches.filter((b) => b.status !== 'certified');
  const buckets = groups.map((group) => ({
    name: group.name,
    rows: [] as TableRow[],
    missing: uncertified.filter((b) => !group.branchIds || group.branchIds.includes(b.id)),
  }));
  const others = {
    name: COMMITTEE_GROUPS.others.vi,
    rows: [] as TableRow[],
    missing: uncertified.filter((b) => !everyGroupNamesBranches || !named.has(b.id)),
  };
  for (const row of rows) {
    const index = groups.findIndex((g) => inGroup(g, row));
    (index >= 0 ? buckets[index]! : others).rows.push(row);
  }
  if (others.rows.length > 0) buckets.push(others);
  return buckets.map(({ name, rows: members, missing }) => {
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
    return {
      name,
      base,
      max,
      proposedBest: places.length,
      decidedBest: members.filter((r) => r.decision?.level === 'htxsnv').length,
      missing: missing.map(({ id, name: branchName }) => ({ id, name: branchName })),
      rows: sorted,
    };
  });
}

/** The group of the table a member is in, with their row. */
export function findMember(
  groups: TableGroup[],
  branchId: string,
  memberId: string,
): { group: TableGroup; row: TableRow } | null {
  for (const group of groups) {
    const row = group.rows.find((r) => r.branchId === branchId && r.memberId === memberId);
    if (row) return { group, row };
  }
  return null;
}

/** What a decision at `level` on `row` would break: its group's cap on HTXSNV, or the chi bộ's proposal. */
export function decisionProblems(group: TableGroup, row: TableRow, level: string): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const others = group.decidedBest - (row.decision?.level === 'htxsnv' ? 1 : 0);
  if (level === 'htxsnv' && others + 1 > group.max) problems.push('over-cap');
  if (rankOf(level) < rankOf(row.proposal)) problems.push('above-proposal');
  return problems;
}

/**
 * "Approve all within the cap": the members of the group with no decision yet whom the committee can
 * agree with as proposed: every proposal below HTXSNV, and HTXSNV proposals ranked within the cap, best
 * first, while the group's decided HTXSNV stay within its limit. Those beyond or tied at the cap are left.
 */
export function approvable(group: TableGroup): TableRow[] {
  let room = group.max - group.decidedBest;
  const best = group.rows
    .filter((r) => !r.decision && r.proposal === 'htxsnv' && r.cap === 'within')
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .filter(() => room-- > 0);
  return group.rows.filter((r) => !r.decision && (r.proposal !== 'htxsnv' || best.includes(r)));
}

/** The group and cap a decision is taken under, to keep with it. */
export function capGroupOf(group: TableGroup, cap: CapChoice): CapGroup {
  return {
    name: group.name,
    percent: cap.percent,
    base: cap.base,
    rounding: cap.rounding,
    counted: group.base,
    max: group.max,
    missing: group.missing.map((b) => b.name),
  };
}

function rankOf(level: string): number {
  const i = ORDER.indexOf(level);
  return i < 0 ? ORDER.length : i;
}
