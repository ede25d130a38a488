// The committee of a đảng ủy (QĐ 366 Điều 12 k1: the chi bộ proposes, the competent level decides): the
// meetings of every chi bộ under it, the combined classification table for an assessment year with the cap
// over the groups it sets, and its decisions on members' levels, versioned and exported for filing upward.
// The authorization middleware has already resolved the committee's chi bộ (`c.var.scope`).
import { Hono } from 'hono';
import { certifiedResult } from '../meeting/count.ts';
import { type Scope, scopedBranch } from '../server/access.ts';
import {
  type BranchProposals,
  type CapChoice,
  combinedTable,
  currentDecisions,
} from '../server/combined-table.ts';
import type { Deps, Env } from '../server/context.ts';
import { decisionsPdf, decisionsXlsx } from '../server/decision-export.ts';
import { fail } from '../server/errors.ts';
import { randomId } from '../server/ids.ts';
import { is, readJson } from '../server/validate.ts';
import { LEVEL_IDS, SUBJECT_ROLES } from '../shared/domain.ts';
import { DEFAULT_CLASSIFICATION, type RuleOutcome, ruleSets } from '../shared/rules/index.ts';
import { type Decision, StaleDecisionError } from '../store/store.ts';

const year = is.int({ min: 2000, max: 2100 });
const classificationBody = is.object({
  assessmentYear: year,
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
});
const decisionBody = is.object({
  branchId: is.string({ min: 1, max: 40 }),
  memberId: is.string({ min: 1, max: 40 }),
  assessmentYear: year,
  level: is.literal(...LEVEL_IDS),
  reason: is.string({ min: 1, max: 2000 }),
  supersedes: is.nullable(is.string({ min: 1, max: 40 })),
});

type ResultEvent = { outcome: RuleOutcome | null };

export function committeeRoutes(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();
  const { store, clock } = deps;

  /** Each chi bộ's latest certified classification for the year. */
  async function proposals(scope: Scope, assessmentYear: number): Promise<BranchProposals[]> {
    const found: BranchProposals[] = [];
    for (const branch of scope.branches) {
      const meetings = (await store.meetings(branch.id)).filter(
        (m) => m.kind === 'classification' && m.assessmentYear === assessmentYear,
      );
      for (const meeting of meetings) {
        const result = (await certifiedResult(store, meeting)) as ResultEvent | null;
        if (!result?.outcome) continue;
        found.push({ branch, meetingId: meeting.id, subjects: result.outcome.subjects });
        break;
      }
    }
    return found;
  }

  function yearParam(value: string | undefined): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 2000 || n > 2100) throw fail(400, 'year_invalid');
    return n;
  }

  async function decisionsOf(scope: Scope, assessmentYear: number) {
    const all = await store.decisions(
      scope.branches.map((b) => b.id),
      assessmentYear,
    );
    const current = [...currentDecisions(all).values()];
    return {
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

  app.get('/meetings', async (c) => {
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
  });

  app.post('/classification', async (c) => {
    const scope = c.var.scope;
    const body = await readJson(c, classificationBody, 256 * 1024);
    const groups = body.groups ?? [];
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
      percent: body.capPercent ?? Number(defaults.capPercent),
      base: body.capBase ?? String(defaults.capBase),
      rounding: body.capRounding ?? String(defaults.capRounding),
    };
    const found = await proposals(scope, body.assessmentYear);
    const { current } = await decisionsOf(scope, body.assessmentYear);
    return c.json({
      committee: scope.committee,
      assessmentYear: body.assessmentYear,
      cap,
      branches: scope.branches.map((b) => ({
        id: b.id,
        name: b.name,
        meetingId: found.find((p) => p.branch.id === b.id)?.meetingId ?? null,
      })),
      groups: combinedTable({ proposals: found, groups, cap, decisions: current }),
    });
  });

  app.get('/decisions', async (c) => {
    const assessmentYear = yearParam(c.req.query('year'));
    const { members } = await decisionsOf(c.var.scope, assessmentYear);
    return c.json({ assessmentYear, members });
  });

  app.post('/decisions', async (c) => {
    const scope = c.var.scope;
    const body = await readJson(c, decisionBody);
    const branch = scopedBranch(scope, body.branchId);
    const proposed = (await proposals({ ...scope, branches: [branch] }, body.assessmentYear))[0];
    const subject = proposed?.subjects.find((s) => s.id === body.memberId && s.role !== 'collective');
    if (!proposed || !subject)
      throw fail(404, 'member_not_proposed', {
        member: body.memberId,
        branch: branch.name,
        year: body.assessmentYear,
      });
    const decision: Omit<Decision, 'version'> = {
      id: randomId(),
      committeeId: scope.committee.id,
      branchId: branch.id,
      memberId: subject.id,
      memberName: subject.name,
      assessmentYear: body.assessmentYear,
      level: body.level,
      reason: body.reason,
      proposal: subject.proposal,
      meetingId: proposed.meetingId,
      supersedes: body.supersedes,
      authorId: c.var.session.accountId,
      createdAt: clock.now(),
    };
    try {
      return c.json(await store.recordDecision(decision), 201);
    } catch (error) {
      if (error instanceof StaleDecisionError) throw fail(409, 'decision_stale');
      throw error;
    }
  });

  app.get('/decisions.xlsx', async (c) => {
    const assessmentYear = yearParam(c.req.query('year'));
    const { members } = await decisionsOf(c.var.scope, assessmentYear);
    const file = decisionsXlsx(c.var.scope, assessmentYear, members);
    return c.body(file as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="quyet-dinh-${assessmentYear}.xlsx"`,
    });
  });

  app.get('/decisions.pdf', async (c) => {
    const assessmentYear = yearParam(c.req.query('year'));
    const { members } = await decisionsOf(c.var.scope, assessmentYear);
    const file = await decisionsPdf(c.var.scope, assessmentYear, members, await deps.font());
    return c.body(file as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="quyet-dinh-${assessmentYear}.pdf"`,
    });
  });

  return app;
}
