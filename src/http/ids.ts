// Random identifiers and secrets, and the hashes under which secrets are stored.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64url } from '../meeting/protocol.ts';

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random id of `length` characters from an unambiguous lower-case alphabet (5 bits each). */
export function randomId(length = 16): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ID_ALPHABET[b & 31];
  return out;
}

/** A random secret of 32 bytes, base64url. */
export function randomSecret(): string {
  return base64url(randomBytes(32));
}

/** How secrets (session ids, setup tokens, codes) are kept: SHA-256, hex. */
export function secretHash(secret: string): string {
  return bytesToHex(sha256(utf8ToBytes(secret)));
}
