// The k-of-n key ceremony of the vote-counting board (SPEC §2): Feldman commitments with proofs of
// knowledge, shares encrypted to each trustee's transport key with a MAC, the Feldman check, and the
// outcome (K, K_j) that anyone can recompute from phase 1. Secrets stay with the trustee who made them.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64url as b64, concatBytes, equalBytesCT, fromBase64url } from './bytes.ts';
import {
  addScalars,
  decodePoint,
  decodeScalar,
  ed25519Keygen,
  ed25519Sign,
  encodePoint,
  encodeScalar,
  G,
  IDENTITY,
  invertScalar,
  mod,
  msmPublic,
  mulScalars,
  mulSecret,
  type Point,
  randomScalar,
  type Scalar,
  subScalars,
} from './group.ts';
import { enc, H, label, TAG } from './hash.ts';
import { contextHash } from './manifest.ts';
import type {
  AckPayload,
  CommitmentsPayload,
  EncryptedShare,
  JointKeyPayload,
  SharesPayload,
} from './payloads.ts';
import { provePok, verifyPok } from './proofs/pok.ts';
import { type RandomSource, secureRandom } from './random.ts';

export const transportLabel = (i: number): Uint8Array => label('transport', i);
export const coefficientLabel = (i: number, l: number): Uint8Array => label('coefficient', i, l);

/** What trustee i keeps on its own device during the ceremony. */
export type TrusteeSecrets = {
  round: number;
  index: number;
  n: number;
  k: number;
  transport: Scalar;
  coefficients: Scalar[];
  signingKey: Uint8Array;
};

/** What trustee j keeps afterwards: s_j (SPEC §2) and its Ed25519 key for certifying results (§7). */
export type TrusteeKeyShare = { index: number; share: Scalar; signingKey: Uint8Array };

/** Phase 1: transport key, Ed25519 key, and commitments C_{i,l} = a_{i,l}·G, each with its PoK. */
export function startCeremony(
  manifestHash: Uint8Array,
  params: { round: number; index: number; n: number; k: number },
  random: RandomSource = secureRandom,
): { commitments: CommitmentsPayload; secrets: TrusteeSecrets } {
  const { round, index, n, k } = params;
  const transport = randomScalar(random);
  const T = encodePoint(mulSecret(G, transport));
  const signing = ed25519Keygen(random);
  const coefficients = Array.from({ length: k }, () => randomScalar(random));
  const commitments: CommitmentsPayload = {
    round,
    index,
    transport: {
      key: b64(T),
      pok: pokJson(provePok(manifestHash, transportLabel(index), transport, T, random)),
    },
    ed25519: b64(signing.publicKey),
    coefficients: coefficients.map((a, l) => {
      const C = encodePoint(mulSecret(G, a));
      return { C: b64(C), pok: pokJson(provePok(manifestHash, coefficientLabel(index, l), a, C, random)) };
    }),
  };
  return {
    commitments,
    secrets: { round, index, n, k, transport, coefficients, signingKey: signing.secretKey },
  };
}

const pokJson = (p: { A: Uint8Array; z: Uint8Array }) => ({ A: b64(p.A), z: b64(p.z) });
const pokBytes = (p: { A: string; z: string }) => ({ A: fromBase64url(p.A, 32), z: fromBase64url(p.z, 32) });

/** Problems with one trustee's phase-1 message (empty when it is sound). Never throws. */
export function commitmentProblems(
  manifestHash: Uint8Array,
  c: CommitmentsPayload,
  trustees: { n: number; k: number },
): string[] {
  const problems: string[] = [];
  const who = `trustee ${c.index}`;
  try {
    if (!Number.isInteger(c.index) || c.index < 1 || c.index > trustees.n)
      return [`${who}: index out of range`];
    if (fromBase64url(c.ed25519).length !== 32) problems.push(`${who}: Ed25519 key is not 32 bytes`);
    if (
      !verifyPok(
        manifestHash,
        transportLabel(c.index),
        fromBase64url(c.transport.key, 32),
        pokBytes(c.transport.pok),
      )
    )
      problems.push(`${who}: transport key proof fails`);
    if (!Array.isArray(c.coefficients) || c.coefficients.length !== trustees.k)
      return [...problems, `${who}: expected ${trustees.k} coefficient commitments`];
    c.coefficients.forEach((co, l) => {
      // SPEC §0: C_{i,0} must not be the identity (decodePoint refuses it); C_{i,l>0} may be.
      const C = fromBase64url(co.C, 32);
      if (l > 0) decodePoint(C, true);
      if (!verifyPok(manifestHash, coefficientLabel(c.index, l), C, pokBytes(co.pok)))
        problems.push(`${who}: proof for coefficient ${l} fails`);
    });
  } catch (e) {
    problems.push(`${who}: ${(e as Error).message}`);
  }
  return problems;
}

/** Σ_l (j^l mod ℓ)·C_l over commitments summed across trustees. All public: variable-time MSM is safe. */
function evaluateCommitments(summed: Point[], j: number): Point {
  const powers: Scalar[] = [];
  let p = 1n;
  for (let l = 0; l < summed.length; l++, p = mod(p * BigInt(j))) powers.push(p);
  return msmPublic(summed, powers);
}

function decodedCommitments(all: CommitmentsPayload[]): Point[][] {
  return [...all]
    .sort((a, b) => a.index - b.index)
    .map((c) => c.coefficients.map((co, l) => decodePoint(fromBase64url(co.C, 32), l > 0)));
}

/** K = Σ_i C_{i,0} and K_j = Σ_i Σ_l (j^l)·C_{i,l}, from all n phase-1 messages (SPEC §2, outcome). */
export function ceremonyOutcome(all: CommitmentsPayload[]): {
  K: Point;
  verificationKeys: Array<{ index: number; key: Point }>;
} {
  const decoded = decodedCommitments(all);
  const k = decoded[0]!.length;
  const summed = Array.from({ length: k }, (_, l) => decoded.reduce((acc, cs) => acc.add(cs[l]!), IDENTITY));
  const K = summed[0]!;
  if (K.is0()) throw new Error('joint key is the identity');
  const verificationKeys = [...all]
    .map((c) => c.index)
    .sort((a, b) => a - b)
    .map((index) => ({ index, key: evaluateCommitments(summed, index) }));
  return { K, verificationKeys };
}

/** The joint-key event (SPEC §6): K, every K_j, and ctx = H(context, manifestHash, K). */
export function jointKeyPayload(
  manifestHash: Uint8Array,
  round: number,
  all: CommitmentsPayload[],
): JointKeyPayload {
  const { K, verificationKeys } = ceremonyOutcome(all);
  const KBytes = encodePoint(K);
  return {
    round,
    K: b64(KBytes),
    verificationKeys: verificationKeys.map((v) => ({ index: v.index, key: b64(encodePoint(v.key)) })),
    ctx: b64(contextHash(manifestHash, KBytes)),
  };
}

/** The verification keys K_j a joint-key event publishes, decoded. Throws a CodecError. */
export function verificationKeysOf(jointKey: JointKeyPayload): Map<number, Point> {
  return new Map(jointKey.verificationKeys.map((v) => [v.index, decodePoint(fromBase64url(v.key, 32))]));
}

/** f(x) = Σ a_l x^l mod ℓ. The coefficients are secret: only field arithmetic, no branches on them. */
function evaluatePolynomial(coefficients: Scalar[], x: number): Scalar {
  let y = 0n;
  for (let l = coefficients.length - 1; l >= 0; l--)
    y = addScalars(mulScalars(y, BigInt(x)), coefficients[l]!);
  return y;
}

function shareKeys(manifestHash: Uint8Array, i: number, j: number, R: Uint8Array, S: Uint8Array) {
  const okm = H(TAG.shareKdf, manifestHash, i, j, R, S);
  return { pad: okm.subarray(0, 32), macKey: okm.subarray(32, 64) };
}

const shareMac = (macKey: Uint8Array, R: Uint8Array, ct: Uint8Array): Uint8Array =>
  hmac(sha256, macKey, concatBytes(enc(TAG.shareMac), R, ct));

const xor32 = (a: Uint8Array, b: Uint8Array): Uint8Array => a.map((x, i) => x ^ b[i]!);

/** Phase 2: y = f_i(j) for each j ≠ i, encrypted to T_j with a MAC. */
export function dealShares(
  manifestHash: Uint8Array,
  secrets: TrusteeSecrets,
  all: CommitmentsPayload[],
  random: RandomSource = secureRandom,
): SharesPayload {
  const i = secrets.index;
  const shares: EncryptedShare[] = [...all]
    .filter((c) => c.index !== i)
    .sort((a, b) => a.index - b.index)
    .map((c) => {
      const j = c.index;
      const Tj = decodePoint(fromBase64url(c.transport.key, 32));
      const e = randomScalar(random);
      const R = encodePoint(mulSecret(G, e));
      const S = encodePoint(mulSecret(Tj, e));
      const { pad, macKey } = shareKeys(manifestHash, i, j, R, S);
      const ct = xor32(encodeScalar(evaluatePolynomial(secrets.coefficients, j)), pad);
      return { to: j, R: b64(R), ct: b64(ct), mac: b64(shareMac(macKey, R, ct)) };
    });
  return { round: secrets.round, from: i, shares };
}

/**
 * Opens the share from trustee i to j and runs the Feldman check; null when anything is wrong.
 *
 * Security: `secrets.transport` is trustee j's transport key for the round and R comes from another
 * trustee (through the server), so a secret meets a point chosen by someone else. The multiplication is
 * constant-time, R is decoded as a canonical ristretto255 point (prime order: no small-subgroup leak), and
 * the MAC is checked before the pad is used, in constant time, so a forged share gives only "null" (a
 * complaint), whatever R is. The key is fresh per round and never used to decrypt anything but these
 * shares, so answering many chosen R (each a complaint) reveals nothing about it. Not protected: a trustee
 * who deals bad shares on purpose (the Feldman check catches it and the round restarts), and k colluding
 * trustees, who can always rebuild the key.
 */
function openShare(
  manifestHash: Uint8Array,
  secrets: TrusteeSecrets,
  from: CommitmentsPayload,
  share: EncryptedShare,
): Scalar | null {
  try {
    const R = fromBase64url(share.R, 32);
    const ct = fromBase64url(share.ct, 32);
    const S = encodePoint(mulSecret(decodePoint(R), secrets.transport));
    const { pad, macKey } = shareKeys(manifestHash, from.index, secrets.index, R, S);
    if (!equalBytesCT(shareMac(macKey, R, ct), fromBase64url(share.mac, 32))) return null;
    const y = decodeScalar(xor32(ct, pad));
    const commitments = from.coefficients.map((co, l) => decodePoint(fromBase64url(co.C, 32), l > 0));
    // y·G is the check value of a share we now hold: fine to compare it in public, it is f_i(j)·G.
    return mulSecret(G, y).equals(evaluateCommitments(commitments, secrets.index)) ? y : null;
  } catch {
    return null;
  }
}

export const ceremonyAckMessage = (manifestHash: Uint8Array, K: Uint8Array): Uint8Array =>
  H(TAG.certify, manifestHash, 'ceremony-ok', K);

/**
 * Phase 3 for trustee j: open every share addressed to it. All good: s_j = Σ_i f_i(j) and a signed ack.
 * Otherwise a complaint naming the first trustee whose share failed; the round is then void.
 */
export function finishCeremony(
  manifestHash: Uint8Array,
  secrets: TrusteeSecrets,
  all: CommitmentsPayload[],
  allShares: SharesPayload[],
): { ack: AckPayload; keyShare: TrusteeKeyShare | null } {
  const j = secrets.index;
  let s = evaluatePolynomial(secrets.coefficients, j);
  for (const from of [...all].sort((a, b) => a.index - b.index)) {
    if (from.index === j) continue;
    const share = allShares.find((m) => m.from === from.index)?.shares.find((x) => x.to === j);
    const y = share ? openShare(manifestHash, secrets, from, share) : null;
    if (y === null)
      return { ack: { round: secrets.round, index: j, ok: false, against: from.index }, keyShare: null };
    s = addScalars(s, y);
  }
  const K = encodePoint(ceremonyOutcome(all).K);
  const signature = ed25519Sign(ceremonyAckMessage(manifestHash, K), secrets.signingKey);
  return {
    ack: { round: secrets.round, index: j, ok: true, signature: b64(signature) },
    keyShare: { index: j, share: s, signingKey: secrets.signingKey },
  };
}

/** λ_i = Π_{j∈S, j≠i} j·(j − i)^{-1} mod ℓ (SPEC §5). Indices are public. */
export function lagrangeCoefficients(indices: number[]): Map<number, Scalar> {
  const out = new Map<number, Scalar>();
  for (const i of indices) {
    let num = 1n;
    let den = 1n;
    for (const j of indices) {
      if (j === i) continue;
      num = mulScalars(num, BigInt(j));
      den = mulScalars(den, subScalars(BigInt(j), BigInt(i)));
    }
    out.set(i, mulScalars(num, invertScalar(den)));
  }
  return out;
}
