// Chaum–Pedersen proof that a decryption share D_i = s_i·A uses the trustee's key share: log_G K_i = log_A D_i
// (SPEC §5).
import { type Relation, relationHolds } from '../batch.ts';
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
} from '../group.ts';
import { Hq, TAG } from '../hash.ts';
import { type RandomSource, secureRandom } from '../random.ts';

export type DecryptionProof = { a: Uint8Array; b: Uint8Array; z: Uint8Array };

/** What a share claims: trustee i's D for option o of question q, against K_i and the tally's A. */
export type DecryptionStatement = {
  ctx: Uint8Array;
  index: number;
  questionId: string;
  option: number;
  Ki: Point;
  KiBytes: Uint8Array;
  A: Point;
  ABytes: Uint8Array;
};

const challenge = (s: DecryptionStatement, D: Uint8Array, a: Uint8Array, b: Uint8Array): Scalar =>
  Hq(TAG.decryption, s.ctx, s.index, s.questionId, s.option, s.KiBytes, s.ABytes, D, a, b);

/** D_i = s_i·A with its proof; s_i is the trustee's secret share. */
export function proveDecryption(
  statement: DecryptionStatement,
  si: Scalar,
  random: RandomSource = secureRandom,
): { D: Uint8Array; proof: DecryptionProof } {
  const D = encodePoint(mulSecret(statement.A, si));
  const w = randomScalar(random);
  const a = encodePoint(mulSecret(G, w));
  const b = encodePoint(mulSecret(statement.A, w));
  const c = challenge(statement, D, a, b);
  return { D, proof: { a, b, z: encodeScalar(addScalars(w, mulScalars(c, si))) } };
}

/** a + c·K_i − z·G = 0 and b + c·D_i − z·A = 0. Throws a CodecError when D or the proof does not decode. */
export function decryptionRelations(
  statement: DecryptionStatement,
  D: Uint8Array,
  proof: DecryptionProof,
): { D: Point; relations: Relation[] } {
  const Dp = decodePoint(D, true);
  const a = decodePoint(proof.a, true);
  const b = decodePoint(proof.b, true);
  const z = decodeScalar(proof.z);
  const c = challenge(statement, D, proof.a, proof.b);
  const minusZ = negateScalar(z);
  return {
    D: Dp,
    relations: [
      [
        [a, 1n],
        [statement.Ki, c],
        [G, minusZ],
      ],
      [
        [b, 1n],
        [Dp, c],
        [statement.A, minusZ],
      ],
    ],
  };
}

export function verifyDecryption(
  statement: DecryptionStatement,
  D: Uint8Array,
  proof: DecryptionProof,
): boolean {
  try {
    return decryptionRelations(statement, D, proof).relations.every(relationHolds);
  } catch {
    return false;
  }
}
