// Tally and threshold decryption (SPEC §5): the homomorphic sum of accepted ballots, decryption shares
// with their proofs, Lagrange combination, and the small discrete-log table {0·G … N·G}.

import type { Ciphertexts } from './ballot.ts';
import { allRelationsHold, type Relation, relationHolds } from './batch.ts';
import { base64url as b64, CodecError, fromBase64url } from './bytes.ts';
import {
  decodePoint,
  encodePoint,
  encodePublicPoint,
  G,
  IDENTITY,
  mod,
  mulPublic,
  mulSecret,
  type Point,
} from './group.ts';
import type { MeetingContext } from './meeting.ts';
import type { DecryptionSharePayload, QuestionResult, TallyPayload } from './payloads.ts';
import { decryptionRelations, proveDecryption } from './proofs/decryption.ts';
import { type RandomSource, secureRandom } from './random.ts';
import type { TrusteeKeyShare } from './threshold.ts';

/** Per question, per option: the summed ciphertext (A, B) and the bytes of A (which share proofs hash). */
export type EncryptedTally = Array<Array<{ A: Point; B: Point; ABytes: Uint8Array }>>;

/** Running sums of ciphertexts per question, per option, before they are encoded. */
export type CiphertextSums = Array<Array<{ A: Point; B: Point }>>;

export const emptySums = (mc: MeetingContext): CiphertextSums =>
  mc.manifest.questions.map((q) => q.options.map(() => ({ A: IDENTITY, B: IDENTITY })));

/** Adds one ballot's ciphertexts into the sums. Points are public: plain additions. */
export function addCiphertexts(sums: CiphertextSums, ballot: Ciphertexts): void {
  ballot.forEach((options, q) => {
    options.forEach((ct, o) => {
      const s = sums[q]![o]!;
      s.A = s.A.add(ct.alpha);
      s.B = s.B.add(ct.beta);
    });
  });
}

export const sealSums = (sums: CiphertextSums): EncryptedTally =>
  sums.map((options) => options.map((s) => ({ ...s, ABytes: encodePublicPoint(s.A) })));

/** (A_{q,o}, B_{q,o}) = Σ over accepted ballots of (α_o, β_o) (SPEC §5). */
export function sumCiphertexts(mc: MeetingContext, ballots: Iterable<Ciphertexts>): EncryptedTally {
  const sums = emptySums(mc);
  for (const ballot of ballots) addCiphertexts(sums, ballot);
  return sealSums(sums);
}

export function tallyPayload(mc: MeetingContext, tally: EncryptedTally): TallyPayload {
  return {
    questions: mc.manifest.questions.map((q, i) => ({
      id: q.id,
      options: tally[i]!.map((s) => ({ A: b64(s.ABytes), B: b64(encodePublicPoint(s.B)) })),
    })),
  };
}

/** Decodes a published tally against the manifest's shape (the identity is a valid tally value). */
export function decodeTally(mc: MeetingContext, payload: TallyPayload): EncryptedTally {
  const questions = mc.manifest.questions;
  if (!Array.isArray(payload?.questions) || payload.questions.length !== questions.length)
    throw new CodecError('tally: wrong number of questions');
  return questions.map((q, i) => {
    const pq = payload.questions[i]!;
    if (pq.id !== q.id || !Array.isArray(pq.options) || pq.options.length !== q.options.length)
      throw new CodecError(`tally: question ${q.id} does not match the manifest`);
    return pq.options.map((o) => {
      const ABytes = fromBase64url(o.A, 32);
      return { A: decodePoint(ABytes, true), B: decodePoint(fromBase64url(o.B, 32), true), ABytes };
    });
  });
}

/** Trustee i's key K_i with its encoding, made once for all of its proofs. */
type TrusteeKey = { Ki: Point; KiBytes: Uint8Array };

const statement = (
  mc: MeetingContext,
  index: number,
  key: TrusteeKey,
  qi: number,
  o: number,
  tally: EncryptedTally,
) => ({
  ctx: mc.ctx,
  index,
  questionId: mc.manifest.questions[qi]!.id,
  option: o,
  ...key,
  A: tally[qi]![o]!.A,
  ABytes: tally[qi]![o]!.ABytes,
});

/**
 * Trustee i's share D_i = s_i·A for every option, each with its proof (SPEC §5).
 *
 * Security: s_i is the trustee's long-lived key share and A is a point this phone did not make. The
 * multiplication is constant-time (`mulSecret`), and ristretto255 has prime order with canonical
 * encodings only (`decodePoint` refuses the rest), so no A can be of small order or off the group: D_i
 * says nothing about s_i beyond s_i·A, and the proof is zero-knowledge. What this does not protect: D_i
 * *decrypts* A. If A is not the sum of the meeting's valid ballots — one voter's ciphertext, say — then k
 * such shares open that voter's ballot. So a trustee must decrypt only a tally it has recomputed from the
 * record: the trustee page checks the record (`tally`, which re-adds every valid ballot) and decrypts the
 * tally of that record, never one taken on the server's word.
 */
export function decryptionShare(
  mc: MeetingContext,
  keyShare: TrusteeKeyShare,
  tally: EncryptedTally,
  random: RandomSource = secureRandom,
): DecryptionSharePayload {
  const Ki = mulSecret(G, keyShare.share);
  const key = { Ki, KiBytes: encodePoint(Ki) };
  return {
    index: keyShare.index,
    questions: mc.manifest.questions.map((q, qi) => ({
      id: q.id,
      options: q.options.map((_, o) => {
        const { D, proof } = proveDecryption(
          statement(mc, keyShare.index, key, qi, o, tally),
          keyShare.share,
          random,
        );
        return { D: b64(D), proof: { a: b64(proof.a), b: b64(proof.b), z: b64(proof.z) } };
      }),
    })),
  };
}

/** Decodes a share against the tally and trustee i's verification key K_i, stating each proof's relations. */
export function shareStatements(
  mc: MeetingContext,
  Ki: Point,
  tally: EncryptedTally,
  payload: DecryptionSharePayload,
): { D: Point[][]; items: Array<{ where: string; relations: Relation[] }> } {
  const questions = mc.manifest.questions;
  if (!Array.isArray(payload?.questions) || payload.questions.length !== questions.length)
    throw new CodecError(`share ${payload?.index}: wrong number of questions`);
  const items: Array<{ where: string; relations: Relation[] }> = [];
  const key = { Ki, KiBytes: encodePoint(Ki) };
  const D = questions.map((q, qi) => {
    const pq = payload.questions[qi]!;
    if (pq.id !== q.id || !Array.isArray(pq.options) || pq.options.length !== q.options.length)
      throw new CodecError(`share ${payload.index}: question ${q.id} does not match the manifest`);
    return pq.options.map((o, oi) => {
      const proof = {
        a: fromBase64url(o.proof.a, 32),
        b: fromBase64url(o.proof.b, 32),
        z: fromBase64url(o.proof.z, 32),
      };
      const st = statement(mc, payload.index, key, qi, oi, tally);
      const { D: Dp, relations } = decryptionRelations(st, fromBase64url(o.D, 32), proof);
      items.push({ where: `trustee ${payload.index}, question ${q.id}, option ${oi}`, relations });
      return Dp;
    });
  });
  return { D, items };
}

/** Names each share proof that fails (one at a time). */
export function failingShareProofs(items: Array<{ where: string; relations: Relation[] }>): string[] {
  return items.filter((i) => !i.relations.every(relationHolds)).map((i) => i.where);
}

/**
 * Checks a trustee's share on arrival: shape against the manifest, then all its proofs in one batch, and
 * one by one when the batch fails so the problem names the option. Never throws.
 */
export function checkDecryptionShare(
  mc: MeetingContext,
  Ki: Point,
  tally: EncryptedTally,
  payload: DecryptionSharePayload,
  random: RandomSource = secureRandom,
): { ok: true; D: Point[][] } | { ok: false; problems: string[] } {
  try {
    const { D, items } = shareStatements(mc, Ki, tally, payload);
    if (
      allRelationsHold(
        items.flatMap((i) => i.relations),
        random,
      )
    )
      return { ok: true, D };
    return {
      ok: false,
      problems: failingShareProofs(items).map((w) => `${w}: decryption proof does not verify`),
    };
  } catch (e) {
    return { ok: false, problems: [(e as Error).message] };
  }
}

/** {0·G, 1·G, …, N·G} by encoding: M is read from this table (SPEC §5). */
export function discreteLogTable(N: number): Map<string, number> {
  return multiplesTable(G, N);
}

/** {0·P, 1·P, …, N·P} by encoding. */
function multiplesTable(P: Point, N: number): Map<string, number> {
  const table = new Map<string, number>();
  let mP = IDENTITY;
  for (let m = 0; m <= N; m++, mP = mP.add(P)) table.set(b64(encodePublicPoint(mP)), m);
  return table;
}

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

/**
 * The Lagrange coefficients at 0 of the indices S as whole numbers over one common integer L (SPEC §5):
 * λ_i = Π_{j∈S, j≠i} j / (j − i), so with L the least common multiple of the denominators, c_i = L·λ_i is
 * an integer and λ_i ≡ c_i / L mod ℓ. For a board of a few trustees L and the c_i have a few bits; every
 * prime factor of L is below the largest index, so L is never a multiple of the prime ℓ.
 */
export function scaledLagrange(indices: number[]): { L: bigint; c: Map<number, bigint> } {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const terms = indices.map((i) => {
    let num = 1n;
    let den = 1n;
    for (const j of indices) {
      if (j === i) continue;
      num *= BigInt(j);
      den *= BigInt(j - i);
    }
    return { i, num, den };
  });
  const L = terms.reduce((l, { den }) => {
    const d = den < 0n ? -den : den;
    return (l / gcd(l, d)) * d;
  }, 1n);
  return { L, c: new Map(terms.map(({ i, num, den }) => [i, (num * L) / den])) };
}

/** n·P for a whole number n of either sign (small here: variable time costs a few additions). Public. */
function mulWhole(P: Point, n: bigint): Point {
  const m = mod(n < 0n ? -n : n);
  if (m === 0n) return IDENTITY;
  return n < 0n ? mulPublic(P, m).negate() : mulPublic(P, m);
}

/**
 * Combines the shares of the trustees in S (|S| ≥ k, valid shares only): D = Σ λ_i·D_i, M·G = B − D, M from
 * the table of 0…ballots. A missing match is fatal (SPEC §5). All inputs are public.
 *
 * Computed over the common denominator L of the λ_i (`scaledLagrange`): L·(B − D) = L·B − Σ c_i·D_i with
 * small whole c_i, looked up in the table {0, L·G, …, ballots·L·G}. The group has prime order ℓ and ℓ does
 * not divide L, so L·X = L·Y exactly when X = Y: the count found is the one B − D gives, for a few additions
 * per share instead of a full multiplication by λ_i.
 */
export function combineShares(
  mc: MeetingContext,
  tally: EncryptedTally,
  shares: Map<number, Point[][]>,
  ballots: number,
): QuestionResult[] {
  const indices = [...shares.keys()].sort((a, b) => a - b);
  if (indices.length < mc.manifest.trustees.k)
    throw new DecryptionError(`need ${mc.manifest.trustees.k} shares, have ${indices.length}`);
  const { L, c } = scaledLagrange(indices);
  const table = multiplesTable(mulWhole(G, L), ballots);
  return mc.manifest.questions.map((q, qi) => {
    const counts = q.options.map((_, o) => {
      const LD = indices.reduce((sum, i) => sum.add(mulWhole(shares.get(i)![qi]![o]!, c.get(i)!)), IDENTITY);
      const M = table.get(b64(encodePublicPoint(mulWhole(tally[qi]![o]!.B, L).subtract(LD))));
      if (M === undefined)
        throw new DecryptionError(`question ${q.id}, option ${o}: no count in 0…${ballots}`);
      return M;
    });
    return { id: q.id, counts, blank: ballots - counts.reduce((a, b) => a + b, 0) };
  });
}
