// The booth's Web Worker: derives the card's credential from its token and encrypts and signs the ballot
// (SPEC §3–§4) off the page's thread, reporting progress question by question. Nothing leaves the phone
// from here: the page sends only the finished ballot.
import {
  type BallotPayload,
  base64url,
  type Choices,
  credentialFromToken,
  encryptBallot,
  meetingContext,
  parseTokenText,
} from '../../crypto/index.ts';
import { serveJobs } from '../shared/worker-job.ts';

export type EncryptRequest = { manifestText: string; jointKey: string; token: string; choices: Choices };
export type EncryptedBallot = { ballot: BallotPayload; ballotHash: string; confirmationCode: string };

serveJobs<EncryptRequest, EncryptedBallot>(({ manifestText, jointKey, token, choices }, progress) => {
  const mc = meetingContext(manifestText, jointKey);
  const credential = credentialFromToken(mc.manifest.meetingId, parseTokenText(token));
  const { ballot, ballotHash, confirmationCode } = encryptBallot(mc, credential, choices, {
    onProgress: progress,
  });
  return { ballot, ballotHash: base64url(ballotHash), confirmationCode };
});
