// Schnorr proof of knowledge of x with X = x·G, bound to the manifest and a label L (SPEC §2).
import type { Relation } from '../batch.ts';
import { relationHolds } from '../batch.ts';
import {
  addScalars,
  decodePoint,
  decodeScalar,
  encodePoint,
  encodeScalar,
  G,
  mulScalars,
  mulSecret,
  negateScalar,
  randomScalar,
  type Scalar,
} from '../group.ts';
import { Hq, TAG } from '../hash.ts';
import { type RandomSource, secureRandom } from '../random.ts';

export type PokProof = { A: Uint8Array; z: Uint8Array };

const challenge = (manifestHash: Uint8Array, L: Uint8Array, X: Uint8Array, A: Uint8Array): Scalar =>
  Hq(TAG.pok, manifestHash, L, X, A);

/** Proves knowledge of the secret x behind X (the bytes of x·G). */
export function provePok(
  manifestHash: Uint8Array,
  L: Uint8Array,
  x: Scalar,
  X: Uint8Array,
  random: RandomSource = secureRandom,
): PokProof {
  const w = randomScalar(random);
  const A = encodePoint(mulSecret(G, w));
  const c = challenge(manifestHash, L, X, A);
  return { A, z: encodeScalar(addScalars(w, mulScalars(c, x))) };
}

/** A + c·X − z·G = 0 (the commitment at coefficient 1: see zero-or-one.ts). Throws a CodecError when X or the proof does not decode. */
export function pokRelation(
  manifestHash: Uint8Array,
  L: Uint8Array,
  X: Uint8Array,
  proof: PokProof,
): Relation {
  const Xp = decodePoint(X);
  const A = decodePoint(proof.A, true);
  const z = decodeScalar(proof.z);
  const c = challenge(manifestHash, L, X, proof.A);
  return [
    [A, 1n],
    [Xp, c],
    [G, negateScalar(z)],
  ];
}

export function verifyPok(manifestHash: Uint8Array, L: Uint8Array, X: Uint8Array, proof: PokProof): boolean {
  try {
    return relationHolds(pokRelation(manifestHash, L, X, proof));
  } catch {
    return false;
  }
}
