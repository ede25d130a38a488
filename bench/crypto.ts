// `npm run bench`: one JSON line per figure, {"name", "value", "unit"}. Yardsticks first (this machine's
// cost of one multiplication, encoding, decoding), then a 100-question × 4-option ballot and its tally.

import { mulPublic, mulSecret } from '../crypto/group.ts';
import {
  base64url as b64,
  ballotStatements,
  checkBallot,
  checkDecryptionShare,
  combineShares,
  credentialFromToken,
  dealShares,
  decodePoint,
  decryptionShare,
  encodePoint,
  encryptBallot,
  failingStatements,
  finishCeremony,
  fromBase64url,
  G,
  jointKeyPayload,
  manifestHash,
  meetingContext,
  newToken,
  type Point,
  randomScalar,
  startCeremony,
  sumCiphertexts,
  verificationKeysOf,
} from '../crypto/index.ts';
import { emit } from './figures.ts';
import { benchManifest } from './manifest.ts';

const QUESTIONS = 100;
const OPTIONS = 4;
const BALLOTS = 100;

function timePer(name: string, runs: number, f: () => void): void {
  f();
  const start = performance.now();
  for (let i = 0; i < runs; i++) f();
  emit(name, (performance.now() - start) / runs, 'ms');
}

function timeOnce<T>(name: string, f: () => T): T {
  const start = performance.now();
  const out = f();
  emit(name, performance.now() - start, 'ms');
  return out;
}

const s = randomScalar();
const P = mulSecret(G, randomScalar());
const bytes = encodePoint(P);
timePer('fixed-base multiplication (G, constant-time)', 200, () => mulSecret(G, s));
timePer('variable-base multiplication (constant-time)', 100, () => mulSecret(P, s));
timePer('variable-base multiplication (public, variable-time)', 100, () => mulPublic(P, s));
timePer('point encoding', 1000, () => encodePoint(P));
timePer('point decoding', 1000, () => decodePoint(bytes));

const manifest = benchManifest({
  meetingId: 'bench',
  electorate: BALLOTS,
  questions: QUESTIONS,
  options: OPTIONS,
  trustees: { n: 3, k: 2 },
});
const manifestText = JSON.stringify(manifest);
const mh = manifestHash(manifestText);
const trustees = [1, 2, 3].map((index) => startCeremony(mh, { round: 1, index, n: 3, k: 2 }));
const commitments = trustees.map((t) => t.commitments);
const shares = trustees.map((t) => dealShares(mh, t.secrets, commitments));
const keyShares = trustees.map((t) => finishCeremony(mh, t.secrets, commitments, shares).keyShare!);
const jointKey = jointKeyPayload(mh, 1, commitments);
const credential = credentialFromToken('bench', newToken());
const choices = manifest.questions.map((_, q) => (q % 10 === 0 ? null : q % OPTIONS));

const cold = timeOnce(`encrypt ballot ${QUESTIONS}x${OPTIONS} cold (with the K table)`, () =>
  encryptBallot(meetingContext(manifestText, jointKey.K), credential, choices),
);
const mc = meetingContext(manifestText, jointKey.K);
timeOnce(`encrypt ballot ${QUESTIONS}x${OPTIONS} warm`, () => encryptBallot(mc, credential, choices));
timeOnce(`verify ballot ${QUESTIONS}x${OPTIONS} batch`, () => {
  if (!checkBallot(mc, cold.ballot).ok) throw new Error('ballot does not verify');
});
timeOnce(`verify ballot ${QUESTIONS}x${OPTIONS} one by one`, () => {
  if (failingStatements(ballotStatements(mc, cold.ballot).items).length > 0)
    throw new Error('ballot does not verify');
});

// The tally's input: BALLOTS ballots' ciphertexts as they arrive (base64url). They are made by adding G and K
// to one real ciphertext (valid encryptions, cheap to make); the proofs play no part in the tally.
const base = cold.ballot.questions.map((q) => q.options.map((o) => ({ alpha: o.alpha, beta: o.beta })));
const K = decodePoint(fromBase64url(jointKey.K, 32));
const stored = Array.from({ length: BALLOTS }, (_, i) =>
  base.map((options) =>
    options.map((o) => {
      const alpha = decodePoint(fromBase64url(o.alpha, 32), true).add(mulPublic(G, BigInt(i + 1)));
      const beta = decodePoint(fromBase64url(o.beta, 32), true).add(mulPublic(K, BigInt(i + 1)));
      return { alpha: b64(encodePoint(alpha)), beta: b64(encodePoint(beta)) };
    }),
  ),
);
timeOnce(`tally + decrypt (2 trustees) + combine, ${BALLOTS} ballots`, () => {
  const tally = sumCiphertexts(
    mc,
    stored.map((b) =>
      b.map((options) =>
        options.map((o) => ({
          alpha: decodePoint(fromBase64url(o.alpha, 32), true),
          beta: decodePoint(fromBase64url(o.beta, 32), true),
        })),
      ),
    ),
  );
  const keys = verificationKeysOf(jointKey);
  const decrypted = new Map<number, Point[][]>();
  for (const keyShare of keyShares.slice(1)) {
    const checked = checkDecryptionShare(
      mc,
      keys.get(keyShare.index)!,
      tally,
      decryptionShare(mc, keyShare, tally),
    );
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    decrypted.set(keyShare.index, checked.D);
  }
  const counts = combineShares(mc, tally, decrypted, BALLOTS);
  if (counts.length !== QUESTIONS) throw new Error('wrong tally');
});
