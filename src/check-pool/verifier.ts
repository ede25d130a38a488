// The heavy crypto, behind one injectable interface: inline (Workers, tests), or a worker-thread pool on
// Node (src/check-pool/pool.ts) so that a hundred phones submitting at once do not stall the server.
// Only the pool keeps a running tally (a long-lived process); inline, the sum is made at close.

import type { DecryptionSharePayload, QuestionResult, TallyPayload } from '../meeting/protocol.ts';
import {
  type BallotVerdict,
  combine,
  type MeetingRef,
  type ShareVerdict,
  sumBallots,
  verifyBallot,
  verifyShare,
} from './jobs.ts';

export type { BallotVerdict, MeetingRef, ShareVerdict };

/** A ballot event as stored: its height in the chain and its payload string. */
export type StoredBallot = { height: number; payload: string };

export interface Verifier {
  /**
   * A ballot's check. `ballot` is the parsed body, `payload` the same as it will be stored (JSON text): the
   * pool sends the text to its thread, cheaper to copy than the object, and the thread parses it.
   */
  verifyBallot(job: { meeting: MeetingRef; ballot: unknown; payload: string }): Promise<BallotVerdict>;
  /**
   * The store has accepted a ballot this verifier checked (at this height of the chain): a verifier that
   * keeps a running tally adds it now, so that the sum at close is ready.
   */
  ballotAccepted(job: { meeting: MeetingRef; ballotHash: string; height: number }): void;
  /** The encrypted tally of the stored ballots (payloads as stored, with their heights). */
  sumBallots(job: { meeting: MeetingRef; ballots: StoredBallot[] }): Promise<TallyPayload>;
  verifyShare(job: {
    meeting: MeetingRef;
    verificationKey: string;
    tally: TallyPayload;
    share: DecryptionSharePayload;
  }): Promise<ShareVerdict>;
  combine(job: {
    meeting: MeetingRef;
    tally: TallyPayload;
    shares: DecryptionSharePayload[];
    ballots: number;
  }): Promise<QuestionResult[]>;
  close(): Promise<void>;
}

export const inlineVerifier: Verifier = {
  verifyBallot: async (job) => verifyBallot({ meeting: job.meeting, ballot: job.ballot }),
  ballotAccepted: () => {},
  sumBallots: async (job) => sumBallots({ meeting: job.meeting, ballots: job.ballots.map((b) => b.payload) }),
  verifyShare: async (job) => verifyShare(job),
  combine: async (job) => combine(job),
  close: async () => {},
};
