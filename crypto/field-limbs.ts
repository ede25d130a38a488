// Arithmetic mod p = 2^255 − 19 on 15 limbs of 17 bits held in doubles (radix 2^17, so 2^255 ≡ 19 folds a
// column straight back), for the public points of a ballot: their decoding's square roots and the batch's
// multi-scalar multiplication. A product of two limbs is below 2^42 and a folded column below 2^51, exact
// in a double, so no BigInt is allocated; field-products.ts multiplies (unrolled, about 60 ns a square
// where BigInt with its folds takes about 170 ns). Variable-time (Math.floor, branches on values): only
// for public values. Elements are Float64Arrays of 15 limbs; every operation writes into an `o` it is
// given, which may be one of its inputs.
import { add, mul, sqr, sub } from './field-products.ts';

export { add, mul, sqr, sub };

export type Fe = Float64Array;

const LIMBS = 15;
const RADIX = 131072;
const INV_RADIX = 1 / RADIX;

/** Where new elements come from: each call gives a fresh element, 0. */
export type Take = () => Fe;

/**
 * Elements carved from one buffer made for the purpose (the MSM's points and buckets), so that a batch's
 * 200,000 elements are one allocation, returned whole when the work is done: `new Float64Array(15)` costs
 * about 1.1 µs in V8, a view on a buffer 30 ns, and small buffers left the verifier's memory fragmented.
 */
export function arena(elements: number): Take {
  const buffer = new ArrayBuffer(elements * LIMBS * 8);
  let used = 0;
  return () => {
    if (used === elements) throw new Error('field arena: exhausted');
    return new Float64Array(buffer, LIMBS * 8 * used++, LIMBS);
  };
}

/** A new element, 0, for constants and scratch. */
export const fe: Take = () => new Float64Array(LIMBS);

const P = 2n ** 255n - 19n;
const LOW_51 = 2n ** 51n - 1n;

/**
 * x (any BigInt, reduced mod p first unless it is in [0, 2^255)) as limbs: three limbs (51 bits, exact in
 * a double) a BigInt step, ten BigInt operations for a canonical coordinate.
 */
export function feFromBigint(x: bigint, o: Fe = fe()): Fe {
  let v = x >= 0n && x >> 255n === 0n ? x : ((x % P) + P) % P;
  for (let i = 0; i < LIMBS; i += 3) {
    const chunk = Number(v & LOW_51);
    v >>= 51n;
    const high = Math.floor(chunk / 2 ** 34);
    const rest = chunk - high * 2 ** 34;
    const mid = Math.floor(rest * INV_RADIX);
    o[i] = rest - mid * RADIX;
    o[i + 1] = mid;
    o[i + 2] = high;
  }
  return o;
}

/** The low 255 bits of 32 little-endian bytes (the caller checks bit 255). */
export function feFromBytes(o: Fe, b: Uint8Array): Fe {
  for (let i = 0; i < LIMBS; i++) {
    const bit = 17 * i;
    const at = bit >> 3;
    const word = b[at]! | (b[at + 1]! << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24);
    o[i] = (word >>> (bit & 7)) & 0x1ffff;
  }
  return o;
}

export function neg(o: Fe, a: Fe): Fe {
  for (let i = 0; i < LIMBS; i++) o[i] = -a[i]!;
  return o;
}

export function copy(o: Fe, a: Fe): Fe {
  o.set(a);
  return o;
}

/** o = a^(2^k). */
export function sqrN(o: Fe, a: Fe, k: number): Fe {
  sqr(o, a);
  for (let i = 1; i < k; i++) sqr(o, o);
  return o;
}

/**
 * a in canonical form, in place: limbs in [0, 2^17) and the value in [0, p). Carry passes (each folding the
 * top carry back as 19·q) until the top carries nothing, then p subtracted once if the value reaches it.
 */
export function canonical(a: Fe): Fe {
  for (;;) {
    let carry = 0;
    for (let i = 0; i < LIMBS; i++) {
      const v = a[i]! + carry;
      carry = Math.floor(v * INV_RADIX);
      a[i] = v - carry * RADIX;
    }
    if (carry === 0) break;
    a[0] = a[0]! + 19 * carry;
  }
  let top = a[0]! >= RADIX - 19;
  for (let i = 1; top && i < LIMBS; i++) top = a[i] === RADIX - 1;
  if (top) {
    a[0] = a[0]! - (RADIX - 19);
    for (let i = 1; i < LIMBS; i++) a[i] = 0;
  }
  return a;
}

/** RFC 9496 §4.1 IS_NEGATIVE: the low bit of the canonical element (a is made canonical). */
export const isNegative = (a: Fe): boolean => canonical(a)[0]! % 2 === 1;

/** Whether a ≡ b (both are made canonical). */
export function equal(a: Fe, b: Fe): boolean {
  canonical(a);
  canonical(b);
  for (let i = 0; i < LIMBS; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isZero(a: Fe): boolean {
  canonical(a);
  for (let i = 0; i < LIMBS; i++) if (a[i] !== 0) return false;
  return true;
}

/** The canonical value as a BigInt (a is made canonical). */
export function feToBigint(a: Fe): bigint {
  canonical(a);
  let x = 0n;
  // three limbs (51 bits) at a time: exact in a double, so one BigInt step for three
  for (let i = LIMBS - 1; i >= 2; i -= 3)
    x = (x << 51n) | BigInt(a[i]! * 2 ** 34 + a[i - 1]! * RADIX + a[i - 2]!);
  return x;
}

/** The canonical value's 32 little-endian bytes (a is made canonical). */
export function feToBytes(a: Fe): Uint8Array {
  canonical(a);
  const out = new Uint8Array(32);
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < LIMBS; i++) {
    acc += a[i]! * 2 ** bits;
    bits += 17;
    while (bits >= 8) {
      out[at++] = acc % 256;
      acc = Math.floor(acc / 256);
      bits -= 8;
    }
  }
  if (at < 32) out[at] = acc;
  return out;
}
