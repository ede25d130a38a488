// SPEC §0: enc, H and Hq, and the domain-separation tags. Every hash of the protocol goes through H, so
// each argument is length-prefixed and the tag binds the statement it belongs to.
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, u32be, utf8ToBytes } from './bytes.ts';
import { type Scalar, scalarFromWideBytes } from './group.ts';

export const TAG = {
  manifest: 'phieukin/v1/manifest',
  context: 'phieukin/v1/context',
  pok: 'phieukin/v1/pok',
  shareKdf: 'phieukin/v1/share-kdf',
  shareMac: 'phieukin/v1/share-mac',
  zeroOrOne: 'phieukin/v1/zero-or-one',
  ballot: 'phieukin/v1/ballot',
  ballotSig: 'phieukin/v1/ballot-sig',
  decryption: 'phieukin/v1/decryption',
  event: 'phieukin/v1/event',
  result: 'phieukin/v1/result',
  certify: 'phieukin/v1/certify',
  credential: 'phieukin/v1/credential',
  receipt: 'phieukin/v1/receipt',
} as const;

export type Tag = (typeof TAG)[keyof typeof TAG];

/** One argument of H: a string (UTF-8), an integer (u32be), or bytes (a point, a scalar, a hash…). */
export type HashInput = string | number | Uint8Array;

function bytesOf(x: HashInput): Uint8Array {
  if (typeof x === 'string') return utf8ToBytes(x);
  if (typeof x === 'number') return u32be(x);
  return x;
}

/** enc(b) = u32be(|b|) ‖ b. */
export function enc(x: HashInput): Uint8Array {
  const b = bytesOf(x);
  return concatBytes(u32be(b.length), b);
}

/** A label L built from enc'd parts, as SPEC §2 and §4 write them: enc(a) ‖ enc(b) ‖ … */
export function label(...parts: HashInput[]): Uint8Array {
  return concatBytes(...parts.map(enc));
}

/**
 * The bytes H hashes, enc(tag) ‖ enc(x1) ‖ … ‖ enc(xn), for a caller with a SHA-512 of its own: the server
 * hashes each 230 KB ballot event with the platform's native one (src/store), off its event loop.
 */
export const hashInput = (tag: Tag, ...args: HashInput[]): Uint8Array =>
  concatBytes(enc(tag), ...args.map(enc));

/** H(tag, x1…xn) = SHA-512(enc(tag) ‖ enc(x1) ‖ … ‖ enc(xn)), 64 bytes. */
export function H(tag: Tag, ...args: HashInput[]): Uint8Array {
  const h = sha512.create();
  h.update(enc(tag));
  for (const a of args) h.update(enc(a));
  return h.digest();
}

/** Hq = H read as a little-endian integer mod ℓ. */
export function Hq(tag: Tag, ...args: HashInput[]): Scalar {
  return scalarFromWideBytes(H(tag, ...args));
}
