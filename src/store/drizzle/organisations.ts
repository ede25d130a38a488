// The organisations aggregate on drizzle (src/store/organisation-store.ts): the tree, rosters, decisions.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Atomic, chunk, chunkRows, MAX_PARAMS, uniqueViolation } from '../atomic.ts';
import type { Db } from '../drizzle-store.ts';
import {
  type Decision,
  type Member,
  type Organisation,
  type OrganisationStore,
  StaleDecisionError,
} from '../organisation-store.ts';
import * as schema from '../schema.ts';

const { branches, members } = schema;

const organisationColumns = {
  id: branches.id,
  name: branches.name,
  kind: branches.kind,
  parentId: branches.parentId,
} satisfies Record<keyof Organisation, unknown>;

export function organisationStore(db: Db, atomic: Atomic): OrganisationStore {
  const store: OrganisationStore = {
    async createOrganisation(organisation, now) {
      try {
        await db.insert(branches).values({ ...organisation, createdAt: now });
      } catch (error) {
        if (uniqueViolation(error)) return false;
        throw error;
      }
      return true;
    },

    async organisation(id) {
      const [row] = await db.select(organisationColumns).from(branches).where(eq(branches.id, id));
      return row ?? null;
    },

    async organisations() {
      return db.select(organisationColumns).from(branches).orderBy(asc(branches.createdAt), asc(branches.id));
    },

    async ensureBranch(branch, now) {
      await db
        .insert(branches)
        .values({ ...branch, createdAt: now })
        .onConflictDoNothing();
    },

    async replaceRoster(branchId, roster) {
      const rows = roster.map((m, position) => ({
        branchId,
        id: m.id,
        position,
        name: m.name,
        status: m.status,
        role: m.role,
        proposedLevel: m.proposedLevel,
        exclusion: m.exclusion,
        facts: JSON.stringify(m.facts),
      }));
      await atomic([
        db.delete(members).where(eq(members.branchId, branchId)),
        ...chunkRows(rows, 9).map((part) => db.insert(members).values(part)),
      ]);
    },

    async roster(branchId) {
      const rows = await db
        .select()
        .from(members)
        .where(eq(members.branchId, branchId))
        .orderBy(asc(members.position));
      return rows.map(
        (r): Member => ({
          id: r.id,
          name: r.name,
          status: r.status,
          role: r.role,
          proposedLevel: r.proposedLevel,
          exclusion: r.exclusion,
          facts: JSON.parse(r.facts),
        }),
      );
    },

    async recordDecision(decision) {
      const { decisions } = schema;
      const [current] = await db
        .select({ id: decisions.id, version: decisions.version })
        .from(decisions)
        .where(
          and(
            eq(decisions.branchId, decision.branchId),
            eq(decisions.memberId, decision.memberId),
            eq(decisions.assessmentYear, decision.assessmentYear),
          ),
        )
        .orderBy(desc(decisions.version))
        .limit(1);
      if ((current?.id ?? null) !== decision.supersedes) throw new StaleDecisionError();
      const stored: Decision = { ...decision, version: (current?.version ?? 0) + 1 };
      try {
        await db.insert(decisions).values(stored);
      } catch (error) {
        if (uniqueViolation(error)?.startsWith('decisions.')) throw new StaleDecisionError();
        throw error;
      }
      return stored;
    },

    async decisions(branchIds, assessmentYear) {
      const { decisions } = schema;
      const found: Decision[] = [];
      for (const part of chunk(branchIds, MAX_PARAMS - 1)) {
        found.push(
          ...(await db
            .select()
            .from(decisions)
            .where(and(eq(decisions.assessmentYear, assessmentYear), inArray(decisions.branchId, part)))),
        );
      }
      return found.sort((a, b) => a.createdAt - b.createdAt || a.version - b.version);
    },
  };
  return store;
}
