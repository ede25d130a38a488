// Property tests (fast-check) of the protocol's algebra: ElGamal under the joint key (SPEC §4), its
// homomorphic sum (§5), every proof's completeness and its failure on a wrong statement (§2, §4, §5), the
// credential text form (§3), and k-of-n threshold decryption (§2, §5): any k shares decrypt, k − 1 do not.
// All randomness inside the protocol comes from a seededRandom keyed by a fast-check value, so a failing
// run is reproduced from fast-check's seed alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addScalars, IDENTITY, mod, msmPublic, ORDER, type Scalar } from '../../crypto/group.ts';
import { label } from '../../crypto/hash.ts';
import {
  allRelationsHold,
  base64url as b64,
  checkDecryptionShare,
  combineShares,
  credentialFromToken,
  DecryptionError,
  dealShares,
  decryptionShare,
  discreteLogTable,
  type EncryptedTally,
  encodePoint,
  encryptBallot,
  finishCeremony,
  G,
  jointKeyPayload,
  lagrangeCoefficients,
  type Manifest,
  type MeetingContext,
  manifestHash,
  meetingContext,
  type Point,
  parseTokenText,
  provePok,
  type RandomSource,
  relationHolds,
  scaledLagrange,
  seededRandom,
  startCeremony,
  type TrusteeKeyShare,
  tokenForDisplay,
  tokenText,
  verificationKeysOf,
  verifyPok,
} from '../../crypto/index.ts';
import { proveDecryption, verifyDecryption } from '../../crypto/proofs/decryption.ts';
import {
  type EncodedCiphertext,
  proveZeroOrOne,
  zeroOrOneRelations,
} from '../../crypto/proofs/zero-or-one.ts';

const RUNS = { numRuns: 15 };
/** A RandomSource drawn from fast-check, so each run's protocol randomness is part of its counterexample. */
const arbRandom = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => seededRandom(b64(b)));
const arbScalar = fc.bigInt({ min: 1n, max: ORDER - 1n });
const arbBytes = fc.uint8Array({ minLength: 0, maxLength: 40 });

const QUESTIONS = 2;
const OPTIONS = 3;

type Board = {
  n: number;
  k: number;
  mc: MeetingContext;
  keyShares: TrusteeKeyShare[];
  verificationKeys: Map<number, Point>;
  /** Σ_i a_{i,0}: the joint secret no trustee ever holds (reconstructed here only to test against). */
  secret: Scalar;
};

const boards = new Map<string, Board>();

/** A k-of-n ceremony (SPEC §2) for a manifest of 2 questions × 3 options, cached per (n, k). */
function board(n: number, k: number): Board {
  const key = `${n}/${k}`;
  const cached = boards.get(key);
  if (cached) return cached;
  const manifest: Manifest = {
    protocol: 'phieukin/v1',
    meetingId: `props-${n}-${k}`,
    title: 'properties',
    organisation: 'test',
    kind: 'classification',
    ruleSet: 'none',
    electorate: 10,
    trustees: { n, k },
    settings: {},
    questions: Array.from({ length: QUESTIONS }, (_, q) => ({
      id: `q${q + 1}`,
      prompt: 'p',
      options: Array.from({ length: OPTIONS }, (_, o) => ({ id: `o${o}`, label: `${o}` })),
    })),
  };
  const text = JSON.stringify(manifest);
  const mh = manifestHash(text);
  const random = seededRandom(`properties/ceremony/${key}`);
  const started = Array.from({ length: n }, (_, i) =>
    startCeremony(mh, { round: 1, index: i + 1, n, k }, random),
  );
  const commitments = started.map((s) => s.commitments);
  const shares = started.map((s) => dealShares(mh, s.secrets, commitments, random));
  const keyShares = started.map((s) => {
    const { keyShare } = finishCeremony(mh, s.secrets, commitments, shares);
    if (!keyShare) throw new Error(`trustee ${s.secrets.index} complained`);
    return keyShare;
  });
  const jointKey = jointKeyPayload(mh, 1, commitments);
  const b: Board = {
    n,
    k,
    mc: meetingContext(text, jointKey.K),
    keyShares,
    verificationKeys: verificationKeysOf(jointKey),
    secret: started.reduce((s, t) => addScalars(s, t.secrets.coefficients[0]!), 0n),
  };
  boards.set(key, b);
  return b;
}

const PAIRS: Array<[number, number]> = [];
for (let n = 1; n <= 5; n++) for (let k = 1; k <= n; k++) PAIRS.push([n, k]);

/** M with M·G = β − s·α, read from {0·G … N·G} (SPEC §5), or undefined. */
function decryptWith(secret: Scalar, alpha: Point, beta: Point, N: number): number | undefined {
  const M = beta.subtract(alpha.is0() ? IDENTITY : alpha.multiply(secret));
  return discreteLogTable(N).get(b64(encodePoint(M)));
}

/** SPEC §4 ElGamal: (r·G, v·G + r·K). */
function encrypt(K: Point, v: number, r: Scalar): { alpha: Point; beta: Point } {
  const vG = v === 0 ? IDENTITY : G.multiply(BigInt(v));
  return { alpha: G.multiply(r), beta: vG.add(K.multiply(r)) };
}

/** Every subset of xs (2^|xs| of them; |xs| ≤ 5 here). */
function subsets<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 0; mask < 1 << xs.length; mask++) out.push(xs.filter((_, i) => mask & (1 << i)));
  return out;
}

describe('SPEC §2 ceremony outcome', () => {
  it.each(PAIRS)('n = %i, k = %i: K = (Σ a_{i,0})·G and every s_j·G = K_j', (n, k) => {
    const b = board(n, k);
    expect(G.multiply(b.secret).equals(b.mc.K)).toBe(true);
    for (const share of b.keyShares)
      expect(G.multiply(share.share).equals(b.verificationKeys.get(share.index)!)).toBe(true);
  });
});

describe('SPEC §4 ElGamal under the joint key', () => {
  it('decrypt(encrypt(v)) = v for small v', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAIRS), fc.integer({ min: 0, max: 40 }), arbScalar, ([n, k], v, r) => {
        const b = board(n, k);
        const { alpha, beta } = encrypt(b.mc.K, v, r);
        expect(decryptWith(b.secret, alpha, beta, 40)).toBe(v);
      }),
      RUNS,
    );
  });

  it('a ballot’s ciphertexts decrypt to its choices: 1 for the chosen option, 0 elsewhere and for a blank', () => {
    const b = board(3, 2);
    const credential = credentialFromToken(b.mc.manifest.meetingId, new Uint8Array(16).fill(7));
    const choice = fc.option(fc.integer({ min: 0, max: OPTIONS - 1 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(choice, { minLength: QUESTIONS, maxLength: QUESTIONS }),
        arbRandom,
        (choices, random) => {
          const { ciphertexts } = encryptBallot(b.mc, credential, choices, { random });
          ciphertexts.forEach((options, q) => {
            options.forEach(({ alpha, beta }, o) => {
              expect(decryptWith(b.secret, alpha, beta, 1)).toBe(choices[q] === o ? 1 : 0);
            });
          });
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('SPEC §5 homomorphic tally', () => {
  it('the sum of the ballots’ ciphertexts decrypts to the number of votes for each option', () => {
    const b = board(2, 2);
    const choice = fc.option(fc.integer({ min: 0, max: OPTIONS - 1 }), { nil: null });
    const ballot = fc.array(choice, { minLength: QUESTIONS, maxLength: QUESTIONS });
    fc.assert(
      fc.property(fc.array(ballot, { minLength: 1, maxLength: 5 }), arbRandom, (ballots, random) => {
        const sums = ballots.map((choices, v) => {
          const credential = credentialFromToken(b.mc.manifest.meetingId, new Uint8Array(16).fill(v));
          return encryptBallot(b.mc, credential, choices, { random }).ciphertexts;
        });
        const A = (q: number, o: number) => sums.reduce((acc, c) => acc.add(c[q]![o]!.alpha), IDENTITY);
        const B = (q: number, o: number) => sums.reduce((acc, c) => acc.add(c[q]![o]!.beta), IDENTITY);
        for (let q = 0; q < QUESTIONS; q++)
          for (let o = 0; o < OPTIONS; o++) {
            const expected = ballots.filter((c) => c[q] === o).length;
            expect(decryptWith(b.secret, A(q, o), B(q, o), ballots.length)).toBe(expected);
          }
      }),
      { numRuns: 8 },
    );
  });

  it('adding ciphertexts adds plaintexts: Enc(a) + Enc(b) decrypts to a + b', () => {
    const b = board(3, 3);
    fc.assert(
      fc.property(fc.nat(30), fc.nat(30), arbScalar, arbScalar, (x, y, r1, r2) => {
        const e1 = encrypt(b.mc.K, x, r1);
        const e2 = encrypt(b.mc.K, y, r2);
        expect(decryptWith(b.secret, e1.alpha.add(e2.alpha), e1.beta.add(e2.beta), 60)).toBe(x + y);
      }),
      RUNS,
    );
  });
});

describe('SPEC §2 proof of knowledge', () => {
  it('provePok → verifyPok; fails under another label, key or manifest', () => {
    fc.assert(
      fc.property(
        arbScalar,
        arbBytes,
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        arbRandom,
        (x, L, mh, rnd) => {
          const X = encodePoint(G.multiply(x));
          const proof = provePok(mh, L, x, X, rnd);
          expect(verifyPok(mh, L, X, proof)).toBe(true);
          expect(verifyPok(mh, Uint8Array.from([...L, 0]), X, proof)).toBe(false);
          expect(verifyPok(mh, L, encodePoint(G.multiply(x).add(G)), proof)).toBe(false);
          const otherMh = mh.slice();
          otherMh[0] = otherMh[0]! ^ 1;
          expect(verifyPok(otherMh, L, X, proof)).toBe(false);
        },
      ),
      RUNS,
    );
  });
});

describe('SPEC §4 zero-or-one proof', () => {
  it('proveZeroOrOne → every relation holds (one by one and batched); a wrong statement fails', () => {
    const b = board(2, 1);
    const K = b.mc.K;
    fc.assert(
      fc.property(fc.constantFrom<0 | 1>(0, 1), arbScalar, arbBytes, arbRandom, (v, r, L, random) => {
        const { alpha, beta } = encrypt(K, v, r);
        const ct: EncodedCiphertext = {
          alpha,
          beta,
          alphaBytes: encodePoint(alpha),
          betaBytes: encodePoint(beta),
        };
        const proof = proveZeroOrOne(b.mc.ctx, L, ct, v, r, K, random);
        const relations = zeroOrOneRelations(b.mc.ctx, L, ct, proof, K);
        expect(relations.every(relationHolds)).toBe(true);
        expect(allRelationsHold(relations, random)).toBe(true);
        // The same proof against the ciphertext of v + 1, under another label, or under another ctx.
        const shifted = beta.add(G);
        const wrongCt = { alpha, beta: shifted, alphaBytes: ct.alphaBytes, betaBytes: encodePoint(shifted) };
        const otherCtx = b.mc.ctx.slice();
        otherCtx[5] = otherCtx[5]! ^ 0x80;
        for (const relations2 of [
          zeroOrOneRelations(b.mc.ctx, L, wrongCt, proof, K),
          zeroOrOneRelations(b.mc.ctx, Uint8Array.from([...L, 1]), ct, proof, K),
          zeroOrOneRelations(otherCtx, L, ct, proof, K),
        ]) {
          expect(relations2.every(relationHolds)).toBe(false);
          expect(allRelationsHold(relations2, random)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('no honest proof exists for a ciphertext of 2: proving it as 0 or 1 fails to verify', () => {
    const b = board(2, 1);
    const K = b.mc.K;
    fc.assert(
      fc.property(fc.constantFrom<0 | 1>(0, 1), arbScalar, arbRandom, (claimed, r, random) => {
        const { alpha, beta } = encrypt(K, 2, r);
        const ct: EncodedCiphertext = {
          alpha,
          beta,
          alphaBytes: encodePoint(alpha),
          betaBytes: encodePoint(beta),
        };
        const L = label('pk', 'q1', 0);
        const proof = proveZeroOrOne(b.mc.ctx, L, ct, claimed, r, K, random);
        expect(allRelationsHold(zeroOrOneRelations(b.mc.ctx, L, ct, proof, K), random)).toBe(false);
      }),
      { numRuns: 10 },
    );
  });
});

describe('SPEC §5 decryption share proof', () => {
  it('proveDecryption → verifyDecryption; a wrong D, index, option or A fails', () => {
    const b = board(3, 2);
    fc.assert(
      fc.property(arbScalar, arbScalar, arbRandom, (si, a, random) => {
        const Ki = G.multiply(si);
        const A = G.multiply(a);
        const statement = {
          ctx: b.mc.ctx,
          index: 2,
          questionId: 'q1',
          option: 1,
          Ki,
          KiBytes: encodePoint(Ki),
          A,
          ABytes: encodePoint(A),
        };
        const { D, proof } = proveDecryption(statement, si, random);
        expect(verifyDecryption(statement, D, proof)).toBe(true);
        expect(D).toEqual(encodePoint(A.multiply(si)));
        const wrongD = encodePoint(A.multiply(si).add(G));
        expect(verifyDecryption(statement, wrongD, proof)).toBe(false);
        expect(verifyDecryption({ ...statement, index: 3 }, D, proof)).toBe(false);
        expect(verifyDecryption({ ...statement, option: 2 }, D, proof)).toBe(false);
        const A2 = A.add(G);
        expect(verifyDecryption({ ...statement, A: A2, ABytes: encodePoint(A2) }, D, proof)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('SPEC §3 credential text form', () => {
  it('token → text → token, in any display form; the credential is sk·G, the same every time', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.string({ maxLength: 12 }),
        (token, id) => {
          const text = tokenText(token);
          expect(text).toMatch(/^[A-Z2-7]{26}$/);
          expect(parseTokenText(text)).toEqual(token);
          expect(parseTokenText(tokenForDisplay(token).toLowerCase())).toEqual(token);
          const c = credentialFromToken(id, token);
          expect(c.pk).toEqual(encodePoint(G.multiply(c.sk)));
          expect(credentialFromToken(id, parseTokenText(text))).toEqual(c);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('SPEC §2 + §5 threshold decryption', () => {
  /** A tally of small counts for the board's manifest, with every trustee's checked share. */
  function sharedTally(b: Board, counts: number[][], rs: Scalar[][], random: RandomSource) {
    const tally: EncryptedTally = counts.map((options, q) =>
      options.map((v, o) => {
        const { alpha, beta } = encrypt(b.mc.K, v, rs[q]![o]!);
        return { A: alpha, B: beta, ABytes: encodePoint(alpha) };
      }),
    );
    const D = new Map<number, Point[][]>();
    for (const ks of b.keyShares) {
      const share = decryptionShare(b.mc, ks, tally, random);
      const checked = checkDecryptionShare(b.mc, b.verificationKeys.get(ks.index)!, tally, share, random);
      if (!checked.ok) throw new Error(checked.problems.join('; '));
      D.set(ks.index, checked.D);
    }
    return { tally, D };
  }

  const N = 12;
  const arbCounts = fc.array(fc.array(fc.nat(N), { minLength: OPTIONS, maxLength: OPTIONS }), {
    minLength: QUESTIONS,
    maxLength: QUESTIONS,
  });
  const arbRs = fc.array(fc.array(arbScalar, { minLength: OPTIONS, maxLength: OPTIONS }), {
    minLength: QUESTIONS,
    maxLength: QUESTIONS,
  });

  it.each(PAIRS)(
    'n = %i, k = %i: every set of ≥ k shares gives the counts; every k − 1 set is refused',
    (n, k) => {
      const b = board(n, k);
      fc.assert(
        fc.property(arbCounts, arbRs, arbRandom, (counts, rs, random) => {
          const { tally, D } = sharedTally(b, counts, rs, random);
          const all = subsets(b.keyShares.map((s) => s.index));
          for (const S of all.filter((s) => s.length >= k)) {
            const result = combineShares(b.mc, tally, new Map(S.map((i) => [i, D.get(i)!])), N);
            expect(result.map((q) => q.counts)).toEqual(counts);
          }
          for (const S of all.filter((s) => s.length === k - 1)) {
            expect(() => combineShares(b.mc, tally, new Map(S.map((i) => [i, D.get(i)!])), N)).toThrow(
              DecryptionError,
            );
            // Forcing the combination with the (k − 1)-set's own Lagrange coefficients misses every plaintext.
            const lambda = lagrangeCoefficients(S);
            counts.forEach((options, q) => {
              options.forEach((v, o) => {
                const Dq =
                  S.length === 0
                    ? IDENTITY
                    : msmPublic(
                        S.map((i) => D.get(i)![q]![o]!),
                        S.map((i) => lambda.get(i)!),
                      );
                const M = tally[q]![o]!.B.subtract(Dq);
                const vG = v === 0 ? IDENTITY : G.multiply(BigInt(v));
                expect(M.equals(vG)).toBe(false);
              });
            });
          }
        }),
        { numRuns: 2 },
      );
    },
  );

  it('the combination over a common denominator: c_i ≡ L·λ_i mod ℓ for any set of indices up to 32', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 32 }), { minLength: 1, maxLength: 32 }), (S) => {
        const lambda = lagrangeCoefficients(S);
        const { L, c } = scaledLagrange(S);
        expect(L % ORDER).not.toBe(0n);
        for (const i of S) expect(mod(c.get(i)!)).toBe(mod(L * lambda.get(i)!));
      }),
      { numRuns: 200 },
    );
  });
});
