// ristretto255 (RFC 9496) and Ed25519 (RFC 8032): the only file that imports @noble/curves (SPEC §0).
// Points are public unless said otherwise; scalars named as secrets go through `mulSecret` only.
import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { CodecError } from './bytes.ts';
import {
  addCachedTo,
  addTo,
  type Cached,
  cachedOf,
  copyExtended,
  extended,
  extendedFromBigints,
  extendedToBigints,
  negatedCached,
  negateExtended,
} from './curve25519.ts';
import { arena } from './field-limbs.ts';
import { type RandomSource, secureRandom } from './random.ts';
import { decodeRistrettoPublic, encodeRistrettoPublic } from './ristretto-codec.ts';

export type Point = InstanceType<typeof ristretto255.Point>;
export type Scalar = bigint;

const RistrettoPoint = ristretto255.Point;
const Fn = RistrettoPoint.Fn;

/** ℓ, the order of the group. */
export const ORDER: bigint = Fn.ORDER;
/** The standard generator G. noble keeps a fixed-base table for it. */
export const G: Point = RistrettoPoint.BASE;
export const IDENTITY: Point = RistrettoPoint.ZERO;

export const mod = (a: bigint): Scalar => Fn.create(a);
export const addScalars = (a: Scalar, b: Scalar): Scalar => Fn.add(a, b);
export const subScalars = (a: Scalar, b: Scalar): Scalar => Fn.sub(a, b);
export const mulScalars = (a: Scalar, b: Scalar): Scalar => Fn.mul(a, b);
export const negateScalar = (a: Scalar): Scalar => Fn.neg(a);
/** Inverse mod ℓ; the inputs it is used on (Lagrange denominators) are public. */
export const invertScalar = (a: Scalar): Scalar => Fn.inv(a);

/** A 64-byte string read little-endian and reduced mod ℓ (SPEC §0 `Hq`, randomness). */
export function scalarFromWideBytes(bytes: Uint8Array): Scalar {
  if (bytes.length !== 64) throw new CodecError('wide scalar: expected 64 bytes');
  return mod(bytesToNumberLE(bytes));
}

/** SPEC §0: 64 random bytes reduced mod ℓ; the bias is below 2^-250. */
export function randomScalar(random: RandomSource = secureRandom): Scalar {
  return scalarFromWideBytes(random(64));
}

/** A random 128-bit weight for batch verification (SPEC §4). */
export function randomWeight(random: RandomSource = secureRandom): Scalar {
  return bytesToNumberLE(random(16));
}

export function encodeScalar(s: Scalar): Uint8Array {
  if (s < 0n || s >= ORDER) throw new CodecError('scalar out of range');
  return numberToBytesLE(s, 32);
}

/** SPEC §0: 32 bytes little-endian, rejected when ≥ ℓ. */
export function decodeScalar(bytes: Uint8Array): Scalar {
  if (bytes.length !== 32) throw new CodecError(`scalar: expected 32 bytes, got ${bytes.length}`);
  const s = bytesToNumberLE(bytes);
  if (s >= ORDER) throw new CodecError('scalar: value ≥ ℓ (non-canonical)');
  return s;
}

export function encodePoint(p: Point): Uint8Array {
  return p.toBytes();
}

/** encodePoint for a public point (a ballot's sums, the tally): variable-time, a third cheaper. */
export function encodePublicPoint(p: Point): Uint8Array {
  return encodeRistrettoPublic(...coordinatesOf(p));
}

/**
 * SPEC §0: the canonical 32-byte encoding only (RFC 9496 §4.3.1: non-canonical field elements, negative s,
 * non-squares, negative t and y = 0 are refused). The identity is refused unless the caller says it is
 * allowed here.
 */
export function decodePoint(bytes: Uint8Array, allowIdentity = false): Point {
  if (bytes.length !== 32) throw new CodecError(`point: expected 32 bytes, got ${bytes.length}`);
  // Every point this protocol decodes is public (ballots, the record, keys, shares, transport keys): the
  // variable-time decode of ristretto-codec.ts is safe here, and half the cost of noble's `fromBytes`.
  const decoded = decodeRistrettoPublic(bytes);
  if (!decoded) throw new CodecError('point: not a canonical ristretto255 encoding');
  const p = new RistrettoPoint(new ed25519.Point(decoded.x, decoded.y, 1n, decoded.t));
  if (!allowIdentity && p.is0()) throw new CodecError('point: identity not allowed here');
  return p;
}

/**
 * A point's projective coordinates (X, Y, Z, T), so a worker thread can hand a point it decoded to another
 * thread without the cost of encoding and decoding it again (a square root each way).
 */
export type Coordinates = [bigint, bigint, bigint, bigint];

export function coordinatesOf(p: Point): Coordinates {
  // noble keeps the Edwards point in `ep` (protected in its types, a plain field at run time); every public
  // way out of it (toBytes, toAffine) costs a field inversion or square root per point.
  const { X, Y, Z, T } = (p as unknown as { ep: { X: bigint; Y: bigint; Z: bigint; T: bigint } }).ep;
  return [X, Y, Z, T];
}

/** The point back from `coordinatesOf`. No check is made: only for coordinates this program produced. */
export function pointFromCoordinates([X, Y, Z, T]: Coordinates): Point {
  return new RistrettoPoint(new ed25519.Point(X, Y, Z, T));
}

/**
 * s·P with a secret scalar: noble's constant-time `multiply`. It is not a ladder. For a point without a
 * table it builds the 32 multiples 0·P … 31·P, then per 5-bit window does five doublings, a scan over the
 * whole table and one addition, the identity added for a zero digit; for a point with a fixed-base table
 * (`withFixedBaseTable`) it runs signed fixed windows, one table addition per window, zero digits feeding a
 * discarded fake accumulator. Either way the sequence of point operations does not depend on s. What it
 * does not cover: the BigInt field arithmetic underneath and the JIT, which JavaScript engines do not make
 * constant-time (README, Security).
 */
export function mulSecret(p: Point, s: Scalar): Point {
  // multiply() refuses 0; a random or secret scalar is 0 with probability 2^-252, which this branch reveals.
  return s === 0n ? IDENTITY : p.multiply(s);
}

/** s·P where s and P are both public: variable-time is safe here. */
export function mulPublic(p: Point, s: Scalar): Point {
  return p.multiplyUnsafe(s);
}

/**
 * The window width c that minimises point additions with signed digits in (−2^(c−1), 2^(c−1)]: one per
 * digit (a scalar of b bits has ⌈(b + 1)/c⌉) plus 2^c per window to sum its 2^(c−1) buckets.
 */
function windowBits(bits: number[]): number {
  const maxBits = bits.reduce((a, b) => Math.max(a, b), 0);
  let best = 2;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let c = 2; c <= 16; c++) {
    const cost =
      bits.reduce((sum, b) => sum + Math.ceil((b + 1) / c), 0) + Math.ceil((maxBits + 1) / c) * 2 ** c;
    if (cost < bestCost) [best, bestCost] = [c, cost];
  }
  return best;
}

/**
 * The signed base-2^c digits of each scalar, least significant first, `windows` a scalar, in one array:
 * Σ dⱼ·2^(c·j) = s with every dⱼ in (−2^(c−1), 2^(c−1)]. Read from the scalar's hexadecimal text, so a
 * digit costs integer operations, not BigInt shifts.
 */
function signedDigits(scalars: Scalar[], c: number, windows: number): Int32Array {
  const digits = new Int32Array(scalars.length * windows);
  const half = 1 << (c - 1);
  const bytes = new Uint8Array(36);
  scalars.forEach((s, k) => {
    const hex = s.toString(16);
    bytes.fill(0);
    for (let i = hex.length, at = 0; i > 0; i -= 2, at++)
      bytes[at] = Number.parseInt(hex.slice(Math.max(0, i - 2), i), 16);
    let carry = 0;
    for (let w = 0; w < windows; w++) {
      const bit = w * c;
      const at = bit >> 3;
      const word = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
      let d = ((word >>> (bit & 7)) & ((1 << c) - 1)) + carry;
      carry = d > half ? 1 : 0;
      if (carry) d -= 1 << c;
      digits[k * windows + w] = d;
    }
  });
  return digits;
}

/**
 * Σ sᵢ·Pᵢ by Pippenger's bucket method with signed digits (a negative digit adds −Pᵢ, as cheap as Pᵢ, so a
 * window has half the buckets), each point visiting only the windows its own scalar reaches and skipping
 * zero digits: a batch whose commitments carry 128-bit weights (batch.ts) costs about half of noble's
 * `pippenger`, which walks all 253 bits for every point. The buckets are summed in place in curve25519.ts's
 * limbs (7 or 8 multiplications in doubles an addition, no BigInt), the windows joined with noble's
 * points. All inputs are public: variable-time is safe here (memory access and timing depend on the
 * scalars).
 */
export function msmPublic(points: Point[], scalars: Scalar[]): Point {
  if (points.length !== scalars.length) throw new Error('msm: points and scalars differ in length');
  const n = points.length;
  if (n < 16)
    return points.reduce(
      (acc, p, i) => (scalars[i] === 0n ? acc : acc.add(p.multiplyUnsafe(scalars[i]!))),
      IDENTITY,
    );
  const bits = scalars.map((s) => (s === 0n ? 0 : s.toString(2).length));
  const c = windowBits(bits);
  const windows = Math.ceil((bits.reduce((a, b) => Math.max(a, b), 0) + 1) / c);
  const digits = signedDigits(scalars, c, windows);
  const reach = bits.map((b) => (b === 0 ? 0 : Math.ceil((b + 1) / c)));
  const order = bits.map((_, i) => i).sort((a, b) => bits[b]! - bits[a]!);
  // every element of this MSM in one buffer: per point its coordinates (4), cached form (4) and negated
  // 2d·T with its scratch (2), then the buckets (4 each) and the two sums
  const bucketCount = (1 << (c - 1)) + 1;
  const take = arena(10 * n + 4 * bucketCount + 8);
  const limbs = points.map((p) => extendedFromBigints(coordinatesOf(p), take));
  // a decoded point has Z = 1 (decodePoint), which saves a multiplication in each addition of it
  const cached: Cached[] = limbs.map((p, i) => cachedOf(p, coordinatesOf(points[i]!)[2] === 1n, take));
  const negated: Cached[] = cached.map((q) => negatedCached(q, take));
  const buckets = Array.from({ length: bucketCount }, () => extended(take));
  const filled = new Uint8Array(buckets.length);
  const running = extended(take);
  const windowSum = extended(take);
  let acc = IDENTITY;
  for (let w = windows - 1; w >= 0; w--) {
    for (let d = 0; d < c && !acc.is0(); d++) acc = acc.double();
    filled.fill(0);
    for (const i of order) {
      if (reach[i]! <= w) break;
      const digit = digits[i * windows + w]!;
      if (digit === 0) continue;
      const at = digit > 0 ? digit : -digit;
      const bucket = buckets[at]!;
      if (filled[at]) addCachedTo(bucket, digit > 0 ? cached[i]! : negated[i]!);
      else {
        copyExtended(bucket, limbs[i]!);
        if (digit < 0) negateExtended(bucket);
        filled[at] = 1;
      }
    }
    let anyRunning = false;
    let anySum = false;
    for (let d = buckets.length - 1; d > 0; d--) {
      if (filled[d]) {
        if (anyRunning) addTo(running, buckets[d]!);
        else copyExtended(running, buckets[d]!);
        anyRunning = true;
      }
      if (!anyRunning) continue;
      if (anySum) addTo(windowSum, running);
      else copyExtended(windowSum, running);
      anySum = true;
    }
    if (anySum) acc = acc.add(pointFromCoordinates(extendedToBigints(windowSum)));
  }
  return acc;
}

/**
 * Attaches a fixed-base table to P (SPEC §4: the prover's multiplications by G and K use such tables).
 * Returns the same point; later `mulSecret(P, s)` calls are then about 4× faster.
 */
export function withFixedBaseTable(p: Point): Point {
  return p.precompute(8, false);
}

export type Ed25519Keys = { secretKey: Uint8Array; publicKey: Uint8Array };

export function ed25519Keygen(random: RandomSource = secureRandom): Ed25519Keys {
  const secretKey = random(32);
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

export function ed25519PublicKey(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function ed25519Sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}

/** RFC 8032 strict verification (not ZIP 215); never throws. */
export function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
