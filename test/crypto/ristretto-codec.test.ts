// crypto/field-limbs.ts, the arithmetic mod p in doubles, against BigInt arithmetic; crypto/ristretto-codec.ts,
// the variable-time decode decodePoint uses, against noble's own RFC 9496 decode
// (`ristretto255.Point.fromBytes`): the same representative (x, y, 1, x·y) for every valid encoding and a
// refusal for every invalid one, on thousands of points and byte strings; its encode (encodePublicPoint)
// against noble's `toBytes` on points of every representative. RFC 9496's own vectors are in
// rfc9496-ristretto255.test.ts.

import { readFileSync } from 'node:fs';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import {
  add,
  canonical,
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
} from '../../crypto/field-limbs.ts';
import {
  decodePoint,
  encodePoint,
  encodePublicPoint,
  G,
  mulPublic,
  randomScalar,
} from '../../crypto/group.ts';
import { seededRandom } from '../../crypto/random.ts';
import { decodeRistrettoPublic, invSqrtM1 } from '../../crypto/ristretto-codec.ts';
import { source } from '../../scripts/gen-field-products.ts';

const P = 2n ** 255n - 19n;
const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;

const Fp = ristretto255.Point.Fp;

/** noble's decode: the Edwards representative's coordinates, or undefined when it throws. */
function nobleDecode(bytes: Uint8Array): { x: bigint; y: bigint; t: bigint } | undefined {
  try {
    const { X, Y, Z, T } = (
      ristretto255.Point.fromBytes(bytes) as unknown as {
        ep: { X: bigint; Y: bigint; Z: bigint; T: bigint };
      }
    ).ep;
    expect(Z).toBe(1n);
    return { x: X, y: Y, t: T };
  } catch {
    return undefined;
  }
}

const leBytes = (x: bigint): Uint8Array => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((x >> BigInt(8 * i)) & 0xffn);
  return out;
};

describe('the field mod p = 2^255 − 19 on 15 limbs of 17 bits in doubles (field-limbs.ts)', () => {
  const random = seededRandom('field-limbs');
  const element = () => BigInt(`0x${Buffer.from(random(32)).toString('hex')}`) % P;
  const edges = [0n, 1n, 2n, 19n, P - 1n, P - 2n, 2n ** 17n - 1n, 2n ** 128n, 2n ** 254n, P - 2n ** 17n];
  const values = [...edges, ...Array.from({ length: 400 }, element)];
  /** Limbs at the edge of what the products accept: every limb ±(2^21 − 1), and the value they hold. */
  const widest = (sign: number): [Fe, bigint] => {
    const a = fe().fill(sign * (2 ** 21 - 1));
    let v = 0n;
    for (let i = 14; i >= 0; i--) v = v * 2n ** 17n + BigInt(a[i]!);
    return [a, ((v % P) + P) % P];
  };

  it('multiplies, squares, adds, subtracts and negates as BigInt arithmetic mod p does', () => {
    for (const a of values)
      for (const b of [values[(Number(a % 397n) + 3) % values.length]!, P - 1n, 0n]) {
        expect(feToBigint(mul(fe(), feFromBigint(a), feFromBigint(b)))).toBe((a * b) % P);
        expect(feToBigint(add(fe(), feFromBigint(a), feFromBigint(b)))).toBe((a + b) % P);
        expect(feToBigint(sub(fe(), feFromBigint(a), feFromBigint(b)))).toBe((((a - b) % P) + P) % P);
      }
    for (const a of values) {
      expect(feToBigint(sqr(fe(), feFromBigint(a)))).toBe((a * a) % P);
      expect(feToBigint(neg(fe(), feFromBigint(a)))).toBe((P - a) % P);
      expect(feToBigint(sqrN(fe(), feFromBigint(a), 5))).toBe(Fp.pow(a, 32n));
    }
  });

  it('takes unreduced and negative limbs up to 2^21 in magnitude (a difference of sums) without losing a bit', () => {
    for (const sign of [1, -1]) {
      const [a, v] = widest(sign);
      const [b, w] = widest(-sign);
      expect(feToBigint(mul(fe(), a, b))).toBe((v * w) % P);
      expect(feToBigint(sqr(fe(), a))).toBe((v * v) % P);
      expect(feToBigint(mul(fe(), a, feFromBigint(P - 1n)))).toBe(((P - 1n) * v) % P);
    }
  });

  it('makes every representation canonical: values in [p, 2^255), above 2^255 and below zero', () => {
    const forms: Array<[Fe, bigint]> = [
      [feFromBytes(fe(), leBytes(P)), 0n],
      [feFromBytes(fe(), leBytes(P + 18n)), 18n],
      [feFromBytes(fe(), leBytes(2n ** 255n - 1n)), 18n],
      [fe().fill(2 ** 17), (2n ** 17n * ((2n ** 255n - 1n) / (2n ** 17n - 1n))) % P],
      [neg(fe(), feFromBigint(1n)), P - 1n],
      [sub(fe(), fe(), feFromBigint(P - 1n)), 1n],
    ];
    for (const [a, v] of forms) {
      expect(feToBigint(a)).toBe(v);
      expect(Array.from(canonical(a)).every((limb) => limb >= 0 && limb < 2 ** 17)).toBe(true);
      expect(isNegative(a)).toBe(v % 2n === 1n);
      expect(isZero(a)).toBe(v === 0n);
    }
    expect(equal(feFromBigint(P - 1n), neg(fe(), feFromBigint(1n)))).toBe(true);
    expect(equal(feFromBigint(2n), feFromBigint(3n))).toBe(false);
  });

  it('reads and writes 32 little-endian bytes', () => {
    for (const a of values) {
      expect(feToBytes(feFromBigint(a))).toEqual(leBytes(a));
      expect(feToBigint(feFromBytes(fe(), leBytes(a)))).toBe(a);
    }
  });

  it('is the file scripts/gen-field-products.ts writes (the products are generated, not edited)', () => {
    const file = readFileSync(new URL('../../crypto/field-products.ts', import.meta.url), 'utf8');
    expect(file).toBe(source);
  });

  it('√−1 squares to −1', () => {
    expect((SQRT_M1 * SQRT_M1) % P).toBe(P - 1n);
  });

  it('SQRT_RATIO_M1(1, v) says whether 1/v is a square and gives its nonnegative root (RFC 9496 §4.2)', () => {
    let squares = 0;
    for (let i = 0; i < 500; i++) {
      const v = i === 0 ? 1n : i === 1 ? P - 1n : element() || 1n;
      const root = fe();
      const wasSquare = invSqrtM1(root, feFromBigint(v));
      const r = feToBigint(root);
      const ratio = Fp.inv(v);
      const isSquare = Fp.pow(ratio, (P - 1n) / 2n) === 1n;
      expect(wasSquare).toBe(isSquare);
      expect(r % 2n).toBe(0n);
      expect(Fp.mul(v, Fp.sqr(r))).toBe(isSquare ? 1n : SQRT_M1);
      if (isSquare) squares++;
    }
    // about half the ratios are squares: both branches ran
    expect(squares).toBeGreaterThan(150);
    expect(squares).toBeLessThan(350);
  });
});

describe('decodeRistrettoPublic agrees with noble', () => {
  it('on the encodings of 3,000 points of a random walk: the same coordinates, and they encode back', () => {
    const random = seededRandom('decode-points');
    const step = mulPublic(G, randomScalar(random));
    let point = mulPublic(G, randomScalar(random));
    for (let i = 0; i < 3000; i++) {
      point = point.add(step);
      const bytes = encodePoint(point);
      const ours = decodeRistrettoPublic(bytes);
      expect(ours).toBeDefined();
      expect(ours).toEqual(nobleDecode(bytes));
      expect(encodePoint(decodePoint(bytes))).toEqual(bytes);
      // the sum's representative (Z ≠ 1) and the decoded one (Z = 1) encode the same
      expect(encodePublicPoint(point)).toEqual(bytes);
      expect(encodePublicPoint(decodePoint(bytes))).toEqual(bytes);
      expect(encodePublicPoint(point.negate())).toEqual(encodePoint(point.negate()));
    }
  });

  it('on 8,000 random byte strings: the same refusals, the same points (even and below 2^255 half the time)', () => {
    const random = seededRandom('decode-bytes');
    let valid = 0;
    for (let i = 0; i < 8000; i++) {
      const bytes = random(32);
      if (i % 2 === 0) {
        bytes[0]! &= 0xfe;
        bytes[31]! &= 0x7f;
      }
      const ours = decodeRistrettoPublic(bytes);
      expect(ours).toEqual(nobleDecode(bytes));
      if (ours) valid++;
    }
    // both outcomes are exercised: a quarter of the even s < p decode
    expect(valid).toBeGreaterThan(200);
    expect(valid).toBeLessThan(2000);
  });

  it('refuses every non-canonical s (p ≤ s < 2^256), as noble does, though s − p may be valid', () => {
    const random = seededRandom('non-canonical');
    const high = Array.from(
      { length: 300 },
      () => BigInt(`0x${Buffer.from(random(32)).toString('hex')}`) | (1n << 255n),
    );
    const justAboveP = Array.from({ length: 19 }, (_, i) => P + BigInt(i));
    for (const s of [...justAboveP, ...high]) {
      const bytes = leBytes(s);
      expect(decodeRistrettoPublic(bytes)).toBeUndefined();
      expect(nobleDecode(bytes)).toBeUndefined();
    }
    // s = p + 0 would be 0 (the identity), valid when written canonically
    expect(decodeRistrettoPublic(leBytes(0n))).toEqual({ x: 0n, y: 1n, t: 0n });
  });

  it('refuses the points off the group: negative s, non-square, negative t, each as noble does', () => {
    const random = seededRandom('off-group');
    const reasons = { negative: 0, other: 0 };
    for (let i = 0; i < 3000; i++) {
      const s = BigInt(`0x${Buffer.from(random(32)).toString('hex')}`) % P;
      const bytes = leBytes(s);
      const ours = decodeRistrettoPublic(bytes);
      expect(ours).toEqual(nobleDecode(bytes));
      if (!ours) reasons[s % 2n === 1n ? 'negative' : 'other']++;
    }
    expect(reasons.negative).toBeGreaterThan(1000);
    expect(reasons.other).toBeGreaterThan(500);
  });

  it('refuses a length other than 32', () => {
    expect(decodeRistrettoPublic(new Uint8Array(31))).toBeUndefined();
    expect(decodeRistrettoPublic(new Uint8Array(33))).toBeUndefined();
  });

  it('reads a view into a larger buffer at its own offset', () => {
    const bytes = encodePoint(mulPublic(G, 12345n));
    const big = new Uint8Array(100);
    big.set(bytes, 37);
    expect(decodeRistrettoPublic(big.subarray(37, 69))).toEqual(nobleDecode(bytes));
  });
});
