// The protocol of SPEC.md, version 1: pure functions with no I/O, for Node, browsers and Workers alike.
export * from './ballot.ts';
export { allRelationsHold, type Relation, relationHolds } from './batch.ts';
export {
  base32,
  base64url,
  CodecError,
  compareBytes,
  concatBytes,
  equalBytes,
  fromBase32,
  fromBase64url,
  utf8ToBytes,
} from './bytes.ts';
export * from './certify.ts';
export { type CodeList, codeListProblems } from './checks/codes.ts';
export * from './checks/reasons.ts';
export * from './credential.ts';
export {
  type Coordinates,
  coordinatesOf,
  decodePoint,
  decodeScalar,
  type Ed25519Keys,
  ed25519Keygen,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  encodePoint,
  encodeScalar,
  G,
  type Point,
  pointFromCoordinates,
  randomScalar,
  type Scalar,
} from './group.ts';
export { H, Hq, TAG } from './hash.ts';
export * from './manifest.ts';
export * from './meeting.ts';
export * from './payloads.ts';
export { type PokProof, provePok, verifyPok } from './proofs/pok.ts';
export { type RandomSource, secureRandom, seededRandom } from './random.ts';
export * from './record.ts';
export * from './tally.ts';
export * from './threshold.ts';
export * from './verify.ts';
