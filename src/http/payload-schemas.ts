// Schemas of the protocol payloads phones and trustees send (SPEC §6), bytes as base64url. They check the
// shape and the byte lengths; the proofs and the fit to the manifest are checked by crypto/.
import { is } from './validate.ts';

const b32 = is.bytes(32);
const index = is.int({ min: 1, max: 32 });
const round = is.int({ min: 1, max: 1000 });
const pok = is.object({ A: b32, z: b32 });
const zeroOrOne = is.object({ a0: b32, b0: b32, a1: b32, b1: b32, c0: b32, z0: b32, z1: b32 });
const questionId = is.string({ min: 1, max: 100 });

export const commitmentsSchema = is.object({
  round,
  index,
  transport: is.object({ key: b32, pok }),
  ed25519: b32,
  coefficients: is.array(is.object({ C: b32, pok }), { min: 1, max: 32 }),
});

export const sharesSchema = is.object({
  round,
  from: index,
  // n − 1 shares: none at all on a board of one trustee (n = 1, k = 1)
  shares: is.array(is.object({ to: index, R: b32, ct: b32, mac: b32 }), { min: 0, max: 31 }),
});

export const ackHeadSchema = is.object({ round, index, ok: is.boolean() });
export const ackOkSchema = is.object({ round, index, ok: is.literal(true), signature: is.bytes(64) });
export const complaintSchema = is.object({ round, index, ok: is.literal(false), against: index });

export const ballotSchema = is.object({
  pk: b32,
  questions: is.array(
    is.object({
      id: questionId,
      options: is.array(is.object({ alpha: b32, beta: b32, proof: zeroOrOne }), { min: 2, max: 16 }),
      sum: zeroOrOne,
    }),
    { min: 1, max: 500 },
  ),
  signature: pok,
  /** A paper ballot's rows the board decided by hand (SPEC §3.1): not signed by the credential. */
  decidedByHand: is.optional(is.array(questionId, { min: 0, max: 500 })),
});

export const decryptionShareSchema = is.object({
  index,
  questions: is.array(
    is.object({
      id: questionId,
      options: is.array(is.object({ D: b32, proof: is.object({ a: b32, b: b32, z: b32 }) }), {
        min: 2,
        max: 16,
      }),
    }),
    { min: 1, max: 500 },
  ),
});

export const certificationSchema = is.object({ index, signature: is.bytes(64) });
