// The one drizzle schema, for better-sqlite3 here and D1 later. Secrets and public data never share a
// table: password hashes, sessions, setup tokens, the operator key, trustee invitation codes and the
// receipt key each have their own. Every meeting and roster row names its branch (chi bộ).

import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  unique,
} from 'drizzle-orm/sqlite-core';
import {
  ACCOUNT_ROLES,
  EXCLUSIONS,
  KINDS,
  LEVEL_IDS,
  MEETING_STATUSES,
  SUBJECT_ROLES,
} from '../shared/domain.ts';
import { ORGANISATION_KINDS } from '../shared/organisation-tree.ts';
import type { CapGroup } from './store.ts';

/**
 * The organisation tree (src/shared/organisation-tree.ts), each node under its parent (a root has none). The
 * table keeps its first name, `branches`: meetings and roster rows name the chi bộ they belong to here.
 */
export const branches = sqliteTable(
  'branches',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull().default('chi-bo'),
    parentId: text('parent_id').references((): AnySQLiteColumn => branches.id),
  },
  (t) => [index('branches_parent').on(t.parentId)],
);

export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  branchId: text('branch_id')
    .notNull()
    .references(() => branches.id),
  name: text('name').notNull().unique(),
  /** admin: the server (its home chi bộ is branch_id); organiser: of the chi bộ; committee: of the đảng ủy. */
  role: text('role', { enum: ACCOUNT_ROLES }).notNull(),
  createdAt: integer('created_at').notNull(),
  /** Set when the admin disables the account: it can no longer log in, and its sessions end. */
  disabledAt: integer('disabled_at'),
});

/** Secret: scrypt hashes of the organisers' passwords. */
export const accountPasswords = sqliteTable('account_passwords', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id),
  hash: text('hash').notNull(),
  salt: text('salt').notNull(),
  params: text('params').notNull(),
});

/** Secret: hashes of one-time setup links (the organiser sets a password through one). */
export const setupTokens = sqliteTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  branchId: text('branch_id').notNull(),
  createdAt: integer('created_at').notNull(),
  usedAt: integer('used_at'),
});

/**
 * Secret: hashes of one-time invitation links, for an account of `role` at `organisation_id`. The account
 * an invitation creates has an id derived from the hash, so a second use fails on the primary key.
 */
export const invitations = sqliteTable('invitations', {
  tokenHash: text('token_hash').primaryKey(),
  role: text('role', { enum: ACCOUNT_ROLES }).notNull(),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => branches.id),
  invitedBy: text('invited_by').references(() => accounts.id),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  /** Set when the admin revokes the invitation before it is used. */
  revokedAt: integer('revoked_at'),
});

/** Secret: hashes of session ids, with the session's CSRF token. */
export const sessions = sqliteTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  accountId: text('account_id')
    .notNull()
    .references(() => accounts.id),
  branchId: text('branch_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_key_at').on(t.key, t.at)],
);

/** Secret: the hash of the operator key (a file beside the database), which opens sandbox branches. */
export const operatorKeys = sqliteTable('operator_keys', {
  keyHash: text('key_hash').primaryKey(),
  createdAt: integer('created_at').notNull(),
});

/** Secret: the server's Ed25519 receipt key (SPEC §7), created on first start. */
export const serverKeys = sqliteTable('server_keys', {
  id: text('id').primaryKey(),
  secretKey: text('secret_key').notNull(),
  publicKey: text('public_key').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const members = sqliteTable(
  'members',
  {
    branchId: text('branch_id')
      .notNull()
      .references(() => branches.id),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['official', 'probationary'] }).notNull(),
    role: text('role', { enum: SUBJECT_ROLES }).notNull(),
    proposedLevel: text('proposed_level', { enum: LEVEL_IDS }),
    exclusion: text('exclusion', { enum: EXCLUSIONS }),
    facts: text('facts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.id] })],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    branchId: text('branch_id')
      .notNull()
      .references(() => branches.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: KINDS }).notNull(),
    ruleSet: text('rule_set').notNull(),
    trusteesN: integer('trustees_n').notNull(),
    trusteesK: integer('trustees_k').notNull(),
    manifest: text('manifest').notNull(),
    manifestHash: text('manifest_hash').notNull(),
    status: text('status', { enum: MEETING_STATUSES }).notNull(),
    round: integer('round').notNull(),
    jointKey: text('joint_key'),
    ctx: text('ctx'),
    createdAt: integer('created_at').notNull(),
    assessmentYear: integer('assessment_year'),
  },
  (t) => [index('meetings_branch').on(t.branchId)],
);

/** Secret: the hash of the code in the trustee QR shown on the projector. */
export const trusteeCodes = sqliteTable('trustee_codes', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  codeHash: text('code_hash').notNull(),
});

/** The record chain (SPEC §6). The primary key on (meeting, height) serialises every state change. */
export const events = sqliteTable(
  'events',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    height: integer('height').notNull(),
    parent: text('parent'),
    type: text('type').notNull(),
    payload: text('payload').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.height] }), index('events_type').on(t.meetingId, t.type)],
);

export const cards = sqliteTable(
  'cards',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    serial: integer('serial').notNull(),
    pk: text('pk').notNull(),
    state: text('state', { enum: ['issued', 'active', 'voided'] }).notNull(),
    /** A card (SPEC §3) or a paper ballot (SPEC §3.1): the same credential, printed differently. */
    medium: text('medium', { enum: ['card', 'paper'] })
      .notNull()
      .default('card'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.serial] }), unique('cards_pk').on(t.meetingId, t.pk)],
);

/** One row per spent credential: the primary key on (meeting, pk) is what makes a card single-use. */
export const ballots = sqliteTable(
  'ballots',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    pk: text('pk').notNull(),
    ballotHash: text('ballot_hash').notNull(),
    height: integer('height').notNull(),
    /** Of a paper ballot, how many rows the board decided by hand (SPEC §3.1); 0 for a phone's ballot. */
    decidedByHand: integer('decided_by_hand').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.pk] })],
);

/**
 * The committee's decisions on members' levels, append-only: an amendment is a new row with the next
 * version that names the one it supersedes; the unique version per member and year serialises them.
 */
export const decisions = sqliteTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    committeeId: text('committee_id')
      .notNull()
      .references(() => branches.id),
    branchId: text('branch_id')
      .notNull()
      .references(() => branches.id),
    memberId: text('member_id').notNull(),
    memberName: text('member_name').notNull(),
    assessmentYear: integer('assessment_year').notNull(),
    level: text('level').notNull(),
    reason: text('reason').notNull(),
    proposal: text('proposal'),
    meetingId: text('meeting_id').references(() => meetings.id),
    version: integer('version').notNull(),
    supersedes: text('supersedes').references((): AnySQLiteColumn => decisions.id),
    authorId: text('author_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: integer('created_at').notNull(),
    override: text('override'),
    capGroup: text('cap_group', { mode: 'json' }).$type<CapGroup>(),
  },
  (t) => [
    unique('decisions_version').on(t.branchId, t.memberId, t.assessmentYear, t.version),
    index('decisions_year').on(t.committeeId, t.assessmentYear),
  ],
);
