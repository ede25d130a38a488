// RFC 9496 §4.3.1 and §4.3.2 (ristretto255 decode and encode) on field-limbs.ts's arithmetic mod p in
// doubles: a ballot carries about 2,800 points and their square roots were half of its check. Variable-time
// (branches and Math.floor follow the values): only for public points and encodings. group.ts builds the
// group's points from what this returns. Scratch elements are module-level: the functions do not re-enter.
import {
  add,
  canonical,
  copy,
  equal,
  type Fe,
  fe,
  feFromBigint,
  feFromBytes,
  feToBigint,
  feToBytes,
  isNegative,
  isZero,
  mul,
  neg,
  sqr,
  sqrN,
  sub,
} from './field-limbs.ts';

/** d = −121665/121666, the Edwards curve's constant. */
const D = feFromBigint(37095705934669439343138083508754565189542113879843219016388785533085940283555n);
/** √−1 = 2^((p−1)/4). */
const SQRT_M1 = feFromBigint(19681161376707505956807079304988542015446066515923890162744021073123829784752n);
/** 1/√(a − d) with a = −1. */
const INVSQRT_A_MINUS_D =
  feFromBigint(54469307008909316920995813868745141605393597292927456921205312896311721017578n);
const ONE = feFromBigint(1n);
const MINUS_ONE = feFromBigint(-1n);
const MINUS_SQRT_M1 = canonical(neg(fe(), SQRT_M1));

const [x3, x15, x31, b10, b20, b40, b80, b160, t] = Array.from({ length: 9 }, fe); // powP58's own

/** o = x^((p−5)/8) = x^(2^252 − 3), by the addition chain of ref10's pow22523. */
function powP58(o: Fe, x: Fe): Fe {
  mul(x3, sqr(t, x), x);
  mul(x15, sqrN(t, x3, 2), x3);
  mul(x31, sqr(t, x15), x);
  mul(b10, sqrN(t, x31, 5), x31);
  mul(b20, sqrN(t, b10, 10), b10);
  mul(b40, sqrN(t, b20, 20), b20);
  mul(b80, sqrN(t, b40, 40), b40);
  mul(b160, sqrN(t, b80, 80), b80);
  mul(t, sqrN(t, b160, 80), b80); // 2^240 − 1
  mul(t, sqrN(t, t, 10), b10); // 2^250 − 1
  return mul(o, sqrN(t, t, 2), x);
}

const [v3, v7, uv7, check] = Array.from({ length: 4 }, fe);

/**
 * RFC 9496 §4.2 SQRT_RATIO_M1(1, v), the only ratio the codec takes: writes into `root` the nonnegative
 * 1/√v when v is a square (1/√(√−1·v) when it is not) and says which.
 */
export function invSqrtM1(root: Fe, v: Fe): boolean {
  mul(v3, sqr(v3, v), v);
  mul(v7, sqr(v7, v3), v);
  powP58(uv7, v7);
  mul(root, v3, uv7);
  mul(check, v, sqr(check, root));
  const correctSign = equal(check, ONE);
  const flippedSign = equal(check, MINUS_ONE);
  if (flippedSign || equal(check, MINUS_SQRT_M1)) mul(root, root, SQRT_M1);
  if (isNegative(root)) neg(root, root);
  return correctSign || flippedSign;
}

/** Extended Edwards coordinates (x, y, 1, t = x·y) of the decoded point's representative. */
export type Decoded = { x: bigint; y: bigint; t: bigint };

const [s, ss, u1, u2, u2Squared, v, vu2, invSqrt, denX, denY, x, y, xy] = Array.from({ length: 13 }, fe);

/** Whether 32 little-endian bytes are below p = 2^255 − 19 (s ≥ p is a non-canonical encoding). */
function belowP(bytes: Uint8Array): boolean {
  if (bytes[31]! !== 0x7f) return bytes[31]! < 0x7f;
  for (let i = 30; i > 0; i--) if (bytes[i] !== 0xff) return true;
  return bytes[0]! < 0xed;
}

/**
 * RFC 9496 §4.3.1 Decode of 32 public bytes: the point's representative, or undefined for every encoding
 * the RFC rejects (s ≥ p, s negative, no square root, t negative, y = 0). Variable-time.
 */
export function decodeRistrettoPublic(bytes: Uint8Array): Decoded | undefined {
  if (bytes.length !== 32 || bytes[0]! % 2 === 1 || !belowP(bytes)) return undefined;
  feFromBytes(s, bytes);
  sqr(ss, s);
  sub(u1, ONE, ss);
  add(u2, ONE, ss);
  sqr(u2Squared, u2);
  neg(v, add(v, mul(v, D, sqr(v, u1)), u2Squared));
  const wasSquare = invSqrtM1(invSqrt, mul(vu2, v, u2Squared));
  mul(denX, invSqrt, u2);
  mul(denY, mul(denY, invSqrt, denX), v);
  mul(x, add(x, s, s), denX);
  if (isNegative(x)) neg(x, x);
  mul(y, u1, denY);
  mul(xy, x, y);
  if (!wasSquare || isNegative(xy) || isZero(y)) return undefined;
  return { x: feToBigint(x), y: feToBigint(y), t: feToBigint(xy) };
}

const [X, Y, Z, T, e1, e2, den1, den2, zInv, denInv] = Array.from({ length: 10 }, fe);

/**
 * RFC 9496 §4.3.2 Encode of a point given by extended coordinates (X, Y, Z, T) of any representative:
 * the canonical 32 bytes. Variable-time: only for public points (a ballot's sums, the tally).
 */
export function encodeRistrettoPublic(...coordinates: [bigint, bigint, bigint, bigint]): Uint8Array {
  copy(X, feFromBigint(coordinates[0]));
  copy(Y, feFromBigint(coordinates[1]));
  copy(Z, feFromBigint(coordinates[2]));
  copy(T, feFromBigint(coordinates[3]));
  mul(u1, add(e1, Z, Y), sub(e2, Z, Y));
  mul(u2, X, Y);
  invSqrtM1(invSqrt, mul(e1, u1, sqr(e1, u2)));
  mul(den1, invSqrt, u1);
  mul(den2, invSqrt, u2);
  mul(zInv, mul(zInv, den1, den2), T);
  const rotate = isNegative(mul(e1, T, zInv));
  if (rotate) {
    mul(x, Y, SQRT_M1);
    mul(y, X, SQRT_M1);
    mul(denInv, den1, INVSQRT_A_MINUS_D);
  } else {
    copy(x, X);
    copy(y, Y);
    copy(denInv, den2);
  }
  if (isNegative(mul(e1, x, zInv))) neg(y, y);
  mul(s, denInv, sub(e1, Z, y));
  if (isNegative(s)) neg(s, s);
  return feToBytes(s);
}
