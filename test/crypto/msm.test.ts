// msmPublic (crypto/group.ts) against the plain sum of multiplications, on the shapes a batch produces:
// zero scalars, the identity, repeated points, 128-bit and full-size scalars side by side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCachedTo,
  addTo,
  cachedOf,
  type Extended,
  extendedFromBigints,
  extendedToBigints,
  negatedCached,
  negateExtended,
} from '../../crypto/curve25519.ts';
import {
  coordinatesOf,
  decodePoint,
  encodePoint,
  G,
  IDENTITY,
  msmPublic,
  mulPublic,
  ORDER,
  type Point,
  pointFromCoordinates,
  randomScalar,
  randomWeight,
  type Scalar,
} from '../../crypto/group.ts';
import { seededRandom } from '../../crypto/random.ts';

const naive = (points: Point[], scalars: Scalar[]): Point =>
  points.reduce((acc, p, i) => acc.add(mulPublic(p, scalars[i]!)), IDENTITY);

const scalar = fc.oneof(
  fc.constant(0n),
  fc.constant(1n),
  fc.constant(ORDER - 1n),
  fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
  fc.bigInt({ min: 0n, max: ORDER - 1n }),
);

describe('msmPublic: Σ sᵢ·Pᵢ (batch verification, SPEC §4)', () => {
  it('equals the sum of single multiplications for 0 to 80 terms', () => {
    const base = Array.from({ length: 8 }, (_, i) => mulPublic(G, BigInt(i * 7919 + 3)));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), scalar), { maxLength: 80 }), (terms) => {
        const points = terms.map(([i]) => (i === 8 ? IDENTITY : base[i]!));
        const scalars = terms.map(([, s]) => s);
        expect(msmPublic(points, scalars).equals(naive(points, scalars))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('equals the sum of single multiplications for a ballot-like batch of 300 distinct points', () => {
    const random = seededRandom('msm-300');
    for (let run = 0; run < 3; run++) {
      const points = Array.from({ length: 300 }, (_, i) =>
        i === 7 ? IDENTITY : mulPublic(G, randomScalar(random)),
      );
      points[11] = points[10]!;
      points[12] = points[10]!.negate();
      const scalars = points.map((_, i) =>
        i % 3 === 0 ? randomScalar(random) : i % 29 === 0 ? 0n : randomWeight(random),
      );
      expect(msmPublic(points, scalars).equals(naive(points, scalars))).toBe(true);
      scalars[5] = scalars[5]! + 1n;
      expect(msmPublic(points, scalars).equals(naive(points, scalars))).toBe(true);
      expect(msmPublic(points, scalars).equals(naive(points, scalars).add(G))).toBe(false);
    }
  });

  it('adds in curve25519.ts limbs as noble does: distinct points, doubling, the identity, P + (−P), −Q, Z = 1', () => {
    const random = seededRandom('curve25519-add');
    const limbs = (p: Point) => extendedFromBigints(coordinatesOf(p));
    const noble = (p: Extended) => pointFromCoordinates(extendedToBigints(p));
    for (let i = 0; i < 200; i++) {
      const p = mulPublic(G, randomScalar(random));
      const q =
        i % 4 === 0
          ? p
          : i % 4 === 1
            ? IDENTITY
            : i % 4 === 2
              ? p.negate()
              : mulPublic(G, randomScalar(random));
      const sum = noble(addTo(limbs(p), limbs(q)));
      expect(sum.equals(p.add(q))).toBe(true);
      expect(sum.equals(p.add(q).add(G))).toBe(false);
      expect(noble(addCachedTo(limbs(p), negatedCached(cachedOf(limbs(q))))).equals(p.subtract(q))).toBe(
        true,
      );
      expect(noble(negateExtended(limbs(q))).equals(q.negate())).toBe(true);
      // a decoded point has Z = 1: its cached form skips a multiplication and adds the same
      const decoded = decodePoint(encodePoint(q), true);
      const [, , Z] = coordinatesOf(decoded);
      expect(Z).toBe(1n);
      expect(noble(addCachedTo(limbs(p), cachedOf(limbs(decoded), true))).equals(p.add(q))).toBe(true);
    }
  });

  it('handles the batch of a whole record (150,000 terms) without exhausting the stack', () => {
    const terms = 150_000;
    const sum = msmPublic(new Array(terms).fill(G), new Array(terms).fill(1n));
    expect(sum.equals(mulPublic(G, BigInt(terms)))).toBe(true);
  });

  it('refuses points and scalars of different lengths', () => {
    expect(() => msmPublic([G], [])).toThrow(/length/);
  });
});
