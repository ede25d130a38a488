// SPEC §8: one negative test per tamper class of issue 2, each asserting the named check that catches it.
// Every change is made the way a forger would: events re-chained, the result's recordHead recomputed and the
// certifications signed again (reseal), or the whole count redone honestly from the altered ballots
// (recount), so the check named is the one that has to see it. Forged objects are well formed (decodable,
// signed by the right credential) so that only the intended property is broken.
import { beforeAll, describe, expect, it } from 'vitest';
import { ORDER } from '../../crypto/group.ts';
import {
  type BallotPayload,
  base64url as b64,
  type CheckName,
  type CommitmentsPayload,
  certificationMessage,
  credentialFromToken,
  type DecryptionSharePayload,
  decodePoint,
  decodeScalar,
  ed25519Keygen,
  ed25519Sign,
  encodePoint,
  encodeScalar,
  encryptBallot,
  eventHash,
  fromBase64url,
  G,
  type JointKeyPayload,
  type MeetingRecord,
  meetingContext,
  type ResultPayload,
  type TallyPayload,
} from '../../crypto/index.ts';
import { seededRandom } from '../../crypto/random.ts';
import { reasonText } from '../../src/shared/verify-reasons.ts';
import { textProblems } from '../e2e/text-audit.ts';
import { reasonEnglishIn } from '../shared/reason-english.ts';
import {
  checkOf,
  clone,
  type Demo,
  editPayload,
  eventsOfType,
  failingChecks,
  onlyEvent,
  payloadOf,
  rechain,
  recount,
  renumber,
  reseal,
  seededDemo,
  signBallot,
  verify,
} from './helpers.ts';

let demo: Demo;
const random = seededRandom('tamper/forgeries');

beforeAll(() => {
  demo = seededDemo('tamper', { voters: 4, questions: 2, options: 3, trustees: { n: 3, k: 2 } });
});

const copy = (): MeetingRecord => clone(demo.record);
const ballotEvent = (record: MeetingRecord, voter: number) => eventsOfType(record, 'ballot')[voter]!;
const setBallot = (record: MeetingRecord, voter: number, ballot: BallotPayload) => {
  ballotEvent(record, voter).payload = JSON.stringify(ballot);
};
/** Encrypt with a manifest choice for every question: option 0, then option 1… */
const choices = () => demo.secrets.mc.manifest.questions.map((_, q) => q % 2);

/**
 * The check fails, its problems' English texts match `reason`, and the checks in `failing` are the only ones
 * failing. Each failing check's problems, as the verify page says them in Vietnamese, hold no English of the
 * code table, no code and no id (the key or hash the English names).
 */
function expectCaught(record: MeetingRecord, name: CheckName, reason: RegExp, failing: CheckName[] = [name]) {
  const report = verify(record);
  const check = checkOf(report, name);
  const texts = check.problems.map((p) => p.text);
  expect(check.status, `${name}: ${texts.join(' | ')}`).toBe('fail');
  expect(
    texts.some((p) => reason.test(p)),
    texts.join(' | '),
  ).toBe(true);
  expect(report.ok).toBe(false);
  expect(failingChecks(report).sort()).toEqual([...failing].sort());
  for (const problem of report.checks.flatMap((c) => c.problems)) {
    const vi = reasonText(problem, 'vi');
    expect([...reasonEnglishIn(vi), ...textProblems(vi, 'vi', [])], `${problem.code}: ${vi}`).toEqual([]);
  }
  return texts;
}

/** z + ℓ: the same scalar mod ℓ (every relation still holds), but not its canonical encoding. */
function plusOrder(zText: string): string {
  const z = decodeScalar(fromBase64url(zText, 32));
  const out = new Uint8Array(32);
  let n = z + ORDER;
  for (let i = 0; i < 32; i++, n >>= 8n) out[i] = Number(n & 0xffn);
  return b64(out);
}

/** `edff…7f` is p: a non-canonical encoding of 0 (RFC 9496 §A.2). */
const NON_CANONICAL_POINT = b64(
  Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 0xed : i === 31 ? 0x7f : 0xff)),
);

describe('the helpers leave a sound record sound', () => {
  it('the seeded record passes every check (SPEC §8)', () => {
    const report = verify(demo.record);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual(report.checks.map((c) => [c.name, 'pass']));
  });

  it.each([
    [1, 1],
    [2, 1],
    [5, 3],
  ])('a whole meeting with trustees n = %i, k = %i passes every check (SPEC §2, §5, §8)', (n, k) => {
    const m = seededDemo(`trustees-${n}-${k}`, { voters: 2, questions: 1, options: 2, trustees: { n, k } });
    expect(m.trusteesUsed).toHaveLength(k);
    const report = verify(m.record);
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('reseal and recount of an unchanged record still pass every check', () => {
    const resealed = copy();
    reseal(resealed, demo.secrets);
    expect(failingChecks(verify(resealed))).toEqual([]);
    const recounted = copy();
    recount(recounted, demo.secrets);
    expect(verify(recounted).ok).toBe(true);
  });
});

describe('SPEC §8.5 ballots', () => {
  it('a proof scalar changed (re-signed by the voter): ballots names the option whose proof fails', () => {
    const r = copy();
    const e = ballotEvent(r, 1);
    const ballot = payloadOf<BallotPayload>(e);
    const proof = ballot.questions[0]!.options[1]!.proof;
    proof.z1 = b64(encodeScalar((decodeScalar(fromBase64url(proof.z1, 32)) + 1n) % ORDER));
    setBallot(r, 1, signBallot(demo.secrets.mc, ballot, demo.secrets.credentials[1]!));
    reseal(r, demo.secrets);
    const problems = expectCaught(r, 'ballots', /question q1, option 1: proof does not verify/);
    expect(problems).toEqual([`ballot at height ${e.height}, question q1, option 1: proof does not verify`]);
  });

  it('two options’ ciphertexts swapped (re-signed, recounted): ballots names both options', () => {
    const r = copy();
    const ballot = payloadOf<BallotPayload>(ballotEvent(r, 0));
    const options = ballot.questions[1]!.options;
    [options[0], options[2]] = [options[2]!, options[0]!];
    setBallot(r, 0, signBallot(demo.secrets.mc, ballot, demo.secrets.credentials[0]!));
    recount(r, demo.secrets);
    const problems = expectCaught(r, 'ballots', /question q2, option 0: proof does not verify/);
    // The per-option labels enc(pk) ‖ enc(q.id) ‖ enc(o) catch it; the signature and the sum proof hold.
    expect(problems.map((p) => p.replace(/^ballot at height \d+, /, ''))).toEqual([
      'question q2, option 0: proof does not verify',
      'question q2, option 2: proof does not verify',
    ]);
  });

  it('a ballot’s ciphertexts replayed under another credential (signed by it): ballots fails on every proof', () => {
    const r = copy();
    const { credentials } = demo.secrets;
    const original = payloadOf<BallotPayload>(ballotEvent(r, 0));
    const replayed = signBallot(
      demo.secrets.mc,
      { ...original, pk: b64(credentials[2]!.pk) },
      credentials[2]!,
    );
    setBallot(r, 2, replayed);
    recount(r, demo.secrets);
    const problems = expectCaught(r, 'ballots', /proof does not verify/);
    // Every zero-or-one proof is labelled with the original pk; the signature itself is valid.
    const questions = demo.secrets.mc.manifest.questions;
    expect(problems).toHaveLength(questions.reduce((n, q) => n + q.options.length + 1, 0));
    expect(problems.join()).not.toMatch(/signature/);
  });

  it('a second ballot from one credential: ballots says it has already voted', () => {
    const r = copy();
    const { mc, credentials } = demo.secrets;
    setBallot(r, 3, encryptBallot(mc, credentials[0]!, choices(), { random }).ballot);
    recount(r, demo.secrets);
    expectCaught(r, 'ballots', new RegExp(`credential ${b64(credentials[0]!.pk)} has already voted`));
  });

  it('a credential that was not activated: ballots refuses it', () => {
    const r = copy();
    const { mc } = demo.secrets;
    const stranger = credentialFromToken(mc.manifest.meetingId, random(16));
    setBallot(r, 1, encryptBallot(mc, stranger, choices(), { random }).ballot);
    recount(r, demo.secrets);
    expectCaught(r, 'ballots', new RegExp(`credential ${b64(stranger.pk)} is not activated`));
  });

  it('a credential voided before it voted (SPEC §6 credential-voided): ballots refuses it', () => {
    const r = copy();
    const voter = 1;
    const opened = r.events.findIndex((e) => e.type === 'poll-opened');
    const key = b64(demo.secrets.credentials[voter]!.pk);
    r.events.splice(opened, 0, {
      height: 0,
      parent: null,
      type: 'credential-voided',
      payload: JSON.stringify({ key }),
    });
    renumber(r.events);
    // One live credential fewer: a forger would publish activated − 1.
    recount(r, demo.secrets);
    editPayload<ResultPayload>(onlyEvent(r, 'result'), (p) => ({ ...p, activated: p.activated - 1 }));
    reseal(r, demo.secrets);
    expectCaught(r, 'ballots', new RegExp(`credential ${key} was voided`));
  });

  it('a ballot bound to another ctx (other manifest, same K): ballots fails on the signature and every proof', () => {
    const r = copy();
    const { mc, credentials } = demo.secrets;
    const otherManifest = JSON.stringify({ ...mc.manifest, title: `${mc.manifest.title} (bản khác)` });
    const other = meetingContext(otherManifest, b64(mc.KBytes));
    expect(other.K.equals(mc.K)).toBe(true);
    expect(b64(other.ctx)).not.toBe(b64(mc.ctx));
    setBallot(r, 2, encryptBallot(other, credentials[2]!, choices(), { random }).ballot);
    recount(r, demo.secrets);
    const problems = expectCaught(r, 'ballots', /signature: proof does not verify/);
    const questions = mc.manifest.questions;
    expect(problems).toHaveLength(1 + questions.reduce((n, q) => n + q.options.length + 1, 0));
  });
});

describe('SPEC §8.3 ceremony', () => {
  const someKey = () => b64(encodePoint(G.multiply(123456789n)));

  it('a verification key for an index that is not a trustee (n + 1) added to joint-key: ceremony fails', () => {
    const r = copy();
    editPayload<JointKeyPayload>(onlyEvent(r, 'joint-key'), (p) => {
      p.verificationKeys.push({ index: 4, key: someKey() });
      return p;
    });
    reseal(r, demo.secrets);
    expectCaught(r, 'ceremony', /expected exactly 3 verification keys/);
  });

  it('a second, different K_j for a trustee in joint-key: ceremony fails (the share would be judged by it)', () => {
    const r = copy();
    const used = demo.trusteesUsed[0]!;
    editPayload<JointKeyPayload>(onlyEvent(r, 'joint-key'), (p) => {
      p.verificationKeys.push({ index: used, key: someKey() });
      return p;
    });
    reseal(r, demo.secrets);
    // The decryption check then judges trustee `used`’s honest share against the bogus key.
    expectCaught(r, 'ceremony', new RegExp(`K_${used} does not match`), ['ceremony', 'decryption']);
  });

  /** Moves the first event of type `type` to just before the first event of type `before`, renumbered. */
  function move(r: MeetingRecord, type: string, before: string): void {
    const [event] = r.events.splice(
      r.events.findIndex((e) => e.type === type),
      1,
    );
    r.events.splice(
      r.events.findIndex((e) => e.type === before),
      0,
      event!,
    );
    renumber(r.events);
  }

  it('SPEC §6 order: the joint key published before the acknowledgements: ceremony fails', () => {
    const r = copy();
    move(r, 'joint-key', 'trustee-ack');
    reseal(r, demo.secrets);
    expectCaught(r, 'ceremony', /joint key was published before the acknowledgements/);
  });

  it('SPEC §6 order: a trustee’s shares published before all commitments of the round: ceremony fails', () => {
    const r = copy();
    move(r, 'trustee-shares', 'trustee-commitments');
    reseal(r, demo.secrets);
    expectCaught(r, 'ceremony', /shares published before all commitments of the round/);
  });

  it('SPEC §6 order: an acknowledgement before the shares sent to that trustee: ceremony fails', () => {
    const r = copy();
    move(r, 'trustee-ack', 'trustee-shares');
    reseal(r, demo.secrets);
    expectCaught(r, 'ceremony', /trustee 1 acknowledged before the shares sent to it/);
  });

  it('a trustee’s commitment changed: ceremony fails on its proof and on K', () => {
    const r = copy();
    editPayload<CommitmentsPayload>(eventsOfType(r, 'trustee-commitments')[2]!, (p) => {
      p.coefficients[0]!.C = someKey();
      return p;
    });
    reseal(r, demo.secrets);
    expectCaught(r, 'ceremony', /trustee 3: proof for coefficient 0 fails/);
  });
});

describe('SPEC §8.6 tally', () => {
  it('an altered encrypted tally, decrypted and certified in good faith: only tally catches it', () => {
    const r = copy();
    recount(r, demo.secrets, (t) => t.map((q, qi) => (qi === 0 ? [q[1]!, q[0]!, ...q.slice(2)] : q)));
    expectCaught(r, 'tally', /question q1, option 0: published sum differs from the sum of the ballots/);
  });

  it('an encrypted tally with an extra option entry: tally fails', () => {
    const r = copy();
    editPayload<TallyPayload>(onlyEvent(r, 'encrypted-tally'), (p) => {
      p.questions[1]!.options.push(p.questions[1]!.options[0]!);
      return p;
    });
    reseal(r, demo.secrets);
    // The shares cannot be matched to a tally of another shape either.
    expectCaught(r, 'tally', /question q2: the tally has 4 options, the manifest 3/, ['tally', 'decryption']);
  });

  it('poll-closed counting a different number of ballots: tally fails', () => {
    const r = copy();
    editPayload<{ ballots: number }>(onlyEvent(r, 'poll-closed'), (p) => ({ ballots: p.ballots + 1 }));
    reseal(r, demo.secrets);
    expectCaught(r, 'tally', /poll-closed counts a different number of ballots/);
  });
});

describe('SPEC §8.7 decryption', () => {
  it('an altered decryption share (D + G, proof kept): decryption names the share and option', () => {
    const r = copy();
    const e = eventsOfType(r, 'decryption-share')[0]!;
    const { index } = payloadOf<DecryptionSharePayload>(e);
    editPayload<DecryptionSharePayload>(e, (p) => {
      const o = p.questions[1]!.options[2]!;
      o.D = b64(encodePoint(decodePoint(fromBase64url(o.D, 32), true).add(G)));
      return p;
    });
    reseal(r, demo.secrets);
    expectCaught(
      r,
      'decryption',
      new RegExp(`trustee ${index}, question q2, option 2: decryption proof does not verify`),
    );
  });

  it('a result count moved to another option (blank unchanged, certified again): decryption catches it', () => {
    const r = copy();
    editPayload<ResultPayload>(onlyEvent(r, 'result'), (p) => {
      const q = p.questions.find((x) => x.counts.some((c) => c > 0))!;
      const from = q.counts.findIndex((c) => c > 0);
      q.counts[from]! -= 1;
      q.counts[(from + 1) % q.counts.length]! += 1;
      return p;
    });
    reseal(r, demo.secrets);
    expectCaught(r, 'decryption', /decrypted counts .* differ from the published result/);
  });
});

describe('SPEC §8.8 result', () => {
  it('a blank count changed: result fails', () => {
    const r = copy();
    editPayload<ResultPayload>(onlyEvent(r, 'result'), (p) => {
      p.questions[0]!.blank += 1;
      return p;
    });
    reseal(r, demo.secrets);
    expectCaught(r, 'result', /question q1: blank/);
  });

  it('the ballot count changed: result fails', () => {
    const r = copy();
    editPayload<ResultPayload>(onlyEvent(r, 'result'), (p) => ({ ...p, ballots: p.ballots + 1 }));
    reseal(r, demo.secrets);
    expectCaught(r, 'result', /ballots: 5, the record holds 4/);
  });

  it('an event before the result changed (attendance) with the result not sealed again: recordHead catches it', () => {
    const r = copy();
    editPayload<{ present: number }>(onlyEvent(r, 'attendance'), (p) => ({ ...p, present: p.present - 1 }));
    rechain(r.events);
    // The certifications still sign the old result bytes, which are unchanged: only result can see it.
    expectCaught(r, 'result', /recordHead is not the hash of the event before the result/);
  });

  it('a certified countedAt passes; one that is not a whole number of milliseconds fails result', () => {
    const good = copy();
    editPayload<ResultPayload>(onlyEvent(good, 'result'), (p) => ({
      ...p,
      countedAt: Date.UTC(2026, 0, 8, 7, 5),
    }));
    reseal(good, demo.secrets);
    expect(failingChecks(verify(good))).toEqual([]);
    const bad = copy();
    editPayload<ResultPayload>(onlyEvent(bad, 'result'), (p) => ({
      ...p,
      countedAt: '08/01/2026' as unknown as number,
    }));
    reseal(bad, demo.secrets);
    expectCaught(bad, 'result', /countedAt: a whole number of milliseconds/);
  });

  it('details added to the attendance after the count (the result not sealed again): recordHead catches it', () => {
    const r = copy();
    editPayload<object>(onlyEvent(r, 'attendance'), (p) => ({ ...p, details: { chair: 'Người khác' } }));
    rechain(r.events);
    expectCaught(r, 'result', /recordHead is not the hash of the event before the result/);
  });
});

describe('SPEC §8.9 certification', () => {
  it('a certification by a non-trustee (index n + 1): certification fails', () => {
    const r = copy();
    const e = eventsOfType(r, 'certification').at(-1)!;
    const outsider = ed25519Keygen(random);
    const message = certificationMessage(demo.secrets.mc.manifestHash, onlyEvent(r, 'result').payload);
    e.payload = JSON.stringify({ index: 4, signature: b64(ed25519Sign(message, outsider.secretKey)) });
    rechain(r.events);
    expectCaught(r, 'certification', /4 is not a trustee/);
  });

  it('a certification in a trustee’s name signed by someone else: certification fails', () => {
    const r = copy();
    const e = eventsOfType(r, 'certification').at(-1)!;
    const absent = [1, 2, 3].find((i) => !demo.trusteesUsed.includes(i))!;
    const outsider = ed25519Keygen(random);
    const message = certificationMessage(demo.secrets.mc.manifestHash, onlyEvent(r, 'result').payload);
    e.payload = JSON.stringify({ index: absent, signature: b64(ed25519Sign(message, outsider.secretKey)) });
    rechain(r.events);
    expectCaught(r, 'certification', new RegExp(`trustee ${absent}’s signature is not over this result`));
  });

  it('a trustee’s certification over another result: certification fails', () => {
    const r = copy();
    const e = eventsOfType(r, 'certification')[0]!;
    const { index } = payloadOf<{ index: number }>(e);
    const key = demo.secrets.keyShares.find((k) => k.index === index)!.signingKey;
    const result = payloadOf<ResultPayload>(onlyEvent(r, 'result'));
    const otherResult = JSON.stringify({ ...result, activated: result.activated + 1 });
    const message = certificationMessage(demo.secrets.mc.manifestHash, otherResult);
    e.payload = JSON.stringify({ index, signature: b64(ed25519Sign(message, key)) });
    rechain(r.events);
    expectCaught(r, 'certification', new RegExp(`trustee ${index}’s signature is not over this result`));
  });
});

describe('SPEC §8.1 chain', () => {
  it('an event’s parent changed to another event’s hash: chain fails at that event', () => {
    const r = copy();
    const e = ballotEvent(r, 2);
    e.parent = b64(eventHash(r.events[0]!));
    expectCaught(r, 'chain', new RegExp(`event ${e.height} \\(ballot\\): parent does not match`));
  });
});

describe('SPEC §0 non-canonical points (edff…7f, a non-canonical 0)', () => {
  it('in a ballot’s ciphertext, where the identity itself would be allowed: ballots refuses the encoding', () => {
    const r = copy();
    const ballot = payloadOf<BallotPayload>(ballotEvent(r, 0));
    ballot.questions[0]!.options[0]!.alpha = NON_CANONICAL_POINT;
    setBallot(r, 0, ballot);
    reseal(r, demo.secrets);
    // The ballot cannot be decoded, so it is left out of the recomputed sum: tally differs too.
    expectCaught(r, 'ballots', /not a canonical ristretto255 encoding/, ['ballots', 'tally']);
  });

  it('in the activated credential keys: credentials refuses it', () => {
    const r = copy();
    editPayload<{ keys: string[] }>(onlyEvent(r, 'credentials-activated'), (p) => {
      p.keys[0] = NON_CANONICAL_POINT;
      return p;
    });
    reseal(r, demo.secrets);
    // The voter whose key was replaced is then not activated (ballots), and activated differs (result).
    expectCaught(r, 'credentials', /not a canonical ristretto255 encoding/, [
      'credentials',
      'ballots',
      'result',
    ]);
  });

  it('in the joint key’s verification keys: ceremony refuses it', () => {
    const r = copy();
    editPayload<JointKeyPayload>(onlyEvent(r, 'joint-key'), (p) => {
      p.verificationKeys[0]!.key = NON_CANONICAL_POINT;
      return p;
    });
    reseal(r, demo.secrets);
    const report = verify(r);
    expect(checkOf(report, 'ceremony').status).toBe('fail');
    expect(
      checkOf(report, 'ceremony')
        .problems.map((p) => p.text)
        .join(),
    ).toMatch(/not a canonical ristretto255 encoding/);
    expect(report.ok).toBe(false);
  });

  it('in the encrypted tally: tally fails', () => {
    const r = copy();
    editPayload<TallyPayload>(onlyEvent(r, 'encrypted-tally'), (p) => {
      p.questions[0]!.options[0]!.B = NON_CANONICAL_POINT;
      return p;
    });
    reseal(r, demo.secrets);
    expectCaught(r, 'tally', /question q1, option 0: published sum differs/, ['tally', 'decryption']);
    expect(
      checkOf(verify(r), 'decryption')
        .problems.map((p) => p.text)
        .join(),
    ).toMatch(/not a canonical/);
  });
});

describe('SPEC §0 scalars ≥ ℓ (z + ℓ: the same value mod ℓ, so only the canonical check can refuse it)', () => {
  it('a ballot signature’s z: ballots refuses it', () => {
    const r = copy();
    const ballot = payloadOf<BallotPayload>(ballotEvent(r, 3));
    ballot.signature.z = plusOrder(ballot.signature.z);
    setBallot(r, 3, ballot);
    reseal(r, demo.secrets);
    expectCaught(r, 'ballots', /value ≥ ℓ/, ['ballots', 'tally']);
  });

  it('a decryption proof’s z: decryption refuses it', () => {
    const r = copy();
    editPayload<DecryptionSharePayload>(eventsOfType(r, 'decryption-share')[1]!, (p) => {
      const proof = p.questions[0]!.options[1]!.proof;
      proof.z = plusOrder(proof.z);
      return p;
    });
    reseal(r, demo.secrets);
    expectCaught(r, 'decryption', /value ≥ ℓ/);
  });

  it('a trustee’s proof of knowledge z: ceremony refuses it', () => {
    const r = copy();
    editPayload<CommitmentsPayload>(eventsOfType(r, 'trustee-commitments')[1]!, (p) => {
      p.coefficients[1]!.pok.z = plusOrder(p.coefficients[1]!.pok.z);
      return p;
    });
    reseal(r, demo.secrets);
    expectCaught(r, 'ceremony', /trustee 2: proof for coefficient 1 fails/);
  });
});
