// Known-answer vectors (issue 2): test/vectors/kat.json is frozen; generate.ts regenerates every item from the
// same seeds and must give the same bytes, so a change to any byte the protocol produces (SPEC §0–§7) fails
// here. Each frozen item is also checked on its own terms (its proofs verify, its record passes SPEC §8),
// so the frozen file cannot drift into vectors that are merely self-consistent.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allRelationsHold,
  type BallotPayload,
  base64url as b64,
  type CommitmentsPayload,
  checkBallot,
  checkDecryptionShare,
  commitmentProblems,
  confirmationCode,
  credentialFromToken,
  type DecryptionSharePayload,
  decodePoint,
  decodeTally,
  encodeScalar,
  fromBase64url,
  type JointKeyPayload,
  jointKeyPayload,
  type MeetingRecord,
  manifestHash,
  meetingContext,
  parseTokenText,
  receiptValid,
  type TallyPayload,
  verificationKeysOf,
  verifyPok,
  verifyRecord,
} from '../../crypto/index.ts';
import { type EncodedCiphertext, zeroOrOneRelations } from '../../crypto/proofs/zero-or-one.ts';
import { KAT_FILE, KAT_MANIFEST, type KatItems, katFileText, katItems } from '../vectors/generate.ts';

const frozenText = readFileSync(KAT_FILE, 'utf8');
const frozen = JSON.parse(frozenText) as { items: KatItems };
const items = frozen.items;
const MANIFEST_TEXT = JSON.stringify(KAT_MANIFEST);
const unhex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));

let fresh: KatItems;
beforeAll(() => {
  fresh = katItems();
});

describe('kat.json regenerates byte for byte from its seeds', () => {
  it.each(Object.keys(items) as Array<keyof KatItems>)('item %s', (key) => {
    expect(JSON.stringify(fresh[key], null, 2)).toBe(JSON.stringify(items[key], null, 2));
  });

  it('the whole file', () => {
    expect(katFileText(fresh)).toBe(frozenText);
  });
});

describe('the frozen vectors stand on their own', () => {
  it('SPEC §0: every tag’s H differs and Hq is H mod ℓ; enc separates ("ab","c") from ("a","bc")', () => {
    // A string is its UTF-8 bytes (SPEC §0): "" and the empty byte string are the same argument…
    const emptyText = items.hash.find((c) => JSON.stringify(c.args) === '[{"utf8":""}]')!;
    const emptyBytes = items.hash.find((c) => JSON.stringify(c.args) === '[{"hex":""}]')!;
    expect(emptyText.H).toBe(emptyBytes.H);
    // …and every other pair of cases hashes differently.
    const hs = items.hash.filter((c) => c !== emptyBytes).map((c) => c.H);
    expect(new Set(hs).size).toBe(hs.length);
    const ab = items.hash.filter((c) => c.args.length === 2).map((c) => c.H);
    expect(ab).toHaveLength(2);
    expect(ab[0]).not.toBe(ab[1]);
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    for (const c of items.hash) {
      const le = BigInt(`0x${Buffer.from(unhex(c.H)).reverse().toString('hex')}`) % L;
      expect(BigInt(`0x${Buffer.from(unhex(c.Hq)).reverse().toString('hex')}`)).toBe(le);
    }
  });

  it('SPEC §3: the card’s token text reads back to the token, whose credential is the frozen sk and pk', () => {
    const c = items.credential;
    expect(Buffer.from(parseTokenText(c.tokenDisplay)).toString('hex')).toBe(c.token);
    const credential = credentialFromToken(c.meetingId, unhex(c.token));
    expect(b64(credential.pk)).toBe(c.pk);
    expect(Buffer.from(encodeScalar(credential.sk)).toString('hex')).toBe(c.sk);
    expect(c.cardUrl).toBe(`https://phieukin.example/v/${c.meetingId}#${c.tokenText}`);
  });

  it('SPEC §2: the proof of knowledge verifies, and not under another label', () => {
    const p = items.pok;
    const proof = { A: fromBase64url(p.proof.A, 32), z: fromBase64url(p.proof.z, 32) };
    const X = fromBase64url(p.X, 32);
    expect(p.manifestHash).toBe(Buffer.from(manifestHash(MANIFEST_TEXT)).toString('hex'));
    expect(verifyPok(unhex(p.manifestHash), unhex(p.label), X, proof)).toBe(true);
    expect(verifyPok(unhex(p.manifestHash), unhex(`${p.label}00`), X, proof)).toBe(false);
  });

  it('SPEC §4: both zero-or-one proofs verify, and each fails against the other value', () => {
    const z = items.zeroOrOne;
    const K = decodePoint(fromBase64url(z.K, 32));
    const ctx = fromBase64url(z.ctx, 64);
    const ciphertext = (alpha: string, beta: string): EncodedCiphertext => {
      const alphaBytes = fromBase64url(alpha, 32);
      const betaBytes = fromBase64url(beta, 32);
      return {
        alpha: decodePoint(alphaBytes, true),
        beta: decodePoint(betaBytes, true),
        alphaBytes,
        betaBytes,
      };
    };
    const proofOf = (p: Record<string, string>) =>
      Object.fromEntries(Object.entries(p).map(([f, v]) => [f, fromBase64url(v, 32)])) as never;
    for (const c of z.cases) {
      const ct = ciphertext(c.alpha, c.beta);
      expect(allRelationsHold(zeroOrOneRelations(ctx, unhex(c.label), ct, proofOf(c.proof), K))).toBe(true);
    }
    const [zero, one] = z.cases;
    const swapped = ciphertext(one!.alpha, one!.beta);
    expect(
      allRelationsHold(zeroOrOneRelations(ctx, unhex(zero!.label), swapped, proofOf(zero!.proof), K)),
    ).toBe(false);
  });

  it('SPEC §2: the ceremony’s proofs verify and its joint key is recomputed from the commitments', () => {
    const mh = manifestHash(MANIFEST_TEXT);
    const commitments = items.ceremony.commitments as CommitmentsPayload[];
    for (const c of commitments) expect(commitmentProblems(mh, c, KAT_MANIFEST.trustees)).toEqual([]);
    expect(jointKeyPayload(mh, 1, commitments)).toEqual(items.ceremony.jointKey);
  });

  it('SPEC §4: the ballot verifies, with the frozen ballot hash and confirmation code', () => {
    const mc = meetingContext(MANIFEST_TEXT, (items.ceremony.jointKey as JointKeyPayload).K);
    const checked = checkBallot(mc, items.ballot.ballot as BallotPayload);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(b64(checked.statements.ballotHash)).toBe(items.ballot.ballotHash);
    expect(confirmationCode(checked.statements.ballotHash)).toBe(items.ballot.confirmationCode);
  });

  it('SPEC §5: the decryption share’s proofs verify against K_i and the frozen tally', () => {
    const jointKey = items.ceremony.jointKey as JointKeyPayload;
    const mc = meetingContext(MANIFEST_TEXT, jointKey.K);
    const share = items.decryptionShare.share as DecryptionSharePayload;
    const tally = decodeTally(mc, items.decryptionShare.tally as TallyPayload);
    const Ki = verificationKeysOf(jointKey).get(share.index)!;
    expect(checkDecryptionShare(mc, Ki, tally, share).ok).toBe(true);
  });

  it('SPEC §7: the receipt for the first ballot verifies under the poll-opened key, and not for another height', () => {
    const { serverKey, receipt } = items.receipt;
    const record = items.record as MeetingRecord;
    const opened = record.events.find((e) => e.type === 'poll-opened')!;
    expect(JSON.parse(opened.payload).serverKey).toBe(serverKey);
    const ballot = record.events.find((e) => e.type === 'ballot')!;
    expect(receipt.height).toBe(ballot.height);
    expect(receipt.ballotHash).toBe(items.ballot.ballotHash);
    expect(receiptValid(receipt, serverKey)).toBe(true);
    expect(receiptValid({ ...receipt, height: receipt.height + 1 }, serverKey)).toBe(false);
    expect(receiptValid({ ...receipt, meetingId: `${receipt.meetingId}x` }, serverKey)).toBe(false);
  });

  it('SPEC §8: the frozen record passes every check', () => {
    const report = verifyRecord(items.record as MeetingRecord);
    expect(report.checks.map((c) => `${c.name}:${c.status}`)).toEqual(
      report.checks.map((c) => `${c.name}:pass`),
    );
    expect(report.confirmationCodes[0]).toBe(items.ballot.confirmationCode);
  });
});
