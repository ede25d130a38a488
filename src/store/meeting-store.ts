// The meetings aggregate. Every change to a meeting appends events to its record chain (SPEC §6) in the
// same atomic write as the state it records, and is made against the chain head the caller read (`at`):
// if another change landed first, the write fails with StaleHeadError and changes nothing, so the caller
// re-reads and decides again.

import type { Kind, MeetingStatus } from '../shared/domain.ts';

export type { Kind, MeetingStatus };
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

/** A card serial or key that is already registered for this meeting. */
export class DuplicateCardError extends Error {
  override name = 'DuplicateCardError';
}

export interface MeetingStore {
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
