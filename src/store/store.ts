// The Store: the domain operations the server needs, for any backend. Every change to a meeting appends
// events to its record chain (SPEC §6) in the same atomic write as the state it records, and is made
// against the chain head the caller read (`at`): if another change landed first, the write fails with
// StaleHeadError and changes nothing, so the caller re-reads and decides again.

import type { Kind, MeetingStatus } from '../shared/domain.ts';
import type { OrganisationKind } from '../shared/organisation-tree.ts';

export type { Kind, MeetingStatus, OrganisationKind };
export type CardState = 'issued' | 'active' | 'voided';

/** The last event of a meeting's chain. */
export type Head = { height: number; hash: string };

export type StoredEvent = {
  height: number;
  parent: string | null;
  type: string;
  payload: string;
  hash: string;
};

/** An event to append: its payload as the exact string to hash and keep. */
export type NewEvent = { type: string; payload: string };

export type Member = {
  id: string;
  name: string;
  status: 'official' | 'probationary';
  role: string;
  proposedLevel: string | null;
  exclusion: string | null;
  facts: { code: string; source: string }[];
};

export type Meeting = {
  id: string;
  branchId: string;
  title: string;
  kind: Kind;
  ruleSet: string;
  trustees: { n: number; k: number };
  manifest: string;
  manifestHash: string;
  status: MeetingStatus;
  round: number;
  jointKey: string | null;
  ctx: string | null;
  createdAt: number;
  /** The year a classification assesses; null for other meetings. */
  assessmentYear: number | null;
};

/** How a credential reaches its member: a printed card (SPEC §3) or a paper ballot (SPEC §3.1). */
export type CardMedium = 'card' | 'paper';
export type Card = { serial: number; pk: string; state: CardState; medium: CardMedium };
export type SpentCredential = { pk: string; ballotHash: string; height: number };
/**
 * Cards by state, ballots cast, of these the ones cast with a paper ballot's credential, and the rows of
 * those paper ballots that the board decided by hand (SPEC §3.1).
 */
export type Counts = {
  issued: number;
  activated: number;
  voided: number;
  cast: number;
  paperCast: number;
  decidedByHand: number;
};

/** An account's role: admin of the server, organiser of a chi bộ, committee member of a đảng ủy. */
export type AccountRole = 'admin' | 'organiser' | 'committee';
export type Organisation = { id: string; name: string; kind: OrganisationKind; parentId: string | null };
/** An account and its place in the tree (`organisationId`: the chi bộ, the đảng ủy, or the admin's home). */
/** `disabledAt`: when the admin disabled the account (null: it works). */
export type Account = {
  id: string;
  name: string;
  role: AccountRole;
  organisationId: string;
  disabledAt: number | null;
};

/**
 * A one-time invitation as the admin sees it: `id` is the first characters of the link's hash (nothing of
 * the link itself), `state` whether it can still be used.
 */
export type Invitation = {
  id: string;
  role: AccountRole;
  organisationId: string;
  invitedBy: string | null;
  createdAt: number;
  expiresAt: number;
  state: 'open' | 'used' | 'expired' | 'revoked';
};

/** Why an invitation did not make an account. */
export type InvitationRefusal = 'unknown' | Exclude<Invitation['state'], 'open'> | 'name-taken';

/** `branchId` is the account's place in the tree; `role` is read from the account. */
export type Session = {
  accountId: string;
  branchId: string;
  role: AccountRole;
  csrfToken: string;
  expiresAt: number;
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
export type PasswordRecord = {
  accountId: string;
  branchId: string;
  hash: string;
  salt: string;
  params: string;
};
export type ReceiptKey = { secretKey: string; publicKey: string };

/** What a ceremony event changes besides the chain: a complaint starts a new round; n acks fix the key. */
export type CeremonyOutcome =
  | { kind: 'none' }
  | { kind: 'restart'; round: number }
  | { kind: 'joint-key'; jointKey: string; ctx: string };

export class StaleHeadError extends Error {
  override name = 'StaleHeadError';
}

/** The credential has already been spent: carries the ballot it was spent on. */
export class CredentialSpentError extends Error {
  override name = 'CredentialSpentError';
  constructor(readonly spent: SpentCredential) {
    super('credential already spent');
  }
}

/** The decision named as superseded is not the member's current one (another landed first). */
export class StaleDecisionError extends Error {
  override name = 'StaleDecisionError';
}

/** A card serial or key that is already registered for this meeting. */
export class DuplicateCardError extends Error {
  override name = 'DuplicateCardError';
}

export interface Store {
  // Server keys and accounts.
  /** The receipt key, created by `generate` on first call and kept from then on. */
  receiptKey(generate: () => ReceiptKey): Promise<ReceiptKey>;
  /** Sets the operator key (kept as a hash), replacing any earlier one. */
  replaceOperatorKey(keyHash: string, now: number): Promise<void>;
  hasOperatorKey(keyHash: string): Promise<boolean>;
  ensureBranch(branch: { id: string; name: string }, now: number): Promise<void>;
  hasOrganiser(branchId: string): Promise<boolean>;
  /** Replaces any unused setup token of the branch with this one. */
  createSetupToken(branchId: string, tokenHash: string, now: number): Promise<void>;
  /** Spends the setup token and creates the server admin (at home in the branch), atomically. Null if spent or unknown. */
  completeSetup(input: {
    tokenHash: string;
    maxAge: number;
    account: { id: string; name: string };
    password: Omit<PasswordRecord, 'accountId' | 'branchId'>;
    now: number;
  }): Promise<{ accountId: string; branchId: string } | null>;
  /** Creates an organiser account directly (the operator's sandbox). Null if the name is taken. */
  createOrganiser(input: {
    branchId: string;
    account: { id: string; name: string };
    password: Omit<PasswordRecord, 'accountId' | 'branchId'>;
    now: number;
  }): Promise<{ accountId: string } | null>;
  passwordFor(accountName: string): Promise<PasswordRecord | null>;
  createSession(idHash: string, session: Omit<Session, 'role'>, now: number): Promise<void>;
  session(idHash: string, now: number): Promise<Session | null>;
  endSession(idHash: string): Promise<void>;
  loginFailures(key: string, since: number): Promise<number>;
  recordLoginFailure(key: string, now: number): Promise<void>;
  clearLoginFailures(key: string): Promise<void>;

  // The organisation tree, accounts with roles, invitations.
  /** Adds a node under its parent (a chi bộ is also a branch). False if the id is taken. */
  createOrganisation(organisation: Organisation, now: number): Promise<boolean>;
  organisation(id: string): Promise<Organisation | null>;
  /** Every node of the tree (a server holds a đảng bộ: tens to a few hundred nodes). */
  organisations(): Promise<Organisation[]>;
  account(id: string): Promise<Account | null>;
  accounts(): Promise<Account[]>;
  /** Keeps a one-time invitation (its hash) for an account of `role` at `organisationId`. */
  inviteAccount(invitation: {
    tokenHash: string;
    role: AccountRole;
    organisationId: string;
    invitedBy: string | null;
    expiresAt: number;
    now: number;
  }): Promise<Invitation>;
  /** The invitation of this link's hash, in its state at `now`; null if there is none. */
  invitation(tokenHash: string, now: number): Promise<Invitation | null>;
  /** The invitations neither used, expired nor revoked at `now`, oldest first. */
  openInvitations(now: number): Promise<Invitation[]>;
  /** Revokes an open invitation by its id. False if there is none open. */
  revokeInvitation(id: string, now: number): Promise<boolean>;
  /** Spends the invitation and creates its account, atomically; else why not, and nothing is written. */
  acceptInvitation(input: {
    tokenHash: string;
    name: string;
    password: Omit<PasswordRecord, 'accountId' | 'branchId'>;
    now: number;
  }): Promise<Account | InvitationRefusal>;
  /** Disables the account: it can no longer log in and its sessions end. False if unknown or already disabled. */
  disableAccount(id: string, now: number): Promise<boolean>;

  // Committee decisions (append-only, versioned).
  /**
   * Records a new version of the decision on a member for a year; `supersedes` must name the current
   * version (null for the first), else StaleDecisionError and nothing is written.
   */
  recordDecision(decision: Omit<Decision, 'version'>): Promise<Decision>;
  /** Every version of the decisions on members of these chi bộ for the year, oldest first. */
  decisions(branchIds: string[], assessmentYear: number): Promise<Decision[]>;

  // Roster.
  replaceRoster(branchId: string, members: Member[]): Promise<void>;
  roster(branchId: string): Promise<Member[]>;

  // Meetings: reads.
  meeting(id: string): Promise<Meeting | null>;
  meetings(branchId: string): Promise<Meeting[]>;
  head(meetingId: string): Promise<Head>;
  events(meetingId: string, options?: { types?: string[]; fromHeight?: number }): Promise<StoredEvent[]>;
  cards(meetingId: string, options?: { serials?: number[] }): Promise<Card[]>;
  cardByKey(meetingId: string, pk: string): Promise<Card | null>;
  spentCredential(meetingId: string, pk: string): Promise<SpentCredential | null>;
  /** Every ballot cast in the meeting (its key, ballot hash and height), by height. */
  spentCredentials(meetingId: string): Promise<SpentCredential[]>;
  counts(meetingId: string): Promise<Counts>;
  trusteeCodeHash(meetingId: string): Promise<string | null>;

  // Meetings: changes.
  /** Creates the meeting with its manifest as the event at height 0. */
  createMeeting(
    meeting: Omit<Meeting, 'status' | 'round' | 'jointKey' | 'ctx' | 'assessmentYear'> & {
      assessmentYear?: number | null;
    },
  ): Promise<Head>;
  setTrusteeCode(meetingId: string, codeHash: string): Promise<void>;
  /** Registers printed cards (serial, pk; a card unless `medium` says paper), not yet active. Throws DuplicateCardError on a repeat. */
  addCards(meetingId: string, cards: { serial: number; pk: string; medium?: CardMedium }[]): Promise<void>;
  /** Appends one event that changes nothing else (attendance, certification). */
  appendEvent(meetingId: string, at: Head, event: NewEvent): Promise<Head>;
  /** Appends ceremony events and applies their outcome. */
  recordCeremony(meetingId: string, at: Head, events: NewEvent[], outcome: CeremonyOutcome): Promise<Head>;
  /** Activates the cards with their `credentials-activated` events (one per medium). */
  activateCards(meetingId: string, at: Head, serials: number[], events: NewEvent[]): Promise<Head>;
  /** Voids a card: an active one with its `credential-voided` event; one never activated (null) without any. */
  voidCard(meetingId: string, at: Head, serial: number, event: NewEvent | null): Promise<Head>;
  openPoll(meetingId: string, at: Head, event: NewEvent): Promise<Head>;
  /**
   * Spends the credential and stores the ballot, atomically; CredentialSpentError if already spent.
   * `decidedByHand`: of a paper ballot, how many of its rows the board decided by hand (0 by default).
   */
  castBallot(
    meetingId: string,
    at: Head,
    ballot: { pk: string; ballotHash: string; event: NewEvent; decidedByHand?: number },
  ): Promise<Head>;
  /** Closes the poll and publishes the encrypted tally. */
  closePoll(meetingId: string, at: Head, events: [NewEvent, NewEvent]): Promise<Head>;
  /** Appends a decryption share, and with it the result once enough shares are in. */
  addDecryptionShare(meetingId: string, at: Head, share: NewEvent, result: NewEvent | null): Promise<Head>;
}
