// Linear relations Σ sₖ·Pₖ = 0 between public points, checked one at a time or many at once with one
// random linear combination (SPEC §4): each relation is weighted by a fresh 128-bit random scalar, so a
// false relation passes a batch with probability at most 2^-128. All inputs are public: variable-time
// arithmetic (multiplyUnsafe, Pippenger MSM) is safe here.
import {
  addScalars,
  IDENTITY,
  msmPublic,
  mulScalars,
  type Point,
  randomWeight,
  type Scalar,
} from './group.ts';
import { type RandomSource, secureRandom } from './random.ts';

/** A claimed relation Σ scalar·point = identity. */
export type Relation = Array<readonly [Point, Scalar]>;

export function relationHolds(relation: Relation): boolean {
  let sum = IDENTITY;
  for (const [p, s] of relation) if (s !== 0n) sum = sum.add(p.multiplyUnsafe(s));
  return sum.is0();
}

/**
 * True when every relation holds (up to 2^-128). Terms on the same Point object (G, K) are merged into
 * one MSM entry, so pass shared bases as the same instance.
 */
export function allRelationsHold(relations: Relation[], random: RandomSource = secureRandom): boolean {
  const index = new Map<Point, number>();
  const points: Point[] = [];
  const scalars: Scalar[] = [];
  // the weights' bytes drawn 64 KB at a time (the most one call to the system's generator gives): a call
  // per weight was 4 % of a ballot's check
  let drawn: Uint8Array = new Uint8Array(0);
  let at = 0;
  const next: RandomSource = (length) => {
    if (at + length > drawn.length) {
      drawn = random(Math.min(65536, 16 * relations.length));
      at = 0;
    }
    at += length;
    return drawn.subarray(at - length, at);
  };
  for (const relation of relations) {
    const weight = randomWeight(next);
    for (const [p, s] of relation) {
      const ws = mulScalars(weight, s);
      const at = index.get(p);
      if (at === undefined) {
        index.set(p, points.length);
        points.push(p);
        scalars.push(ws);
      } else {
        scalars[at] = addScalars(scalars[at]!, ws);
      }
    }
  }
  return points.length === 0 || msmPublic(points, scalars).is0();
}
