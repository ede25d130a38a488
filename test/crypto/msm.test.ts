// msmPublic (crypto/group.ts) against the plain sum of multiplications, on the shapes a batch produces:
// zero scalars, the identity, repeated points, 128-bit and full-size scalars side by side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { G, IDENTITY, msmPublic, mulPublic, ORDER, type Point, type Scalar } from '../../crypto/group.ts';

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

  it('handles the batch of a whole record (150,000 terms) without exhausting the stack', () => {
    const terms = 150_000;
    const sum = msmPublic(new Array(terms).fill(G), new Array(terms).fill(1n));
    expect(sum.equals(mulPublic(G, BigInt(terms)))).toBe(true);
  });

  it('refuses points and scalars of different lengths', () => {
    expect(() => msmPublic([G], [])).toThrow(/length/);
  });
});
