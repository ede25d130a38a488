// RFC 9496 §4.3.1 and §4.3.2 (ristretto255 decode and encode) on curve25519.ts's arithmetic mod p without
// BigInt `%`: a ballot carries about 2,800 points and their square roots were half of its check.
// Variable-time (branches and BigInt sizes follow the values): only for public points and encodings.
// group.ts builds the group's points from what this returns.
import { add, D, isNegative, mul, neg, P, reduce, SQRT_M1, square, sub } from './curve25519.ts';

/** x^((p−5)/8) = x^(2^252 − 3), by the addition chain of ref10's pow22523. */
function powP58(x: bigint): bigint {
  const x3 = mul(square(x, 1), x);
  const x15 = mul(square(x3, 2), x3);
  const x31 = mul(square(x15, 1), x);
  const b10 = mul(square(x31, 5), x31);
  const b20 = mul(square(b10, 10), b10);
  const b40 = mul(square(b20, 20), b20);
  const b80 = mul(square(b40, 40), b40);
  const b160 = mul(square(b80, 80), b80);
  const b240 = mul(square(b160, 80), b80);
  const b250 = mul(square(b240, 10), b10);
  return mul(square(b250, 2), x);
}

/**
 * RFC 9496 §4.2 SQRT_RATIO_M1(u, v) for canonical u, v: whether u/v is a square, and the nonnegative
 * √(u/v) when it is (√(√−1·u/v) when it is not).
 */
export function sqrtRatioM1(u: bigint, v: bigint): { wasSquare: boolean; root: bigint } {
  const v3 = mul(square(v, 1), v);
  const v7 = mul(square(v3, 1), v);
  let r = mul(mul(u, v3), powP58(mul(u, v7)));
  const check = mul(v, square(r, 1));
  const correctSign = check === u;
  const flippedSign = check === neg(u);
  const flippedSignI = check === neg(mul(u, SQRT_M1));
  if (flippedSign || flippedSignI) r = mul(r, SQRT_M1);
  if (isNegative(r)) r = neg(r);
  return { wasSquare: correctSign || flippedSign, root: r };
}

/** The 32 bytes read little-endian, all 256 bits. */
function numberLE(bytes: Uint8Array): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 32);
  return (
    view.getBigUint64(0, true) |
    (view.getBigUint64(8, true) << 64n) |
    (view.getBigUint64(16, true) << 128n) |
    (view.getBigUint64(24, true) << 192n)
  );
}

/** Extended Edwards coordinates (x, y, 1, t = x·y) of the decoded point's representative. */
export type Decoded = { x: bigint; y: bigint; t: bigint };

/**
 * RFC 9496 §4.3.1 Decode of 32 public bytes: the point's representative, or undefined for every encoding
 * the RFC rejects (s ≥ p, s negative, no square root, t negative, y = 0). Variable-time.
 */
export function decodeRistrettoPublic(bytes: Uint8Array): Decoded | undefined {
  if (bytes.length !== 32) return undefined;
  const s = numberLE(bytes);
  if (s >= P || isNegative(s)) return undefined;
  const ss = square(s, 1);
  const u1 = reduce(1n + P - ss);
  const u2 = reduce(1n + ss);
  const u2Squared = square(u2, 1);
  const v = neg(reduce(mul(D, square(u1, 1)) + u2Squared));
  const { wasSquare, root: invSqrt } = sqrtRatioM1(1n, mul(v, u2Squared));
  const denX = mul(invSqrt, u2);
  const denY = mul(mul(invSqrt, denX), v);
  let x = mul(2n * s, denX);
  if (isNegative(x)) x = neg(x);
  const y = mul(u1, denY);
  const t = mul(x, y);
  if (!wasSquare || isNegative(t) || y === 0n) return undefined;
  return { x, y, t };
}

/** 1/√(a − d) with a = −1. */
const INVSQRT_A_MINUS_D = 54469307008909316920995813868745141605393597292927456921205312896311721017578n;

/**
 * RFC 9496 §4.3.2 Encode of a point given by extended coordinates (X, Y, Z, T) of any representative:
 * the canonical 32 bytes. Variable-time: only for public points (a ballot's sums, the tally).
 */
export function encodeRistrettoPublic(...coordinates: [bigint, bigint, bigint, bigint]): Uint8Array {
  const [X, Y, Z, T] = coordinates.map(reduce) as [bigint, bigint, bigint, bigint];
  const u1 = mul(add(Z, Y), sub(Z, Y));
  const u2 = mul(X, Y);
  const { root: invSqrt } = sqrtRatioM1(1n, mul(u1, square(u2, 1)));
  const den1 = mul(invSqrt, u1);
  const den2 = mul(invSqrt, u2);
  const zInv = mul(mul(den1, den2), T);
  const rotate = isNegative(mul(T, zInv));
  const x = rotate ? mul(Y, SQRT_M1) : X;
  let y = rotate ? mul(X, SQRT_M1) : Y;
  const denInv = rotate ? mul(den1, INVSQRT_A_MINUS_D) : den2;
  if (isNegative(mul(x, zInv))) y = neg(y);
  let s = mul(denInv, sub(Z, y));
  if (isNegative(s)) s = neg(s);
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) view.setBigUint64(8 * i, (s >> BigInt(64 * i)) & 0xffffffffffffffffn, true);
  return out;
}
