// The JSON payloads of the record's events (SPEC §6), bytes as base64url. These are what phones, trustees,
// the server and the verifier exchange; the protocol modules decode them strictly.
export type B64 = string;

export type PokJson = { A: B64; z: B64 };
export type CommitmentsPayload = {
  round: number;
  index: number;
  transport: { key: B64; pok: PokJson };
  ed25519: B64;
  coefficients: Array<{ C: B64; pok: PokJson }>;
};
export type EncryptedShare = { to: number; R: B64; ct: B64; mac: B64 };
export type SharesPayload = { round: number; from: number; shares: EncryptedShare[] };
export type AckPayload =
  | { round: number; index: number; ok: true; signature: B64 }
  | { round: number; index: number; ok: false; against: number };
export type JointKeyPayload = {
  round: number;
  K: B64;
  verificationKeys: Array<{ index: number; key: B64 }>;
  ctx: B64;
};
export type AttendancePayload = {
  summoned: number;
  present: number;
  excluded: number;
  /**
   * phieukin's addition (an extra field, SPEC §6): what the minutes name (place, chair, secretary, the
   * board by name and trustee seat). The protocol never reads it; src/shared/minutes/details.ts does.
   */
  details?: unknown;
};
/** A credential is a printed card (SPEC §3) or a paper ballot (SPEC §3.1); `medium` absent means cards. */
export type CredentialMedium = 'card' | 'paper';
export type ActivationPayload = { keys: B64[]; medium?: CredentialMedium };
export type VoidPayload = { key: B64 };
export type PollOpenedPayload = { serverKey: B64 };
export type ZeroOrOneJson = { a0: B64; b0: B64; a1: B64; b1: B64; c0: B64; z0: B64; z1: B64 };
export type BallotPayload = {
  pk: B64;
  questions: Array<{
    id: string;
    options: Array<{ alpha: B64; beta: B64; proof: ZeroOrOneJson }>;
    sum: ZeroOrOneJson;
  }>;
  signature: PokJson;
  /** phieukin's own (SPEC §6): a paper ballot's rows the board decided by hand, question ids; unsigned. */
  decidedByHand?: string[];
};
export type PollClosedPayload = { ballots: number };
export type TallyPayload = { questions: Array<{ id: string; options: Array<{ A: B64; B: B64 }> }> };
export type DecryptionSharePayload = {
  index: number;
  questions: Array<{ id: string; options: Array<{ D: B64; proof: { a: B64; b: B64; z: B64 } }> }>;
};
export type QuestionResult = { id: string; counts: number[]; blank: number };
export type ResultPayload = {
  meetingId: string;
  ctx: B64;
  ballots: number;
  activated: number;
  questions: QuestionResult[];
  ruleSet: string;
  outcome: unknown;
  trusteesUsed: number[];
  /**
   * phieukin's addition (allowed by SPEC §6, extra fields): the eventHash of the event just before the
   * result. The board's certification then covers every event of the record, not only the counts, so no
   * field of a certified record (attendance, the receipt key, the encrypted shares…) can change unseen.
   */
  recordHead?: B64;
  /**
   * How many of `ballots` were cast with a paper ballot's credential (SPEC §3.1, §7); present when the
   * record activates any paper ballot.
   */
  paperBallots?: number;
  /**
   * phieukin's addition: how many rows of the paper ballots the board decided by hand (SPEC §3.1), the
   * sum of their ballots' `decidedByHand` lists; written with `paperBallots`.
   */
  decidedByHand?: number;
  /**
   * phieukin's addition: when the server counted the result (ms since the epoch, UTC). The board signs it
   * with the rest of the result, so the minutes' time of the count is certified; a verifier checks only
   * that it is a whole number.
   */
  countedAt?: number;
};
export type CertificationPayload = { index: number; signature: B64 };

export type EventType =
  | 'manifest'
  | 'trustee-commitments'
  | 'trustee-shares'
  | 'trustee-ack'
  | 'joint-key'
  | 'attendance'
  | 'credentials-activated'
  | 'credential-voided'
  | 'poll-opened'
  | 'ballot'
  | 'poll-closed'
  | 'encrypted-tally'
  | 'decryption-share'
  | 'result'
  | 'certification';

export const EVENT_TYPES: readonly EventType[] = [
  'manifest',
  'trustee-commitments',
  'trustee-shares',
  'trustee-ack',
  'joint-key',
  'attendance',
  'credentials-activated',
  'credential-voided',
  'poll-opened',
  'ballot',
  'poll-closed',
  'encrypted-tally',
  'decryption-share',
  'result',
  'certification',
];
