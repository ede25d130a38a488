// The committee of the deciding level (QĐ 366 Điều 12 k1: the chi bộ proposes, the competent level
// decides): the meetings of every chi bộ under it, the combined classification table for an assessment
// year with the cap over the groups it sets and the chi bộ still missing named, and its decisions on
// members' levels, held to the cap and the proposal unless an override gives its căn cứ, versioned and
// exported for filing upward. The authorization middleware has resolved the committee's chi bộ
// (`c.var.scope`).
import { type Context, Hono } from 'hono';
import {
  approvable,
  type BranchProposals,
  type BranchStatus,
  type CapChoice,
  capGroupOf,
  combinedTable,
  currentDecisions,
  decisionProblems,
  findMember,
  type TableGroup,
  type TableRow,
} from '../committee/combined-table.ts';
import { decisionsPdf, decisionsXlsx } from '../committee/decision-export.ts';
import { type Scope, scopedBranch } from '../http/access.ts';
import type { Deps, Env } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { randomId } from '../http/ids.ts';
import { check, type Infer, is, jsonBody } from '../http/validate.ts';
import { certifiedResult } from '../meeting/count.ts';
import { LEVEL_IDS, SUBJECT_ROLES } from '../shared/domain.ts';
import { DEFAULT_CLASSIFICATION, type RuleOutcome, ruleSets } from '../shared/rules/index.ts';
import { LEVELS } from '../shared/rules/tables/common.ts';
import { type Decision, type Meeting, type Organisation, StaleDecisionError } from '../store/store.ts';

const year = is.int({ min: 2000, max: 2100 });
/** How the committee sets its table: the groups the cap applies over and the cap itself. */
const tableFields = {
  groups: is.optional(
    is.array(
      is.object({
        name: is.string({ min: 1, max: 100 }),
        branchIds: is.optional(is.array(is.string({ min: 1, max: 40 }), { min: 1, max: 500 })),
        roles: is.optional(is.array(is.literal(...SUBJECT_ROLES), { min: 1, max: 4 })),
      }),
      { max: 50 },
    ),
  ),
  capPercent: is.optional(is.int({ min: 1, max: 100 })),
  capBase: is.optional(is.literal('httnv', 'httnv-and-better')),
  capRounding: is.optional(is.literal('floor', 'round', 'ceil')),
};
const tableChoice = is.object(tableFields);
const classificationBody = is.object({ assessmentYear: year, ...tableFields });
const decisionBody = is.object({
  ...tableFields,
  branchId: is.string({ min: 1, max: 40 }),
  memberId: is.string({ min: 1, max: 40 }),
  assessmentYear: year,
  level: is.literal(...LEVEL_IDS),
  /** Required when the level differs from the chi bộ's proposal. */
  reason: is.optional(is.string({ min: 1, max: 2000 })),
  /** The căn cứ for going beyond the group's cap or above the proposal. */
  override: is.optional(is.string({ min: 1, max: 2000 })),
  supersedes: is.nullable(is.string({ min: 1, max: 40 })),
});

type ResultEvent = { outcome: RuleOutcome | null };

const levelName = (id: string) => LEVELS.find((l) => l.id === id)?.label ?? id;
type TableInput = Infer<typeof tableChoice>;

export function committeeRoutes(deps: Deps) {
  const { store, clock } = deps;

  /**
   * Each chi bộ's latest certified classification for the year, and for every chi bộ whether it has one,
   * has a classification not yet certified, or has none.
   */
  async function yearOf(branches: Organisation[], assessmentYear: number) {
    const proposals: BranchProposals[] = [];
    const status: BranchStatus[] = [];
    for (const branch of branches) {
      const meetings = (await store.meetings(branch.id))
        .filter((m) => m.kind === 'classification' && m.assessmentYear === assessmentYear)
        .sort((a, b) => b.createdAt - a.createdAt);
      let found: BranchProposals | null = null;
      for (const meeting of meetings) {
        const result = (await certifiedResult(store, meeting)) as ResultEvent | null;
        if (!result?.outcome) continue;
        found = { branch, meetingId: meeting.id, subjects: result.outcome.subjects };
        break;
      }
      if (found) proposals.push(found);
      status.push({
        id: branch.id,
        name: branch.name,
        status: found ? 'certified' : meetings.length > 0 ? 'open' : 'missing',
        meetingId: found?.meetingId ?? meetings[0]?.id ?? null,
      });
    }
    return { proposals, status };
  }

  function yearParam(value: string | undefined): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 2000 || n > 2100) throw fail(400, 'year_invalid');
    return n;
  }

  /** The table choice of an export link (`?table=` JSON), as the page last computed it. */
  function tableParam(value: string | undefined): TableInput {
    if (!value) return check(tableChoice, {});
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw fail(400, 'bad_json');
    }
    return check(tableChoice, parsed);
  }

  async function decisionsOf(scope: Scope, assessmentYear: number) {
    const all = await store.decisions(
      scope.branches.map((b) => b.id),
      assessmentYear,
    );
    const current = [...currentDecisions(all).values()];
    return {
      all,
      current,
      members: current.map((d) => ({
        branchId: d.branchId,
        memberId: d.memberId,
        memberName: d.memberName,
        current: d,
        history: all.filter((h) => h.branchId === d.branchId && h.memberId === d.memberId),
      })),
    };
  }

  /** The combined table for the year as the committee sets it, over every chi bộ it decides for. */
  async function tableOf(scope: Scope, assessmentYear: number, input: TableInput) {
    const groups = input.groups ?? [];
    for (const group of groups) {
      for (const id of group.branchIds ?? []) {
        if (!scope.branches.some((b) => b.id === id))
          throw fail(404, 'group_branch_unknown', { group: group.name, id });
      }
    }
    const defaults = Object.fromEntries(
      ruleSets[DEFAULT_CLASSIFICATION]!.settings.map((s) => [s.key, s.default]),
    );
    const cap: CapChoice = {
      percent: input.capPercent ?? Number(defaults.capPercent),
      base: input.capBase ?? String(defaults.capBase),
      rounding: input.capRounding ?? String(defaults.capRounding),
    };
    const { proposals, status } = await yearOf(scope.branches, assessmentYear);
    const { all } = await decisionsOf(scope, assessmentYear);
    const table = combinedTable({ proposals, branches: status, groups, cap, decisions: all });
    return { cap, branches: status, groups: table, decisions: all };
  }

  /** Records one decision on a proposed member, held to its group's cap and the chi bộ's proposal. */
  async function decide(
    c: Context<Env>,
    input: {
      row: TableRow;
      group: TableGroup;
      cap: CapChoice;
      assessmentYear: number;
      level: string;
      reason?: string;
      override?: string;
      supersedes: string | null;
    },
  ): Promise<Decision> {
    const { row, group, level } = input;
    const problems = decisionProblems(group, row, level);
    if (problems.length > 0 && !input.override) {
      throw problems[0] === 'over-cap'
        ? fail(409, 'decision_over_cap', { group: group.name, max: group.max, decided: group.decidedBest })
        : fail(409, 'decision_above_proposal', { name: row.name, proposal: levelName(row.proposal) });
    }
    if (level !== row.proposal && !input.reason)
      throw fail(400, 'decision_reason_required', { name: row.name });
    const decision: Omit<Decision, 'version'> = {
      id: randomId(),
      committeeId: c.var.scope.committee.id,
      branchId: row.branchId,
      memberId: row.memberId,
      memberName: row.name,
      assessmentYear: input.assessmentYear,
      level,
      reason: input.reason ?? '',
      proposal: row.proposal,
      meetingId: row.meetingId,
      supersedes: input.supersedes,
      authorId: c.var.session.accountId,
      createdAt: clock.now(),
      override: problems.length > 0 ? input.override! : null,
      capGroup: capGroupOf(group, input.cap),
    };
    try {
      return await store.recordDecision(decision);
    } catch (error) {
      if (error instanceof StaleDecisionError) throw fail(409, 'decision_stale');
      throw error;
    }
  }

  /** What the exports file: the whole table for the year with every version, who decided and from which meeting. */
  async function filed(c: Context<Env>) {
    const scope = c.var.scope;
    const assessmentYear = yearParam(c.req.query('year'));
    const table = await tableOf(scope, assessmentYear, tableParam(c.req.query('table')));
    const authors = new Map((await store.accounts()).map((a) => [a.id, a.name]));
    const meetings = new Map<string, Meeting>();
    for (const b of table.branches) {
      const meeting = b.meetingId ? await store.meeting(b.meetingId) : null;
      if (meeting) meetings.set(meeting.id, meeting);
    }
    const parent = scope.committee.parentId ? await store.organisation(scope.committee.parentId) : null;
    return {
      scope,
      parentName: parent?.name ?? null,
      assessmentYear,
      ...table,
      authors,
      meetings,
      now: clock.now(),
    };
  }

  return (
    new Hono<Env>()
      .get('/meetings', async (c) => {
        const scope = c.var.scope;
        const rows = [];
        for (const branch of scope.below) {
          for (const { manifest: _, ...meeting } of await store.meetings(branch.id)) {
            const certified = (await certifiedResult(store, meeting)) !== null;
            rows.push({
              ...meeting,
              branchName: branch.name,
              certified,
              links: {
                result: `/api/meetings/${meeting.id}/result`,
                record: `/api/meetings/${meeting.id}/record`,
                minutes: `/minutes/${meeting.id}`,
                verify: `/verify?meeting=${meeting.id}`,
              },
            });
          }
        }
        return c.json({ committee: scope.committee, branches: scope.below, meetings: rows });
      })

      .post('/classification', jsonBody(classificationBody, 256 * 1024), async (c) => {
        const scope = c.var.scope;
        const body = c.req.valid('json');
        const { cap, branches, groups, decisions } = await tableOf(scope, body.assessmentYear, body);
        const authorIds = new Set(decisions.map((d) => d.authorId));
        const authors = Object.fromEntries(
          (await store.accounts()).filter((a) => authorIds.has(a.id)).map((a) => [a.id, a.name]),
        );
        return c.json({
          committee: scope.committee,
          assessmentYear: body.assessmentYear,
          cap,
          branches,
          groups,
          authors,
        });
      })

      .get('/decisions', async (c) => {
        const assessmentYear = yearParam(c.req.query('year'));
        const { members } = await decisionsOf(c.var.scope, assessmentYear);
        return c.json({ assessmentYear, members });
      })

      .post('/decisions', jsonBody(decisionBody, 256 * 1024), async (c) => {
        const scope = c.var.scope;
        const body = c.req.valid('json');
        const branch = scopedBranch(scope, body.branchId);
        const { cap, groups } = await tableOf(scope, body.assessmentYear, body);
        const found = findMember(groups, branch.id, body.memberId);
        if (!found)
          throw fail(404, 'member_not_proposed', {
            member: body.memberId,
            branch: branch.name,
            year: body.assessmentYear,
          });
        const decision = await decide(c, { ...found, ...body, cap });
        return c.json(decision, 201);
      })

      /** Agrees, in one action, with every proposal still undecided that the cap allows (reason optional). */
      .post('/decisions/approve', jsonBody(classificationBody, 256 * 1024), async (c) => {
        const scope = c.var.scope;
        const body = c.req.valid('json');
        const { cap, groups } = await tableOf(scope, body.assessmentYear, body);
        const recorded: Decision[] = [];
        for (const group of groups) {
          for (const row of approvable(group)) {
            const level = row.proposal;
            recorded.push(
              await decide(c, {
                row,
                group,
                cap,
                assessmentYear: body.assessmentYear,
                level,
                reason: undefined,
                override: undefined,
                supersedes: null,
              }),
            );
          }
        }
        const done = new Set(recorded.map((d) => `${d.branchId}/${d.memberId}`));
        const left = groups
          .flatMap((g) => g.rows)
          .filter((r) => !r.decision && !done.has(`${r.branchId}/${r.memberId}`));
        return c.json({
          recorded,
          left: left.map((r) => ({ branchId: r.branchId, memberId: r.memberId, name: r.name, cap: r.cap })),
        });
      })

      .get('/decisions.xlsx', async (c) => {
        const input = await filed(c);
        return c.body(decisionsXlsx(input) as Uint8Array<ArrayBuffer>, 200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="quyet-dinh-${input.assessmentYear}.xlsx"`,
        });
      })

      .get('/decisions.pdf', async (c) => {
        const input = await filed(c);
        const file = await decisionsPdf(input, await deps.font());
        return c.body(file as Uint8Array<ArrayBuffer>, 200, {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="quyet-dinh-${input.assessmentYear}.pdf"`,
        });
      })
  );
}
