// Ballots (SPEC §4): per option an ElGamal ciphertext with a zero-or-one proof, per question a proof that
// the options sum to 0 or 1, the ballot hash, the confirmation code, and the credential's signature.
import { allRelationsHold, type Relation, relationHolds } from './batch.ts';
import { base64url as b64, base32, CodecError, concatBytes, fromBase64url } from './bytes.ts';
import type { Credential } from './credential.ts';
import {
  addScalars,
  decodePoint,
  decodeScalar,
  encodePoint,
  encodePublicPoint,
  encodeScalar,
  G,
  IDENTITY,
  mulScalars,
  mulSecret,
  negateScalar,
  type Point,
  randomScalar,
  type Scalar,
} from './group.ts';
import { H, Hq, label, TAG } from './hash.ts';
import type { MeetingContext } from './meeting.ts';
import type { BallotPayload, ZeroOrOneJson } from './payloads.ts';
import {
  type EncodedCiphertext,
  proveZeroOrOne,
  type ZeroOrOneProof,
  zeroOrOneRelations,
} from './proofs/zero-or-one.ts';
import { type RandomSource, secureRandom } from './random.ts';

/** Per question, per option: the ciphertext (α, β) as points. */
export type Ciphertexts = Array<Array<{ alpha: Point; beta: Point }>>;

/** Per question in manifest order: the chosen option's index, or null for a blank answer. */
export type Choices = Array<number | null>;

const PROOF_FIELDS = ['a0', 'b0', 'a1', 'b1', 'c0', 'z0', 'z1'] as const;

const proofJson = (p: ZeroOrOneProof): ZeroOrOneJson => ({
  a0: b64(p.a0),
  b0: b64(p.b0),
  a1: b64(p.a1),
  b1: b64(p.b1),
  c0: b64(p.c0),
  z0: b64(p.z0),
  z1: b64(p.z1),
});

const optionLabel = (pk: Uint8Array, questionId: string, o: number) => label(pk, questionId, o);
const sumLabel = (pk: Uint8Array, questionId: string) => label(pk, questionId, 'sum');

/** ballotHash = H("phieukin/v1/ballot", ctx, pk, ballotBytes). */
export const ballotHashOf = (ctx: Uint8Array, pk: Uint8Array, ballotBytes: Uint8Array): Uint8Array =>
  H(TAG.ballot, ctx, pk, ballotBytes);

/** The first 10 bytes of ballotHash in base32, shown XXXX-XXXX-XXXX-XXXX. */
export function confirmationCode(ballotHash: Uint8Array): string {
  return base32(ballotHash.subarray(0, 10)).replace(/(.{4})(?=.)/g, '$1-');
}

const signatureChallenge = (ctx: Uint8Array, pk: Uint8Array, ballotHash: Uint8Array, A: Uint8Array): Scalar =>
  Hq(TAG.ballotSig, ctx, pk, ballotHash, A);

function checkChoices(mc: MeetingContext, choices: Choices): void {
  const questions = mc.manifest.questions;
  if (choices.length !== questions.length) throw new RangeError(`expected ${questions.length} answers`);
  choices.forEach((c, q) => {
    if (c !== null && !(Number.isInteger(c) && c >= 0 && c < questions[q]!.options.length))
      throw new RangeError(`question ${questions[q]!.id}: no option ${c}`);
  });
}

export type EncryptOptions = { random?: RandomSource; onProgress?: (done: number, total: number) => void };

/** Encrypts and signs a ballot. Every scalar here (r, w, sk) is secret: fixed-base constant-time multiplies. */
export function encryptBallot(
  mc: MeetingContext,
  credential: Credential,
  choices: Choices,
  { random = secureRandom, onProgress }: EncryptOptions = {},
): { ballot: BallotPayload; ballotHash: Uint8Array; confirmationCode: string; ciphertexts: Ciphertexts } {
  checkChoices(mc, choices);
  const { ctx, K } = mc;
  const pk = credential.pk;
  const parts: Uint8Array[] = [];
  const ciphertexts: Ciphertexts = [];
  const total = mc.manifest.questions.length;
  const questions = mc.manifest.questions.map((question, q) => {
    let A = IDENTITY;
    let B = IDENTITY;
    let R = 0n;
    const alphas: Point[] = [];
    const betas: Point[] = [];
    const options = question.options.map((_, o) => {
      const v: 0 | 1 = choices[q] === o ? 1 : 0;
      const r = randomScalar(random);
      const alpha = mulSecret(G, r);
      const rK = mulSecret(K, r);
      const beta = v === 1 ? rK.add(G) : rK.add(IDENTITY);
      const ct: EncodedCiphertext = {
        alpha,
        beta,
        alphaBytes: encodePoint(alpha),
        betaBytes: encodePoint(beta),
      };
      const proof = proveZeroOrOne(ctx, optionLabel(pk, question.id, o), ct, v, r, K, random);
      A = A.add(alpha);
      B = B.add(beta);
      alphas.push(alpha);
      betas.push(beta);
      R = addScalars(R, r);
      parts.push(ct.alphaBytes, ct.betaBytes, ...PROOF_FIELDS.map((f) => proof[f]));
      return { alpha: b64(ct.alphaBytes), beta: b64(ct.betaBytes), proof: proofJson(proof) };
    });
    ciphertexts.push(options.map((_, o) => ({ alpha: alphas[o]!, beta: betas[o]! })));
    const V: 0 | 1 = choices[q] === null ? 0 : 1;
    const sum: EncodedCiphertext = {
      alpha: A,
      beta: B,
      alphaBytes: encodePoint(A),
      betaBytes: encodePoint(B),
    };
    const sumProof = proveZeroOrOne(ctx, sumLabel(pk, question.id), sum, V, R, K, random);
    parts.push(...PROOF_FIELDS.map((f) => sumProof[f]));
    onProgress?.(q + 1, total);
    return { id: question.id, options, sum: proofJson(sumProof) };
  });
  const ballotHash = ballotHashOf(ctx, pk, concatBytes(...parts));
  const w = randomScalar(random);
  const sigA = encodePoint(mulSecret(G, w));
  const z = addScalars(w, mulScalars(signatureChallenge(ctx, pk, ballotHash, sigA), credential.sk));
  return {
    ballot: { pk: b64(pk), questions, signature: { A: b64(sigA), z: b64(encodeScalar(z)) } },
    ballotHash,
    confirmationCode: confirmationCode(ballotHash),
    ciphertexts,
  };
}

/** The statements a ballot makes, each with where it sits, ready to be checked one by one or in a batch. */
export type BallotStatements = {
  pk: Uint8Array;
  ballotHash: Uint8Array;
  /** The per-option ciphertexts, decoded, in manifest order (for the tally). */
  ciphertexts: Ciphertexts;
  /** `question` and `option`: their numbers from 1 in manifest order, for a page to name the statement
   * (the signature has neither, a question's sum no option). */
  items: Array<{ where: string; question?: number; option?: number; relations: Relation[] }>;
};

function field(obj: unknown, key: string, where: string): unknown {
  if (typeof obj !== 'object' || obj === null || !(key in obj))
    throw new CodecError(`${where}: missing ${key}`);
  return (obj as Record<string, unknown>)[key];
}

function bytes32(obj: unknown, key: string, where: string): Uint8Array {
  const value = field(obj, key, where);
  if (typeof value !== 'string') throw new CodecError(`${where}.${key}: expected base64url text`);
  try {
    return fromBase64url(value, 32);
  } catch (e) {
    throw new CodecError(`${where}.${key}: ${(e as Error).message}`);
  }
}

function proofBytes(obj: unknown, key: 'proof' | 'sum', where: string): ZeroOrOneProof {
  const p = field(obj, key, where);
  const [a0, b0, a1, b1, c0, z0, z1] = PROOF_FIELDS.map((f) => bytes32(p, f, where));
  return { a0: a0!, b0: b0!, a1: a1!, b1: b1!, c0: c0!, z0: z0!, z1: z1! };
}

function listOf(obj: unknown, key: string, where: string, length: number): unknown[] {
  const value = field(obj, key, where);
  if (!Array.isArray(value) || value.length !== length)
    throw new CodecError(`${where}.${key}: expected ${length} entries`);
  return value;
}

/**
 * Decodes a ballot against the manifest and states its relations (SPEC §4): shape, canonical encodings,
 * the ballot hash, the signature by pk, every zero-or-one proof. Throws a CodecError on a malformed ballot.
 */
export function ballotStatements(mc: MeetingContext, ballot: unknown): BallotStatements {
  const { ctx, K } = mc;
  const pk = bytes32(ballot, 'pk', 'ballot');
  const pkPoint = decodePoint(pk);
  const parts: Uint8Array[] = [];
  const items: BallotStatements['items'] = [];
  const questions = listOf(ballot, 'questions', 'ballot', mc.manifest.questions.length);
  const ciphertexts = mc.manifest.questions.map((question, q) => {
    const where = `question ${question.id}`;
    const qj = questions[q];
    if (field(qj, 'id', where) !== question.id) throw new CodecError(`${where}: question id out of order`);
    let A = IDENTITY;
    let B = IDENTITY;
    const decoded = listOf(qj, 'options', where, question.options.length).map((oj, o) => {
      const at = `${where}, option ${o}`;
      const alphaBytes = bytes32(oj, 'alpha', at);
      const betaBytes = bytes32(oj, 'beta', at);
      const ct = {
        alpha: decodePoint(alphaBytes, true),
        beta: decodePoint(betaBytes, true),
        alphaBytes,
        betaBytes,
      };
      const proof = proofBytes(oj, 'proof', at);
      parts.push(alphaBytes, betaBytes, ...PROOF_FIELDS.map((f) => proof[f]));
      items.push({
        where: at,
        question: q + 1,
        option: o + 1,
        relations: zeroOrOneRelations(ctx, optionLabel(pk, question.id, o), ct, proof, K),
      });
      A = A.add(ct.alpha);
      B = B.add(ct.beta);
      return { alpha: ct.alpha, beta: ct.beta };
    });
    const sumProof = proofBytes(qj, 'sum', `${where}, sum`);
    parts.push(...PROOF_FIELDS.map((f) => sumProof[f]));
    // the sums of public ciphertexts are public: variable-time encoding is safe here
    const sum = { alpha: A, beta: B, alphaBytes: encodePublicPoint(A), betaBytes: encodePublicPoint(B) };
    items.push({
      where: `${where}, sum`,
      question: q + 1,
      relations: zeroOrOneRelations(ctx, sumLabel(pk, question.id), sum, sumProof, K),
    });
    return decoded;
  });
  const ballotHash = ballotHashOf(ctx, pk, concatBytes(...parts));
  const sigABytes = bytes32(field(ballot, 'signature', 'ballot'), 'A', 'ballot.signature');
  const sigA = decodePoint(sigABytes, true);
  const z = decodeScalar(bytes32(field(ballot, 'signature', 'ballot'), 'z', 'ballot.signature'));
  const c = signatureChallenge(ctx, pk, ballotHash, sigABytes);
  items.unshift({
    where: 'signature',
    relations: [
      [
        [sigA, 1n],
        [pkPoint, c],
        [G, negateScalar(z)],
      ],
    ],
  });
  return { pk, ballotHash, ciphertexts, items };
}

/** Names every failing statement, checking one at a time (the fall-back after a failed batch). */
export function failingStatements(items: BallotStatements['items']): FailingStatement[] {
  return items
    .filter((item) => !item.relations.every(relationHolds))
    .map(({ where, question, option }) => ({ where, question, option }));
}

export type FailingStatement = Omit<BallotStatements['items'][number], 'relations'>;

/** `failing`: the statements whose proofs fail, when the ballot decodes (the verifier names each). */
export type BallotCheck =
  | { ok: true; statements: BallotStatements }
  | { ok: false; problems: string[]; statements?: BallotStatements; failing?: FailingStatement[] };

/**
 * Checks one ballot: decoding and shape, then all relations in one batch; on failure each one alone,
 * so the report names the bad proof. Never throws.
 */
export function checkBallot(
  mc: MeetingContext,
  ballot: unknown,
  random: RandomSource = secureRandom,
): BallotCheck {
  return checkBallots(mc, [ballot], random)[0]!;
}

/** Decodes a ballot into its statements, or says why it does not decode. */
function decoded(mc: MeetingContext, ballot: unknown): BallotCheck {
  try {
    return { ok: true, statements: ballotStatements(mc, ballot) };
  } catch (e) {
    return { ok: false, problems: [(e as Error).message] };
  }
}

const relationsOf = (statements: BallotStatements): Relation[] =>
  statements.items.flatMap((i) => i.relations);

/**
 * Checks several ballots at once, each judged on its own: the verdicts come back in the order given.
 *
 * Soundness (SPEC §4, batch rule across ballots): every relation of every ballot that decodes gets its own
 * fresh 128-bit weight wᵢ, drawn after the ballots are fixed, and the batch holds when Σ wᵢ·Rᵢ = 0, where
 * Rᵢ is the group element relation i sums to (0 exactly when it holds). If any Rᵢ ≠ 0, fix every other
 * weight: in a group of prime order ℓ > 2^128 at most one value of wᵢ mod ℓ cancels it, so the batch
 * passes with probability at most 2^-128 whichever ballots share it. A passing batch therefore shows every
 * relation of every ballot in it, exactly as checking each ballot alone would. When the batch fails, each
 * ballot is checked again alone with fresh weights: a true relation always sums to 0, so an honest ballot
 * passes its own batch whatever else was in the shared one, and a bad ballot is refused for its own
 * equations only (one bad ballot costs the others one more batch of their own, never their verdict).
 */
export function checkBallots(
  mc: MeetingContext,
  ballots: unknown[],
  random: RandomSource = secureRandom,
): BallotCheck[] {
  const checks = ballots.map((ballot) => decoded(mc, ballot));
  const sound = checks.filter((c) => c.ok);
  if (sound.length === 0) return checks;
  if (
    allRelationsHold(
      sound.flatMap((c) => relationsOf(c.statements!)),
      random,
    )
  )
    return checks;
  return checks.map((check) => {
    if (!check.ok) return check;
    const { statements } = check;
    if (sound.length > 1 && allRelationsHold(relationsOf(statements), random)) return check;
    const failing = failingStatements(statements.items);
    return {
      ok: false,
      problems: failing.map(({ where }) => `${where}: proof does not verify`),
      statements,
      failing,
    };
  });
}
