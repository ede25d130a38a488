// Disjunctive Chaum–Pedersen proof that an ElGamal ciphertext (α, β) under K encrypts 0 or 1 (SPEC §4).
import type { Relation } from '../batch.ts';
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
  type Point,
  randomScalar,
  type Scalar,
  subScalars,
} from '../group.ts';
import { Hq, TAG } from '../hash.ts';
import { type RandomSource, secureRandom } from '../random.ts';

export type ZeroOrOneProof = {
  a0: Uint8Array;
  b0: Uint8Array;
  a1: Uint8Array;
  b1: Uint8Array;
  c0: Uint8Array;
  z0: Uint8Array;
  z1: Uint8Array;
};

/** A ciphertext as points, with the bytes its proof hashes. */
export type EncodedCiphertext = { alpha: Point; beta: Point; alphaBytes: Uint8Array; betaBytes: Uint8Array };

const challenge = (
  ctx: Uint8Array,
  L: Uint8Array,
  ct: EncodedCiphertext,
  a0: Uint8Array,
  b0: Uint8Array,
  a1: Uint8Array,
  b1: Uint8Array,
): Scalar => Hq(TAG.zeroOrOne, ctx, L, ct.alphaBytes, ct.betaBytes, a0, b0, a1, b1);

/**
 * Proves that `ct` encrypts v ∈ {0,1} with randomness r. G and K should carry fixed-base tables: every
 * multiplication here is fixed-base (SPEC §4). r, w, v are secret; both values of v run the same
 * sequence of operations (JavaScript gives no stronger constant-time guarantee than that).
 */
export function proveZeroOrOne(
  ctx: Uint8Array,
  L: Uint8Array,
  ct: EncodedCiphertext,
  v: 0 | 1,
  r: Scalar,
  K: Point,
  random: RandomSource = secureRandom,
): ZeroOrOneProof {
  const w = randomScalar(random);
  const cu = randomScalar(random);
  const zu = randomScalar(random);
  const t = subScalars(zu, mulScalars(cu, r));
  // Real branch v: a_v = w·G, b_v = w·K.
  const aReal = encodePoint(mulSecret(G, w));
  const bReal = encodePoint(mulSecret(K, w));
  // Simulated branch u = 1 − v: a_u = t·G, b_u = t·K − c_u·(v − u)·G.
  const aSim = encodePoint(mulSecret(G, t));
  const bSim = encodePoint(mulSecret(K, t).add(mulSecret(G, v === 1 ? negateScalar(cu) : cu)));
  const [a0, b0, a1, b1] = v === 1 ? [aSim, bSim, aReal, bReal] : [aReal, bReal, aSim, bSim];
  const c = challenge(ctx, L, ct, a0, b0, a1, b1);
  const cv = subScalars(c, cu);
  const zv = addScalars(w, mulScalars(cv, r));
  const [c0, z0, z1] = v === 1 ? [cu, zu, zv] : [cv, zv, zu];
  return { a0, b0, a1, b1, c0: encodeScalar(c0), z0: encodeScalar(z0), z1: encodeScalar(z1) };
}

/**
 * The four relations of SPEC §4 for j ∈ {0,1}: a_j + c_j·α − z_j·G = 0 and b_j + c_j·(β − j·G) − z_j·K = 0.
 * Throws a CodecError when the proof does not decode. Pass G and K as shared instances so a batch merges them.
 */
export function zeroOrOneRelations(
  ctx: Uint8Array,
  L: Uint8Array,
  ct: EncodedCiphertext,
  proof: ZeroOrOneProof,
  K: Point,
): Relation[] {
  const a0 = decodePoint(proof.a0, true);
  const b0 = decodePoint(proof.b0, true);
  const a1 = decodePoint(proof.a1, true);
  const b1 = decodePoint(proof.b1, true);
  const c0 = decodeScalar(proof.c0);
  const z0 = decodeScalar(proof.z0);
  const z1 = decodeScalar(proof.z1);
  const c = challenge(ctx, L, ct, proof.a0, proof.b0, proof.a1, proof.b1);
  const c1 = subScalars(c, c0);
  // Each relation leads with the prover's commitment at coefficient 1, so in a batch it carries only the
  // 128-bit weight and the MSM spends half the work on it.
  return [
    [
      [a0, 1n],
      [ct.alpha, c0],
      [G, negateScalar(z0)],
    ],
    [
      [b0, 1n],
      [ct.beta, c0],
      [K, negateScalar(z0)],
    ],
    [
      [a1, 1n],
      [ct.alpha, c1],
      [G, negateScalar(z1)],
    ],
    [
      [b1, 1n],
      [ct.beta, c1],
      [K, negateScalar(z1)],
      [G, negateScalar(c1)],
    ],
  ];
}
