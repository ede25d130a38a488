// Randomness is passed in (SPEC §0: 64 bytes reduced mod ℓ). The default is the platform CSPRNG
// (crypto.getRandomValues via @noble/hashes); a seeded generator exists only for reproducible demos
// and known-answer vectors, never for a real meeting.
import { sha512 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { concatBytes, u32be } from './bytes.ts';

export type RandomSource = (length: number) => Uint8Array;

export const secureRandom: RandomSource = (length) => randomBytes(length);

/** Deterministic byte stream SHA-512(seed ‖ counter): reproducible, NOT secret. Tests and demos only. */
export function seededRandom(seed: string): RandomSource {
  const key = utf8ToBytes(`phieukin/seeded-random/${seed}`);
  let counter = 0;
  let pool = new Uint8Array(0);
  return (length) => {
    while (pool.length < length) pool = concatBytes(pool, sha512(concatBytes(key, u32be(counter++))));
    const out = pool.slice(0, length);
    pool = pool.slice(length);
    return out;
  };
}
