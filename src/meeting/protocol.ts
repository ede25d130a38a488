// The server's window on crypto/ (SPEC.md): what it re-exports for the routes, and a few helpers in the
// server's terms (keys as base64url text).
import {
  base64url,
  type CommitmentsPayload,
  commitmentProblems,
  decodePoint,
  type EventType,
  ed25519Keygen,
  ed25519PublicKey,
  eventHash,
  fromBase64url,
  manifestHash,
  signReceipt,
} from '../../crypto/index.ts';

export {
  type AckPayload,
  addCiphertexts,
  type BallotPayload,
  base64url,
  type CertificationPayload,
  type CiphertextSums,
  type Ciphertexts,
  type CodeList,
  type CommitmentsPayload,
  type Coordinates,
  ceremonyAckMessage,
  certificationValid,
  checkBallot,
  checkBallots,
  checkDecryptionShare,
  combineShares,
  compareBytes,
  confirmationCode,
  coordinatesOf,
  type DecryptionSharePayload,
  decodePoint,
  decodeTally,
  type EncryptedTally,
  ed25519Verify,
  emptySums,
  eventHash,
  fromBase64url,
  type JointKeyPayload,
  jointKeyPayload,
  type Manifest,
  type MeetingContext,
  manifestHash,
  meetingContext,
  pointFromCoordinates,
  type QuestionResult,
  type RecordEvent,
  type ResultPayload,
  receiptValid,
  type SharesPayload,
  sealSums,
  sumCiphertexts,
  type TallyPayload,
  tallyPayload,
} from '../../crypto/index.ts';

/** The hash of the event that would follow `at` (SPEC §6), base64url. */
export function nextEventHash(
  at: { height: number; hash: string },
  event: { type: string; payload: string },
): string {
  return base64url(
    eventHash({
      height: at.height + 1,
      parent: at.hash,
      type: event.type as EventType,
      payload: event.payload,
    }),
  );
}

export const IDENTITY_POINT = decodePoint(new Uint8Array(32), true);

export const manifestHashOf = (manifest: string): string => base64url(manifestHash(manifest));

/** A credential key: 32 bytes, canonical, not the identity (SPEC §0). */
export function isCredentialKey(pk: string): boolean {
  try {
    decodePoint(fromBase64url(pk, 32));
    return true;
  } catch {
    return false;
  }
}

/** Problems with a trustee's phase-1 message: every proof of knowledge, the keys' encodings. */
export function commitmentsProblems(
  manifest: string,
  payload: CommitmentsPayload,
  trustees: { n: number; k: number },
) {
  return commitmentProblems(manifestHash(manifest), payload, trustees);
}

export function newReceiptKey(): { secretKey: string; publicKey: string } {
  const keys = ed25519Keygen();
  return { secretKey: base64url(keys.secretKey), publicKey: base64url(keys.publicKey) };
}

export function receiptKeyFrom(stored: { secretKey: string; publicKey: string }) {
  const secretKey = fromBase64url(stored.secretKey, 32);
  const publicKey = ed25519PublicKey(secretKey);
  if (base64url(publicKey) !== stored.publicKey) throw new Error('the stored receipt key does not match');
  return { secretKey, publicKey };
}

/** The signed receipt of SPEC §7 for the ballot at `height`. */
export function receiptFor(meetingId: string, height: number, ballotHash: string, secretKey: Uint8Array) {
  return signReceipt(meetingId, height, fromBase64url(ballotHash, 64), secretKey);
}
