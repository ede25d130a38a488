// The organisations aggregate: the tree of Party organisations (QĐ 294-QĐ/TW), each chi bộ's roster,
// and the committees' decisions on members' levels.

import type { Exclusion, LevelId, Role } from '../shared/domain.ts';
import type { OrganisationKind } from '../shared/organisation-tree.ts';

export type { OrganisationKind };
export type Organisation = { id: string; name: string; kind: OrganisationKind; parentId: string | null };

export type Member = {
  id: string;
  name: string;
  status: 'official' | 'probationary';
  role: Role;
  proposedLevel: LevelId | null;
  exclusion: Exclusion | null;
  facts: { code: string; source: string }[];
};

/** The group and cap a decision was taken under, as the combined table showed them. */
export type CapGroup = {
  name: string;
  percent: number;
  base: string;
  rounding: string;
  /** The HTTNV (or HTTNV and better) proposals the cap counts over, and the limit it gave. */
  counted: number;
  max: number;
  /** The chi bộ of the group with no certified result yet: the cap was worked out without them. */
  missing: string[];
};

/** A committee's decision on a member's level for an assessment year: one version of it. */
export type Decision = {
  id: string;
  committeeId: string;
  branchId: string;
  memberId: string;
  memberName: string;
  assessmentYear: number;
  level: string;
  reason: string;
  proposal: string | null;
  meetingId: string | null;
  version: number;
  supersedes: string | null;
  authorId: string;
  createdAt: number;
  /** The căn cứ for a decision beyond the cap or above the chi bộ's proposal; null within both. */
  override: string | null;
  capGroup: CapGroup | null;
};

/** The decision named as superseded is not the member's current one (another landed first). */
export class StaleDecisionError extends Error {
  override name = 'StaleDecisionError';
}

export interface OrganisationStore {
  // The tree.
  /** Adds a node under its parent (a chi bộ is also a branch). False if the id is taken. */
  createOrganisation(organisation: Organisation, now: number): Promise<boolean>;
  organisation(id: string): Promise<Organisation | null>;
  /** Every node of the tree (a server holds a đảng bộ: tens to a few hundred nodes). */
  organisations(): Promise<Organisation[]>;
  ensureBranch(branch: { id: string; name: string }, now: number): Promise<void>;

  // Roster.
  replaceRoster(branchId: string, members: Member[]): Promise<void>;
  roster(branchId: string): Promise<Member[]>;

  // Committee decisions (append-only, versioned).
  /**
   * Records a new version of the decision on a member for a year; `supersedes` must name the current
   * version (null for the first), else StaleDecisionError and nothing is written.
   */
  recordDecision(decision: Omit<Decision, 'version'>): Promise<Decision>;
  /** Every version of the decisions on members of these chi bộ for the year, oldest first. */
  decisions(branchIds: string[], assessmentYear: number): Promise<Decision[]>;
}
