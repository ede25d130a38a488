// The addition of Edwards points −x² + y² = 1 + d·x²·y² in extended coordinates (X, Y, Z, T), x = X/Z,
// y = Y/Z, x·y = T/Z, on field-limbs.ts's arithmetic in doubles, in place: the bucket sums of the public
// MSM (group.ts). Variable-time: only for public points. group.ts converts to and from noble's points.
import { add, copy, type Fe, fe, feFromBigint, feToBigint, mul, neg, sub, type Take } from './field-limbs.ts';

/** 2d, d = −121665/121666. */
const D2 = feFromBigint(2n * 37095705934669439343138083508754565189542113879843219016388785533085940283555n);

export type Extended = { X: Fe; Y: Fe; Z: Fe; T: Fe };
/** A point ready to be added many times: (Y − X, Y + X, 2d·T, 2Z), with `Z2` null when Z = 1. */
export type Cached = { YmX: Fe; YpX: Fe; T2d: Fe; Z2: Fe | null };

export const extended = (take: Take = fe): Extended => ({ X: take(), Y: take(), Z: take(), T: take() });

/** A point from BigInt coordinates (noble's), its elements from `take`. */
export function extendedFromBigints(
  [X, Y, Z, T]: [bigint, bigint, bigint, bigint],
  take: Take = fe,
): Extended {
  return {
    X: feFromBigint(X, take()),
    Y: feFromBigint(Y, take()),
    Z: feFromBigint(Z, take()),
    T: feFromBigint(T, take()),
  };
}

export const extendedToBigints = (p: Extended): [bigint, bigint, bigint, bigint] => [
  feToBigint(p.X),
  feToBigint(p.Y),
  feToBigint(p.Z),
  feToBigint(p.T),
];

export function setIdentity(o: Extended): Extended {
  o.X.fill(0);
  o.Y.fill(0);
  o.Z.fill(0);
  o.T.fill(0);
  o.Y[0] = 1;
  o.Z[0] = 1;
  return o;
}

export function copyExtended(o: Extended, p: Extended): Extended {
  copy(o.X, p.X);
  copy(o.Y, p.Y);
  copy(o.Z, p.Z);
  copy(o.T, p.T);
  return o;
}

/** p = −p: (−X, Y, Z, −T). */
export function negateExtended(p: Extended): Extended {
  neg(p.X, p.X);
  neg(p.T, p.T);
  return p;
}

/** `p` ready to be added; `zIsOne` when p.Z is 1 (a decoded point), which saves a multiplication an addition. */
export function cachedOf(p: Extended, zIsOne = false, take: Take = fe): Cached {
  return {
    YmX: sub(take(), p.Y, p.X),
    YpX: add(take(), p.Y, p.X),
    T2d: mul(take(), p.T, D2),
    Z2: zIsOne ? null : add(take(), p.Z, p.Z),
  };
}

/** −q for a cached q: Y − X and Y + X swap, T changes sign. */
export const negatedCached = (q: Cached, take: Take = fe): Cached => ({
  YmX: q.YpX,
  YpX: q.YmX,
  T2d: sub(take(), take(), q.T2d),
  Z2: q.Z2,
});

const [a, b, c, d, e, f, g, h] = Array.from({ length: 8 }, fe);

/**
 * p += q (add-2008-hwcd-3, 8 multiplications, 7 when q.Z = 1): complete, since d is not a square, so it also
 * adds the identity and doubles.
 */
export function addCachedTo(p: Extended, q: Cached): Extended {
  mul(a, sub(a, p.Y, p.X), q.YmX);
  mul(b, add(b, p.Y, p.X), q.YpX);
  mul(c, p.T, q.T2d);
  if (q.Z2) mul(d, p.Z, q.Z2);
  else add(d, p.Z, p.Z);
  sub(e, b, a);
  sub(f, d, c);
  add(g, d, c);
  add(h, b, a);
  mul(p.X, e, f);
  mul(p.Y, g, h);
  mul(p.Z, f, g);
  mul(p.T, e, h);
  return p;
}

const scratch: Cached = { YmX: fe(), YpX: fe(), T2d: fe(), Z2: fe() };

/** p += q for two points in extended coordinates (9 multiplications). */
export function addTo(p: Extended, q: Extended): Extended {
  sub(scratch.YmX, q.Y, q.X);
  add(scratch.YpX, q.Y, q.X);
  mul(scratch.T2d, q.T, D2);
  add(scratch.Z2!, q.Z, q.Z);
  return addCachedTo(p, scratch);
}
