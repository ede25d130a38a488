// Signed statements (SPEC §7): the board's certification of a result, and the server's receipt for a
// ballot. Both are Ed25519 signatures over a domain-separated hash.
import { base64url as b64, fromBase64url, utf8ToBytes } from './bytes.ts';
import { ed25519Sign, ed25519Verify } from './group.ts';
import { H, TAG } from './hash.ts';
import type { CertificationPayload } from './payloads.ts';

/** resultHash = H("phieukin/v1/result", payloadBytes). */
export const resultHash = (resultPayload: string): Uint8Array => H(TAG.result, utf8ToBytes(resultPayload));

export const certificationMessage = (manifestHash: Uint8Array, resultPayload: string): Uint8Array =>
  H(TAG.certify, manifestHash, resultHash(resultPayload));

export function certifyResult(
  manifestHash: Uint8Array,
  resultPayload: string,
  index: number,
  signingKey: Uint8Array,
): CertificationPayload {
  return {
    index,
    signature: b64(ed25519Sign(certificationMessage(manifestHash, resultPayload), signingKey)),
  };
}

export function certificationValid(
  manifestHash: Uint8Array,
  resultPayload: string,
  signature: string,
  publicKey: Uint8Array,
): boolean {
  try {
    return ed25519Verify(
      fromBase64url(signature, 64),
      certificationMessage(manifestHash, resultPayload),
      publicKey,
    );
  } catch {
    return false;
  }
}

export type Receipt = { meetingId: string; height: number; ballotHash: string; signature: string };

export const receiptMessage = (meetingId: string, height: number, ballotHash: Uint8Array): Uint8Array =>
  H(TAG.receipt, meetingId, height, ballotHash);

export function signReceipt(
  meetingId: string,
  height: number,
  ballotHash: Uint8Array,
  serverKey: Uint8Array,
): Receipt {
  return {
    meetingId,
    height,
    ballotHash: b64(ballotHash),
    signature: b64(ed25519Sign(receiptMessage(meetingId, height, ballotHash), serverKey)),
  };
}

/** A voter's check of a receipt against the server key published in `poll-opened`. Never throws. */
export function receiptValid(receipt: Receipt, serverPublicKey: string): boolean {
  try {
    return ed25519Verify(
      fromBase64url(receipt.signature, 64),
      receiptMessage(receipt.meetingId, receipt.height, fromBase64url(receipt.ballotHash, 64)),
      fromBase64url(serverPublicKey, 32),
    );
  } catch {
    return false;
  }
}
