// A whole meeting in one process (SPEC §2–§7), for `phieukin demo`, the benchmarks and the tests: the
// ceremony, the cards, the ballots, the close, k trustees decrypting, the result and its certification.
import {
  appendEvent,
  base64url as b64,
  type Choices,
  type Ciphertexts,
  type Credential,
  certifyResult,
  checkDecryptionShare,
  combineShares,
  compareBytes,
  credentialFromToken,
  dealShares,
  decryptionShare,
  type Ed25519Keys,
  ed25519Keygen,
  encryptBallot,
  eventHash,
  finishCeremony,
  jointKeyPayload,
  type Manifest,
  type MeetingContext,
  type MeetingRecord,
  manifestHash,
  meetingContext,
  newToken,
  type OutcomeFunction,
  type Point,
  type RandomSource,
  type RecordEvent,
  type ResultPayload,
  startCeremony,
  sumCiphertexts,
  type TrusteeKeyShare,
  tallyPayload,
  verificationKeysOf,
} from '../../crypto/index.ts';

export type DemoOptions = {
  voters: number;
  questions: number;
  options: number;
  trustees: { n: number; k: number };
  random: RandomSource;
  meetingId?: string;
  ruleSet?: string;
  /** Builds the manifest's questions and settings when a rule set needs its own options (the rules engine). */
  manifestFor?: (base: Manifest) => Manifest;
  outcome?: OutcomeFunction;
  /** How many of the voters (the last ones) vote on paper ballots (SPEC §3.1) rather than cards. */
  paperVoters?: number;
  /** Probability in percent that a voter leaves a question blank. */
  blankPercent?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Tests only: also return the secrets the meeting used (tokens, credentials, trustee shares). */
  keepSecrets?: boolean;
};

/**
 * What the participants of a demo meeting kept to themselves, returned only with `keepSecrets` (tests that
 * forge well-formed objects need them). A real meeting never gathers these in one place.
 */
export type DemoSecrets = {
  mc: MeetingContext;
  /** Per voter, in ballot order: the card's token and the credential derived from it. */
  tokens: Uint8Array[];
  credentials: Credential[];
  /** Per trustee, by index 1…n: s_j and the Ed25519 certification key. */
  keyShares: TrusteeKeyShare[];
  /** The receipt key whose public half is in `poll-opened`. */
  serverKey: Ed25519Keys;
};

export type DemoMeeting = {
  record: MeetingRecord;
  confirmationCodes: string[];
  trusteesUsed: number[];
  secrets?: DemoSecrets;
};

function demoManifest(o: DemoOptions): Manifest {
  const base: Manifest = {
    protocol: 'phieukin/v1',
    meetingId: o.meetingId ?? 'demo',
    title: 'Họp chi bộ (demo)',
    organisation: 'Chi bộ mẫu',
    kind: 'classification',
    ruleSet: o.ruleSet ?? 'none',
    electorate: o.voters,
    trustees: o.trustees,
    settings: {},
    questions: Array.from({ length: o.questions }, (_, q) => ({
      id: `q${q + 1}`,
      subjectId: `m${q + 1}`,
      subject: `Đảng viên ${q + 1}`,
      role: 'member',
      facts: [],
      prompt: 'Xếp loại',
      options: Array.from({ length: o.options }, (_, i) => ({ id: `o${i}`, label: `Mức ${i}` })),
    })),
  };
  return o.manifestFor ? o.manifestFor(base) : base;
}

/** A uniform integer in [0, n) from the random source (demo choices, not secrets). */
const pick = (random: RandomSource, n: number): number => {
  const b = random(4);
  return (((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0) % n;
};

export function runDemoMeeting(o: DemoOptions): DemoMeeting {
  const { random } = o;
  const progress = o.onProgress ?? (() => {});
  const events: RecordEvent[] = [];
  const manifest = demoManifest(o);
  const manifestText = JSON.stringify(manifest);
  const mh = manifestHash(manifestText);
  appendEvent(events, 'manifest', manifestText);

  const { n, k } = manifest.trustees;
  const started = Array.from({ length: n }, (_, i) =>
    startCeremony(mh, { round: 1, index: i + 1, n, k }, random),
  );
  const commitments = started.map((s) => s.commitments);
  for (const c of commitments) appendEvent(events, 'trustee-commitments', c);
  const shares = started.map((s) => dealShares(mh, s.secrets, commitments, random));
  for (const s of shares) appendEvent(events, 'trustee-shares', s);
  const keyShares: TrusteeKeyShare[] = [];
  for (const s of started) {
    const { ack, keyShare } = finishCeremony(mh, s.secrets, commitments, shares);
    appendEvent(events, 'trustee-ack', ack);
    if (!keyShare)
      throw new Error(`trustee ${s.secrets.index} complained against trustee ${ack.ok ? '' : ack.against}`);
    keyShares.push(keyShare);
  }
  const jointKey = jointKeyPayload(mh, 1, commitments);
  appendEvent(events, 'joint-key', jointKey);
  const mc = meetingContext(manifestText, jointKey.K);
  const verificationKeys = verificationKeysOf(jointKey);
  progress('ceremony', 1, 1);

  appendEvent(events, 'attendance', { summoned: o.voters, present: o.voters, excluded: 0 });
  const tokens = Array.from({ length: o.voters }, () => newToken(random));
  const credentials = tokens.map((token) => credentialFromToken(manifest.meetingId, token));
  const paper = Math.min(o.paperVoters ?? 0, credentials.length);
  const onCards = credentials.length - paper;
  const sortedKeys = (from: number, to: number) =>
    credentials
      .slice(from, to)
      .map((c) => c.pk)
      .sort(compareBytes)
      .map(b64);
  if (onCards > 0) appendEvent(events, 'credentials-activated', { keys: sortedKeys(0, onCards) });
  if (paper > 0)
    appendEvent(events, 'credentials-activated', {
      keys: sortedKeys(onCards, credentials.length),
      medium: 'paper',
    });
  const serverKey = ed25519Keygen(random);
  appendEvent(events, 'poll-opened', { serverKey: b64(serverKey.publicKey) });

  const blank = o.blankPercent ?? 10;
  // Like a real chi bộ, most voters agree on each subject: 70% pick the question's favourite option.
  const favouriteShare = 70;
  const favourites = manifest.questions.map((q) => pick(random, q.options.length));
  const ciphertexts: Ciphertexts[] = [];
  const confirmationCodes: string[] = [];
  for (const [v, credential] of credentials.entries()) {
    const choices: Choices = manifest.questions.map((q, i) => {
      if (pick(random, 100) < blank) return null;
      return pick(random, 100) < favouriteShare ? favourites[i]! : pick(random, q.options.length);
    });
    const cast = encryptBallot(mc, credential, choices, { random });
    // a paper ballot's first row, as if the reader was unsure of it and the board decided it (SPEC §3.1)
    const onPaper = v >= onCards;
    appendEvent(
      events,
      'ballot',
      onPaper ? { ...cast.ballot, decidedByHand: [manifest.questions[0]!.id] } : cast.ballot,
    );
    confirmationCodes.push(cast.confirmationCode);
    ciphertexts.push(cast.ciphertexts);
    progress('ballots', v + 1, o.voters);
  }
  appendEvent(events, 'poll-closed', { ballots: credentials.length });
  const tally = sumCiphertexts(mc, ciphertexts);
  appendEvent(events, 'encrypted-tally', tallyPayload(mc, tally));

  // With n > k one trustee stays away: the last k trustees decrypt, so trustee 1 is absent.
  const present = keyShares.slice(n - k);
  const decrypted = new Map<number, Point[][]>();
  for (const keyShare of present) {
    const share = decryptionShare(mc, keyShare, tally, random);
    appendEvent(events, 'decryption-share', share);
    const checked = checkDecryptionShare(mc, verificationKeys.get(keyShare.index)!, tally, share, random);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    decrypted.set(keyShare.index, checked.D);
  }
  const trusteesUsed = present.map((t) => t.index);
  const questions = combineShares(mc, tally, decrypted, credentials.length);
  const attendance = { summoned: o.voters, present: o.voters, excluded: 0 };
  const result: ResultPayload = {
    meetingId: manifest.meetingId,
    ctx: jointKey.ctx,
    ballots: credentials.length,
    activated: credentials.length,
    questions,
    ruleSet: manifest.ruleSet,
    outcome:
      manifest.ruleSet === 'none'
        ? null
        : (o.outcome?.({
            manifest,
            attendance,
            activated: credentials.length,
            ballots: credentials.length,
            questions,
          }) ?? null),
    trusteesUsed,
    recordHead: b64(eventHash(events.at(-1)!)),
    ...(paper > 0 ? { paperBallots: paper, decidedByHand: paper } : {}),
  };
  const resultText = JSON.stringify(result);
  appendEvent(events, 'result', resultText);
  for (const keyShare of present)
    appendEvent(events, 'certification', certifyResult(mh, resultText, keyShare.index, keyShare.signingKey));
  const record: MeetingRecord = { protocol: 'phieukin/v1', events };
  if (!o.keepSecrets) return { record, confirmationCodes, trusteesUsed };
  return {
    record,
    confirmationCodes,
    trusteesUsed,
    secrets: { mc, tokens, credentials, keyShares, serverKey },
  };
}
