// The heavy crypto, behind one injectable interface: inline (Workers, tests), or a worker-thread pool on
// Node (src/server/verifier-pool.ts) so that a hundred phones submitting at once do not stall the server.

import type { DecryptionSharePayload, QuestionResult, TallyPayload } from './protocol.ts';
import {
  type BallotVerdict,
  combine,
  type MeetingRef,
  type ShareVerdict,
  sumBallots,
  verifyBallot,
  verifyShare,
} from './verifier-jobs.ts';

export type { BallotVerdict, MeetingRef, ShareVerdict };

export interface Verifier {
  verifyBallot(job: { meeting: MeetingRef; ballot: unknown }): Promise<BallotVerdict>;
  /** The encrypted tally of the ballot payloads (strings as stored). */
  sumBallots(job: { meeting: MeetingRef; ballots: string[] }): Promise<TallyPayload>;
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
  verifyBallot: async (job) => verifyBallot(job),
  sumBallots: async (job) => sumBallots(job),
  verifyShare: async (job) => verifyShare(job),
  combine: async (job) => combine(job),
  close: async () => {},
};
