// The heavy crypto of the server, as pure functions of plain JSON (so that a worker thread can run them):
// checking a ballot, summing ballots into the encrypted tally, checking a decryption share, combining
// shares into counts. The meeting context (with K's fixed-base table) is cached per meeting.
import {
  base64url as b64,
  checkBallot,
  checkDecryptionShare,
  combineShares,
  confirmationCode,
  type DecryptionSharePayload,
  decodePoint,
  decodeTally,
  fromBase64url,
  IDENTITY_POINT,
  type MeetingContext,
  meetingContext,
  type QuestionResult,
  sumCiphertexts,
  type TallyPayload,
  tallyPayload,
} from './protocol.ts';

/** What identifies a meeting's cryptographic context: its manifest string and its joint key K. */
export type MeetingRef = { manifest: string; jointKey: string };

export type BallotVerdict =
  | { ok: true; ballotHash: string; confirmationCode: string }
  | { ok: false; problems: string[] };

export type ShareVerdict = { ok: true } | { ok: false; problems: string[] };

const contexts = new Map<string, MeetingContext>();

export function contextFor(ref: MeetingRef): MeetingContext {
  const cached = contexts.get(ref.jointKey);
  if (cached && cached.manifestText === ref.manifest) return cached;
  const mc = meetingContext(ref.manifest, ref.jointKey);
  if (contexts.size >= 16) contexts.delete(contexts.keys().next().value!);
  contexts.set(ref.jointKey, mc);
  return mc;
}

export function verifyBallot(job: { meeting: MeetingRef; ballot: unknown }): BallotVerdict {
  const result = checkBallot(contextFor(job.meeting), job.ballot);
  if (!result.ok) return { ok: false, problems: result.problems.slice(0, 5) };
  const hash = result.statements.ballotHash;
  return { ok: true, ballotHash: b64(hash), confirmationCode: confirmationCode(hash) };
}

type BallotJson = { questions: { options: { alpha: string; beta: string }[] }[] };

/** The encrypted tally of these ballot payloads (strings as stored). */
export function sumBallots(job: { meeting: MeetingRef; ballots: string[] }): TallyPayload {
  const mc = contextFor(job.meeting);
  const decoded = job.ballots.map((payload) =>
    (JSON.parse(payload) as BallotJson).questions.map((q) =>
      q.options.map((o) => ({
        alpha: decodePoint(fromBase64url(o.alpha, 32), true),
        beta: decodePoint(fromBase64url(o.beta, 32), true),
      })),
    ),
  );
  return tallyPayload(mc, sumCiphertexts(mc, decoded));
}

/** Adds partial tallies (from several workers) into one. */
export function mergeTallies(meeting: MeetingRef, parts: TallyPayload[]): TallyPayload {
  const mc = contextFor(meeting);
  const empty = mc.manifest.questions.map((q) =>
    q.options.map(() => ({ alpha: IDENTITY_POINT, beta: IDENTITY_POINT })),
  );
  const decoded = parts.map((part) =>
    decodeTally(mc, part).map((options) => options.map((s) => ({ alpha: s.A, beta: s.B }))),
  );
  return tallyPayload(mc, sumCiphertexts(mc, decoded.length > 0 ? decoded : [empty]));
}

export function verifyShare(job: {
  meeting: MeetingRef;
  verificationKey: string;
  tally: TallyPayload;
  share: DecryptionSharePayload;
}): ShareVerdict {
  const mc = contextFor(job.meeting);
  try {
    const Ki = decodePoint(fromBase64url(job.verificationKey, 32));
    const result = checkDecryptionShare(mc, Ki, decodeTally(mc, job.tally), job.share);
    return result.ok ? { ok: true } : { ok: false, problems: result.problems.slice(0, 5) };
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
}

/** The counts from valid shares (SPEC §5); throws a DecryptionError when no count matches. */
export function combine(job: {
  meeting: MeetingRef;
  tally: TallyPayload;
  shares: DecryptionSharePayload[];
  ballots: number;
}): QuestionResult[] {
  const mc = contextFor(job.meeting);
  const shares = new Map(
    job.shares.map((share) => [
      share.index,
      share.questions.map((q) => q.options.map((o) => decodePoint(fromBase64url(o.D, 32), true))),
    ]),
  );
  return combineShares(mc, decodeTally(mc, job.tally), shares, job.ballots);
}
