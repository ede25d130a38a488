// Arithmetic mod p = 2^255 − 19 on BigInt with p's special reduction, x ≡ (x mod 2^255) + 19·⌊x / 2^255⌋,
// instead of BigInt `%`, and the addition of Edwards points in extended coordinates on it. Variable-time
// (branches and BigInt sizes follow the values): only for public values, that is the decoding of public
// encodings (ristretto-codec.ts) and the bucket sums of the public MSM (group.ts). group.ts builds the
// group's points from what these return.

/** p = 2^255 − 19, the field of Curve25519. */
export const P = 2n ** 255n - 19n;
const LOW = 2n ** 255n - 1n;
/** d = −121665/121666, the Edwards curve's constant. */
export const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
const D2 = (2n * D) % P;
/** √−1 = 2^((p−1)/4). */
export const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;

/**
 * x mod p for 0 ≤ x < 2^512. Two folds bring x below 2^255 + 1,520; one subtraction then makes it canonical.
 */
export function reduce(x: bigint): bigint {
  x = (x & LOW) + 19n * (x >> 255n);
  x = (x & LOW) + 19n * (x >> 255n);
  return x >= P ? x - P : x;
}

// On canonical elements (0 ≤ a, b < p), giving canonical elements.
export const mul = (a: bigint, b: bigint): bigint => reduce(a * b);
export const add = (a: bigint, b: bigint): bigint => {
  const s = a + b;
  return s >= P ? s - P : s;
};
export const sub = (a: bigint, b: bigint): bigint => {
  const s = a - b;
  return s < 0n ? s + P : s;
};
export const neg = (a: bigint): bigint => (a === 0n ? 0n : P - a);
/** RFC 9496 §4.1 IS_NEGATIVE: the least significant bit of the canonical element. */
export const isNegative = (a: bigint): boolean => (a & 1n) === 1n;

/**
 * x^(2^k) mod p. A square below 2^256 is folded once (below 2^261.3), the next square once (below 2^272),
 * the third twice (below 2^256 again): seven BigInt operations a square on average instead of nine.
 */
export function square(x: bigint, k: number): bigint {
  let i = 0;
  for (; i + 3 <= k; i += 3) {
    x *= x;
    x = (x & LOW) + 19n * (x >> 255n);
    x *= x;
    x = (x & LOW) + 19n * (x >> 255n);
    x *= x;
    x = (x & LOW) + 19n * (x >> 255n);
    x = (x & LOW) + 19n * (x >> 255n);
  }
  for (; i < k; i++) x = reduce(x * x);
  return reduce(x);
}

/** An Edwards point in extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, x·y = T/Z. */
export type Extended = [bigint, bigint, bigint, bigint];
/** A point ready to be added many times: (Y − X, Y + X, 2d·T, 2Z). */
export type Cached = [bigint, bigint, bigint, bigint];

export const IDENTITY_EXTENDED: Extended = [0n, 1n, 1n, 0n];

export function cachedOf([X, Y, Z, T]: Extended): Cached {
  return [sub(Y, X), add(Y, X), mul(D2, T), add(Z, Z)];
}

/**
 * p + q on −x² + y² = 1 + d·x²·y² (add-2008-hwcd-3, 8 multiplications): complete, since d is not a square,
 * so it also adds the identity and doubles.
 */
export function addCached([X1, Y1, Z1, T1]: Extended, [YmX, YpX, T2d, Z2]: Cached): Extended {
  const a = mul(sub(Y1, X1), YmX);
  const b = mul(add(Y1, X1), YpX);
  const c = mul(T1, T2d);
  const d = mul(Z1, Z2);
  const e = sub(b, a);
  const f = sub(d, c);
  const g = add(d, c);
  const h = add(b, a);
  return [mul(e, f), mul(g, h), mul(f, g), mul(e, h)];
}

export const addExtended = (p: Extended, q: Extended): Extended => addCached(p, cachedOf(q));
