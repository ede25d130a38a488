// msmPublic (crypto/group.ts) against the plain sum of multiplications, on the shapes a batch produces:
// zero scalars, the identity, repeated points, 128-bit and full-size scalars side by side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addExtended, type Extended } from '../../crypto/curve25519.ts';
import {
  coordinatesOf,
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

  it('adds in curve25519.ts coordinates as noble does: distinct points, doubling, the identity, P + (−P)', () => {
    const random = seededRandom('curve25519-add');
    const ext = (p: Point) => coordinatesOf(p) as Extended;
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
      const sum = pointFromCoordinates(addExtended(ext(p), ext(q)));
      expect(sum.equals(p.add(q))).toBe(true);
      expect(sum.equals(p.add(q).add(G))).toBe(false);
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
