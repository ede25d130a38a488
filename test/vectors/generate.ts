// Known-answer vectors for SPEC.md v1: `node bin/run-ts.js test/vectors/generate.ts` writes
// test/vectors/kat.json from fixed inputs and `seededRandom` seeds only. test/crypto/kat.test.ts regenerates
// every item with the same seeds and compares it byte for byte with the frozen file, so any change to the
// bytes the protocol produces shows up as a failing test. Regenerate only when SPEC.md itself changes, or
// when a function deliberately draws its randomness in another order (then say so in the commit: the
// self-standing checks of kat.test.ts must still pass on the new file).
//
// The meeting here is built step by step with the crypto API (not with src/demo), so a change to the demo's
// choices does not move the vectors. Secrets (tokens, sk, r) appear only where a vector needs them: these
// are test data from public seeds, never a real meeting's.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IDENTITY } from '../../crypto/group.ts';
import { type HashInput, label, type Tag } from '../../crypto/hash.ts';
import {
  appendEvent,
  base64url as b64,
  type Choices,
  type Ciphertexts,
  cardUrl,
  certifyResult,
  checkDecryptionShare,
  combineShares,
  compareBytes,
  contextHash,
  credentialFromToken,
  dealShares,
  decryptionShare,
  ed25519Keygen,
  encodePoint,
  encodeScalar,
  encryptBallot,
  eventHash,
  finishCeremony,
  G,
  H,
  Hq,
  jointKeyPayload,
  type Manifest,
  type MeetingRecord,
  manifestHash,
  meetingContext,
  type Point,
  provePok,
  type RecordEvent,
  type ResultPayload,
  randomScalar,
  seededRandom,
  signReceipt,
  startCeremony,
  sumCiphertexts,
  TAG,
  type TrusteeKeyShare,
  tallyPayload,
  tokenForDisplay,
  tokenText,
  transportLabel,
  verificationKeysOf,
} from '../../crypto/index.ts';
import { proveZeroOrOne } from '../../crypto/proofs/zero-or-one.ts';

export const KAT_FILE = join(dirname(fileURLToPath(import.meta.url)), 'kat.json');

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const scalarHex = (s: bigint) => hex(encodeScalar(s));

/** The meeting of the vectors: 3 voters, 2 questions of 3 options, trustees 3 of 2, rule set "none". */
export const KAT_MANIFEST: Manifest = {
  protocol: 'phieukin/v1',
  meetingId: 'kat-chi-bo-2025',
  title: 'Họp chi bộ: véc-tơ kiểm thử',
  organisation: 'Chi bộ Kiểm thử',
  kind: 'classification',
  ruleSet: 'none',
  electorate: 3,
  trustees: { n: 3, k: 2 },
  settings: {},
  questions: [
    {
      id: 'q1',
      subjectId: 'm1',
      subject: 'Nguyễn Văn A',
      role: 'member',
      facts: [],
      prompt: 'Xếp loại chất lượng',
      options: [
        { id: 'o0', label: 'Mức 0' },
        { id: 'o1', label: 'Mức 1' },
        { id: 'o2', label: 'Mức 2' },
      ],
    },
    {
      id: 'q2',
      subjectId: 'm2',
      subject: 'Trần Thị Bích',
      role: 'member',
      facts: [],
      prompt: 'Xếp loại chất lượng',
      options: [
        { id: 'o0', label: 'Mức 0' },
        { id: 'o1', label: 'Mức 1' },
        { id: 'o2', label: 'Mức 2' },
      ],
    },
  ],
};
const MANIFEST_TEXT = JSON.stringify(KAT_MANIFEST);
const ORIGIN = 'https://phieukin.example';
/** Per voter, per question: an option index or null (blank). */
const CHOICES: Choices[] = [
  [0, 2],
  [1, null],
  [0, 0],
];
/** Trustees 1 and 3 decrypt (2 is absent): the Lagrange coefficients of a set with a gap. */
const DECRYPTING = [1, 3];

type ArgJson = { utf8: string } | { u32: number } | { hex: string };
const argValue = (a: ArgJson): HashInput =>
  'utf8' in a ? a.utf8 : 'u32' in a ? a.u32 : Buffer.from(a.hex, 'hex');

/** H and Hq (SPEC §0) of every tag over the same arguments, plus the edge cases of enc. */
function hashVectors() {
  const common: ArgJson[] = [{ utf8: 'Đảng viên' }, { u32: 258 }, { hex: '00ff10' }];
  const cases: Array<{ tag: Tag; args: ArgJson[] }> = [
    ...Object.values(TAG).map((tag) => ({ tag, args: common })),
    { tag: TAG.event, args: [] },
    { tag: TAG.event, args: [{ utf8: '' }] },
    { tag: TAG.event, args: [{ hex: '' }] },
    { tag: TAG.event, args: [{ u32: 0 }] },
    { tag: TAG.event, args: [{ u32: 4294967295 }] },
    { tag: TAG.manifest, args: [{ utf8: 'ab' }, { utf8: 'c' }] },
    { tag: TAG.manifest, args: [{ utf8: 'a' }, { utf8: 'bc' }] },
  ];
  return cases.map(({ tag, args }) => {
    const values = args.map(argValue);
    return { tag, args, H: hex(H(tag, ...values)), Hq: scalarHex(Hq(tag, ...values)) };
  });
}

/** A card (SPEC §3): token, its text, the credential keys, the QR content. */
function credentialVector(token: Uint8Array) {
  const c = credentialFromToken(KAT_MANIFEST.meetingId, token);
  return {
    meetingId: KAT_MANIFEST.meetingId,
    token: hex(token),
    tokenText: tokenText(token),
    tokenDisplay: tokenForDisplay(token),
    sk: scalarHex(c.sk),
    pk: b64(c.pk),
    cardUrl: cardUrl(ORIGIN, KAT_MANIFEST.meetingId, token),
  };
}

/** A Schnorr proof of knowledge (SPEC §2) with the transport label of trustee 1. */
function pokVector() {
  const random = seededRandom('kat/pok');
  const x = randomScalar(random);
  const X = encodePoint(G.multiply(x));
  const mh = manifestHash(MANIFEST_TEXT);
  const L = transportLabel(1);
  const proof = provePok(mh, L, x, X, random);
  return {
    manifestHash: hex(mh),
    label: hex(L),
    x: scalarHex(x),
    X: b64(X),
    proof: { A: b64(proof.A), z: b64(proof.z) },
  };
}

/** Zero-or-one proofs (SPEC §4) for v = 0 and v = 1 under a fixed K and ctx. */
function zeroOrOneVector() {
  const random = seededRandom('kat/zero-or-one');
  const k = randomScalar(random);
  const K: Point = G.multiply(k);
  const KBytes = encodePoint(K);
  const ctx = contextHash(manifestHash(MANIFEST_TEXT), KBytes);
  const pk = encodePoint(G.multiply(randomScalar(random)));
  const cases = ([0, 1] as const).map((v) => {
    const r = randomScalar(random);
    const alpha = G.multiply(r);
    const beta = K.multiply(r).add(v === 1 ? G : IDENTITY);
    const ct = { alpha, beta, alphaBytes: encodePoint(alpha), betaBytes: encodePoint(beta) };
    const L = label(pk, 'q1', v);
    const p = proveZeroOrOne(ctx, L, ct, v, r, K, random);
    return {
      v,
      r: scalarHex(r),
      label: hex(L),
      alpha: b64(ct.alphaBytes),
      beta: b64(ct.betaBytes),
      proof: Object.fromEntries(Object.entries(p).map(([f, bytes]) => [f, b64(bytes)])),
    };
  });
  return { K: b64(KBytes), ctx: b64(ctx), pk: b64(pk), cases };
}

/** The whole KAT meeting, from its seeds, with the intermediate values the vectors quote. */
function katMeeting() {
  const events: RecordEvent[] = [];
  const mh = manifestHash(MANIFEST_TEXT);
  appendEvent(events, 'manifest', MANIFEST_TEXT);

  const { n, k } = KAT_MANIFEST.trustees;
  const ceremonyRandom = seededRandom('kat/ceremony');
  const started = Array.from({ length: n }, (_, i) =>
    startCeremony(mh, { round: 1, index: i + 1, n, k }, ceremonyRandom),
  );
  const commitments = started.map((s) => s.commitments);
  for (const c of commitments) appendEvent(events, 'trustee-commitments', c);
  const shares = started.map((s) => dealShares(mh, s.secrets, commitments, ceremonyRandom));
  for (const s of shares) appendEvent(events, 'trustee-shares', s);
  const keyShares: TrusteeKeyShare[] = [];
  const acks = started.map((s) => {
    const { ack, keyShare } = finishCeremony(mh, s.secrets, commitments, shares);
    if (!keyShare) throw new Error(`KAT ceremony: trustee ${s.secrets.index} complained`);
    keyShares.push(keyShare);
    appendEvent(events, 'trustee-ack', ack);
    return ack;
  });
  const jointKey = jointKeyPayload(mh, 1, commitments);
  appendEvent(events, 'joint-key', jointKey);
  const mc = meetingContext(MANIFEST_TEXT, jointKey.K);

  appendEvent(events, 'attendance', { summoned: 3, present: 3, excluded: 0 });
  const tokenRandom = seededRandom('kat/tokens');
  const tokens = CHOICES.map(() => tokenRandom(16));
  const credentials = tokens.map((t) => credentialFromToken(KAT_MANIFEST.meetingId, t));
  const keys = credentials.map((c) => c.pk).sort(compareBytes);
  appendEvent(events, 'credentials-activated', { keys: keys.map(b64) });
  const serverKey = ed25519Keygen(seededRandom('kat/server'));
  appendEvent(events, 'poll-opened', { serverKey: b64(serverKey.publicKey) });

  const ballotRandom = seededRandom('kat/ballots');
  const cast = CHOICES.map((choices, v) =>
    encryptBallot(mc, credentials[v]!, choices, { random: ballotRandom }),
  );
  // SPEC §7: the server's receipt for each accepted ballot, at the ballot's height.
  const receipts = cast.map((c) => {
    const event = appendEvent(events, 'ballot', c.ballot);
    return signReceipt(KAT_MANIFEST.meetingId, event.height, c.ballotHash, serverKey.secretKey);
  });
  appendEvent(events, 'poll-closed', { ballots: cast.length });
  const ciphertexts: Ciphertexts[] = cast.map((c) => c.ciphertexts);
  const tally = sumCiphertexts(mc, ciphertexts);
  appendEvent(events, 'encrypted-tally', tallyPayload(mc, tally));

  const shareRandom = seededRandom('kat/decryption');
  const verificationKeys = verificationKeysOf(jointKey);
  const decrypted = new Map<number, Point[][]>();
  const sharePayloads = DECRYPTING.map((index) => {
    const keyShare = keyShares.find((s) => s.index === index)!;
    const share = decryptionShare(mc, keyShare, tally, shareRandom);
    const checked = checkDecryptionShare(mc, verificationKeys.get(index)!, tally, share, shareRandom);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    decrypted.set(index, checked.D);
    appendEvent(events, 'decryption-share', share);
    return share;
  });
  const result: ResultPayload = {
    meetingId: KAT_MANIFEST.meetingId,
    ctx: jointKey.ctx,
    ballots: cast.length,
    activated: credentials.length,
    questions: combineShares(mc, tally, decrypted, cast.length),
    ruleSet: 'none',
    outcome: null,
    trusteesUsed: DECRYPTING,
    recordHead: b64(eventHash(events.at(-1)!)),
  };
  const resultText = JSON.stringify(result);
  appendEvent(events, 'result', resultText);
  for (const index of DECRYPTING) {
    const key = keyShares.find((s) => s.index === index)!.signingKey;
    appendEvent(events, 'certification', certifyResult(mh, resultText, index, key));
  }
  const record: MeetingRecord = { protocol: 'phieukin/v1', events };
  return {
    tokens,
    serverKey: b64(serverKey.publicKey),
    receipts,
    commitments,
    shares,
    acks,
    jointKey,
    cast,
    tally: tallyPayload(mc, tally),
    sharePayloads,
    record,
  };
}

/** Every item of kat.json, regenerated from the seeds. */
export function katItems() {
  const m = katMeeting();
  return {
    hash: hashVectors(),
    credential: credentialVector(m.tokens[0]!),
    pok: pokVector(),
    zeroOrOne: zeroOrOneVector(),
    ceremony: { commitments: m.commitments, shares: m.shares, acks: m.acks, jointKey: m.jointKey },
    ballot: {
      voter: 0,
      choices: CHOICES[0],
      ballot: m.cast[0]!.ballot,
      ballotHash: b64(m.cast[0]!.ballotHash),
      confirmationCode: m.cast[0]!.confirmationCode,
    },
    decryptionShare: { tally: m.tally, share: m.sharePayloads[0]! },
    receipt: { serverKey: m.serverKey, receipt: m.receipts[0]! },
    record: m.record,
  };
}

export type KatItems = ReturnType<typeof katItems>;

export function katFileText(items: KatItems = katItems()): string {
  const file = {
    about:
      'Known-answer vectors for phieukin SPEC.md v1, written by test/vectors/generate.ts from seededRandom seeds. ' +
      'Scalars and digests in hex (scalars little-endian), protocol bytes in base64url as in a record.',
    items,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync(KAT_FILE, katFileText());
  console.log(`wrote ${KAT_FILE}`);
}
