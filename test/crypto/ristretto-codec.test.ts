// crypto/ristretto-codec.ts, the variable-time decode decodePoint uses, against noble's own RFC 9496 decode
// (`ristretto255.Point.fromBytes`): the same representative (x, y, 1, x·y) for every valid encoding and a
// refusal for every invalid one, on thousands of points and byte strings; its encode (encodePublicPoint)
// against noble's `toBytes` on points of every representative. RFC 9496's own vectors are in
// rfc9496-ristretto255.test.ts.
import { ristretto255 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { P, reduce, SQRT_M1 } from '../../crypto/curve25519.ts';
import {
  decodePoint,
  encodePoint,
  encodePublicPoint,
  G,
  mulPublic,
  randomScalar,
} from '../../crypto/group.ts';
import { seededRandom } from '../../crypto/random.ts';
import { decodeRistrettoPublic, sqrtRatioM1 } from '../../crypto/ristretto-codec.ts';

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

describe('the field mod p = 2^255 − 19', () => {
  it('reduce(x) is x mod p across [0, 2^512)', () => {
    const random = seededRandom('reduce');
    const edges = [0n, 1n, P - 1n, P, P + 1n, 2n * P, 2n ** 255n, 2n ** 256n - 1n, P * P, 2n ** 512n - 1n];
    const randoms = Array.from({ length: 2000 }, () => {
      const b = random(64);
      return BigInt(`0x${Buffer.from(b).toString('hex')}`) >> BigInt(b[0]! % 256);
    });
    for (const x of [...edges, ...randoms]) expect(reduce(x)).toBe(x % P);
  });

  it('√−1 squares to −1', () => {
    expect((SQRT_M1 * SQRT_M1) % P).toBe(P - 1n);
  });

  it('SQRT_RATIO_M1(u, v) says whether u/v is a square and gives its nonnegative root (RFC 9496 §4.2)', () => {
    const random = seededRandom('sqrt-ratio');
    const element = () => BigInt(`0x${Buffer.from(random(32)).toString('hex')}`) % P;
    let squares = 0;
    for (let i = 0; i < 500; i++) {
      const u = i === 0 ? 0n : element();
      const v = element() || 1n;
      const { wasSquare, root } = sqrtRatioM1(u, v);
      const ratio = Fp.div(u, v);
      const isSquare = ratio === 0n || Fp.pow(ratio, (P - 1n) / 2n) === 1n;
      expect(wasSquare).toBe(isSquare);
      expect(root % 2n).toBe(0n);
      expect(root < P).toBe(true);
      expect(Fp.mul(v, Fp.sqr(root))).toBe(isSquare ? u : Fp.mul(SQRT_M1, u));
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
