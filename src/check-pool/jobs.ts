// The heavy crypto of the server, as pure functions of plain JSON (so that a worker thread can run them):
// checking a ballot, summing ballots into the encrypted tally, checking a decryption share, combining
// shares into counts. The meeting context (with K's fixed-base table) is cached per meeting.
import {
  addCiphertexts,
  base64url as b64,
  type CiphertextSums,
  type Ciphertexts,
  type Coordinates,
  checkBallots,
  checkDecryptionShare,
  combineShares,
  confirmationCode,
  coordinatesOf,
  type DecryptionSharePayload,
  decodePoint,
  decodeTally,
  type EncryptedTally,
  fromBase64url,
  IDENTITY_POINT,
  type MeetingContext,
  meetingContext,
  pointFromCoordinates,
  type QuestionResult,
  sealSums,
  sumCiphertexts,
  type TallyPayload,
  tallyPayload,
} from '../meeting/protocol.ts';

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

/** A ballot's ciphertexts as coordinates: per question, per option, [α, β]. */
export type CiphertextCoordinates = Array<Array<[Coordinates, Coordinates]>>;

/** A verdict with, for an accepted ballot, its decoded ciphertexts (the pool's running tally adds them). */
export type CheckedBallot = BallotVerdict & { ciphertexts?: CiphertextCoordinates };

/** Checks ballots of one meeting together (SPEC §4, batch rule across ballots); one verdict each, in order. */
function checkedBallots(meeting: MeetingRef, ballots: unknown[]): CheckedBallot[] {
  return checkBallots(contextFor(meeting), ballots).map((result) => {
    if (!result.ok) return { ok: false, problems: result.problems.slice(0, 5) };
    const { ballotHash, ciphertexts } = result.statements;
    return {
      ok: true,
      ballotHash: b64(ballotHash),
      confirmationCode: confirmationCode(ballotHash),
      ciphertexts: ciphertexts.map((q) => q.map((ct) => [coordinatesOf(ct.alpha), coordinatesOf(ct.beta)])),
    };
  });
}

/** The pool's job: ballots as their JSON text, parsed here on the worker thread, then checked together. */
export function verifyBallots(job: { meeting: MeetingRef; payloads: string[] }): CheckedBallot[] {
  const parsed = job.payloads.map((payload) => {
    try {
      return JSON.parse(payload) as unknown;
    } catch {
      return undefined;
    }
  });
  return checkedBallots(job.meeting, parsed);
}

export function verifyBallot(job: { meeting: MeetingRef; ballot: unknown }): BallotVerdict {
  const { ciphertexts: _, ...verdict } = checkedBallots(job.meeting, [job.ballot])[0]!;
  return verdict;
}

export const ciphertextsFrom = (coordinates: CiphertextCoordinates): Ciphertexts =>
  coordinates.map((q) =>
    q.map(([alpha, beta]) => ({ alpha: pointFromCoordinates(alpha), beta: pointFromCoordinates(beta) })),
  );

/** Running sums as coordinates, per question, per option, [A, B]. */
export type SumCoordinates = CiphertextCoordinates;

export const sumsToCoordinates = (sums: CiphertextSums): SumCoordinates =>
  sums.map((q) => q.map((s) => [coordinatesOf(s.A), coordinatesOf(s.B)]));

/** Adds a ballot's ciphertexts, as coordinates, into running sums. */
export function addCoordinates(sums: CiphertextSums, ballot: CiphertextCoordinates): void {
  addCiphertexts(sums, ciphertextsFrom(ballot));
}

/** The tally payload of running sums (the encoding is the costly part, hence a job of its own). */
export function sealTally(job: { meeting: MeetingRef; sums: SumCoordinates }): TallyPayload {
  const sums = ciphertextsFrom(job.sums).map((q) => q.map((ct) => ({ A: ct.alpha, B: ct.beta })));
  return tallyPayload(contextFor(job.meeting), sealSums(sums));
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

const tallies = new Map<string, { text: string; tally: EncryptedTally }>();

/** The published tally decoded (800 square roots for 100 × 4): once per meeting for its shares and counts. */
function decodedTally(ref: MeetingRef, mc: MeetingContext, payload: TallyPayload): EncryptedTally {
  const text = JSON.stringify(payload);
  const cached = tallies.get(ref.jointKey);
  if (cached?.text === text) return cached.tally;
  const tally = decodeTally(mc, payload);
  if (tallies.size >= 16) tallies.delete(tallies.keys().next().value!);
  tallies.set(ref.jointKey, { text, tally });
  return tally;
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
    const result = checkDecryptionShare(mc, Ki, decodedTally(job.meeting, mc, job.tally), job.share);
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
  return combineShares(mc, decodedTally(job.meeting, mc, job.tally), shares, job.ballots);
}
