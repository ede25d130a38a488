// A worker thread of `phieukin simulate`: phones encrypting their ballots (SPEC §4) while voters read.
import { parentPort } from 'node:worker_threads';
import {
  type BallotPayload,
  type Choices,
  credentialFromToken,
  encryptBallot,
  meetingContext,
} from '../../crypto/index.ts';

export type PhoneJob = {
  manifest: string;
  jointKey: string;
  meetingId: string;
  phones: { token: Uint8Array; choices: Choices }[];
};
export type PhoneBallot = { ballot: BallotPayload; confirmationCode: string };

parentPort!.on('message', (job: PhoneJob) => {
  const mc = meetingContext(job.manifest, job.jointKey);
  const ballots: PhoneBallot[] = job.phones.map((phone) => {
    const { ballot, confirmationCode } = encryptBallot(
      mc,
      credentialFromToken(job.meetingId, phone.token),
      phone.choices,
    );
    parentPort!.postMessage({ progress: 1 });
    return { ballot, confirmationCode };
  });
  parentPort!.postMessage({ ballots });
});
