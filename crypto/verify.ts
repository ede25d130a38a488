// verifyRecord (SPEC §8): one named check per property, each pass, fail (with reasons) or pending (the
// meeting has not reached it). Depends on crypto/ only; the rules engine is passed in when the result
// has an outcome to recompute. Never throws on a bad record.
//
// The record is read as a stream (RecordVerifier): the chain is checked event by event, the ballots a
// group at a time as they arrive (checks/ballots.ts), and only the small events are kept, a ballot's
// payload let go once checked and added into the tally; every other check runs at the end on what was
// kept. The report is the one a reader holding the whole record would give. One difference, for a record
// whose chain already fails (a second joint-key event): the ballots are checked against the joint key
// published before them.
import { BallotsCheck } from './checks/ballots.ts';
import { ceremonyCheck } from './checks/ceremony.ts';
import { certificationCheck } from './checks/certification.ts';
import { ChainCheck, hashOrError } from './checks/chain.ts';
import { type CodeList, codeListProblems } from './checks/codes.ts';
import { type Activations, credentialsCheck } from './checks/credentials.ts';
import { decryptionCheck } from './checks/decryption.ts';
import { type Reason, reason } from './checks/reasons.ts';
import { type KeptRecord, type OutcomeFunction, resultCheck } from './checks/result.ts';
import { tallyCheck } from './checks/tally.ts';
import { type Manifest, manifestHash, parseManifest } from './manifest.ts';
import { type MeetingContext, meetingContext } from './meeting.ts';
import type { JointKeyPayload, PollOpenedPayload } from './payloads.ts';
import { type RandomSource, secureRandom } from './random.ts';
import type { MeetingRecord, RecordEvent } from './record.ts';
import { RecordSplitter } from './record-stream.ts';

export type { OutcomeFunction };

export const CHECKS = [
  'chain',
  'manifest',
  'ceremony',
  'credentials',
  'ballots',
  'tally',
  'decryption',
  'result',
  'certification',
] as const;
export type CheckName = (typeof CHECKS)[number];
export type CheckStatus = 'pass' | 'fail' | 'pending';
/** `problems` (when failing) and `note` (when pending) by code and parameters, each with its English text. */
export type Check = { name: CheckName; status: CheckStatus; problems: Reason[]; note?: Reason };

export type VerifyReport = {
  ok: boolean;
  checks: Check[];
  meetingId: string | null;
  ballots: number;
  /** How many of the ballots were cast with a paper ballot's credential (SPEC §3.1). */
  paperBallots: number;
  /** Confirmation codes of the ballots in the record, in record order (SPEC §4). */
  confirmationCodes: string[];
};

export type VerifyOptions = {
  random?: RandomSource;
  outcome?: OutcomeFunction;
  /** After each group of ballots: how many are checked, and how much of the record is read (the units
   * given to `read`: bytes, or characters of a string). */
  onProgress?: (progress: { ballots: number; read: number }) => void;
  /** The server's confirmation-code list, read after the record: check `ballots` also compares it. */
  codeList?: CodeList;
};

const pending = (name: CheckName, note: Reason): Check => ({ name, status: 'pending', problems: [], note });
const judged = (name: CheckName, problems: Reason[]): Check => ({
  name,
  status: problems.length === 0 ? 'pass' : 'fail',
  problems,
});

/** Runs one check; an exception (a malformed payload) is a failure of that check, not of the verifier. */
function guarded<T>(name: CheckName, run: () => T, onError: (c: Check) => void): T | null {
  try {
    return run();
  } catch (e) {
    onError(judged(name, [reason('record.malformed', { detail: (e as Error).message })]));
    return null;
  }
}

const TEXT_SLICE = 1 << 20;

/** Verifies a whole record, given as its text or as the parsed object. */
export function verifyRecord(
  input: MeetingRecord | string | unknown,
  options: VerifyOptions = {},
): VerifyReport {
  const verifier = new RecordVerifier(options);
  const text: string = typeof input === 'string' ? input : JSON.stringify(input);
  // in slices, so that only a slice's events are parsed at a time
  if (typeof text !== 'string') verifier.read(String(text));
  else for (let at = 0; at < text.length; at += TEXT_SLICE) verifier.read(text.slice(at, at + TEXT_SLICE));
  return verifier.finish(options.codeList);
}

/** Verifies a record read piece by piece (a file, a download), holding one group of ballots at a time. */
export async function verifyRecordStream(
  pieces: AsyncIterable<Uint8Array | string>,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const verifier = new RecordVerifier(options);
  for await (const piece of pieces) verifier.read(piece);
  return verifier.finish(options.codeList);
}

/** The verifier fed a piece at a time: `read` each piece in order, then `finish` for the report. */
export class RecordVerifier {
  private readonly random: RandomSource;
  private readonly splitter = new RecordSplitter();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly chain = new ChainCheck();
  private readonly kept: Omit<KeptRecord, 'paper'> = { events: [], hashes: [] };
  private unreadable: Error | null = null;
  private bytes = 0;
  /** The ballots check, once the joint key is known (null: the manifest or key cannot be read). */
  private ballots: BallotsCheck | null | undefined;
  /** Ballots that came before any joint key (a broken record), checked once one arrives. */
  private early: RecordEvent[] = [];

  constructor(private readonly options: Omit<VerifyOptions, 'codeList'> = {}) {
    this.random = options.random ?? secureRandom;
  }

  /** The result event's payload as stored, once read (the minutes print its hash). */
  get resultPayload(): string | null {
    return this.kept.events.find((e) => e.type === 'result')?.payload ?? null;
  }

  read(piece: Uint8Array | string): void {
    if (this.unreadable) return;
    this.bytes += piece.length;
    try {
      const text = typeof piece === 'string' ? piece : this.decoder.decode(piece, { stream: true });
      for (const event of this.splitter.push(text)) this.add(event);
    } catch (e) {
      this.unreadable = e as Error;
    }
  }

  private add(event: RecordEvent): void {
    const hash = hashOrError(event);
    this.chain.add(event, hash);
    this.kept.hashes.push(hash);
    if (event.type !== 'ballot') {
      this.kept.events.push(event);
      return;
    }
    this.kept.events.push({ ...event, payload: '' });
    if (this.ballots === undefined) this.ballots = this.ballotsCheck();
    if (this.ballots === undefined) this.early.push(event);
    else if (this.ballots) {
      for (const e of this.early.splice(0)) this.ballots.add(e);
      if (this.ballots.add(event)) this.progress();
    }
  }

  private progress(): void {
    this.options.onProgress?.({ ballots: this.ballots?.checked ?? 0, read: this.bytes });
  }

  /** The ballots check for the joint key read so far; undefined while there is none. */
  private ballotsCheck(): BallotsCheck | null | undefined {
    const events = this.kept.events;
    const jointKey = events.findLast((e) => e.type === 'joint-key');
    if (!jointKey) return undefined;
    try {
      const mc: MeetingContext = meetingContext(
        events[0]!.payload,
        (JSON.parse(jointKey.payload) as JointKeyPayload).K,
      );
      return new BallotsCheck(mc, this.random);
    } catch {
      return null;
    }
  }

  finish(codeList?: CodeList): VerifyReport {
    if (!this.unreadable) {
      try {
        this.read(this.decoder.decode());
        this.splitter.end();
      } catch (e) {
        this.unreadable = e as Error;
      }
    }
    if (this.early.length > 0) {
      this.ballots ??= this.ballotsCheck();
      if (this.ballots) for (const e of this.early.splice(0)) this.ballots.add(e);
    }
    const checks = new Map<CheckName, Check>();
    const put = (c: Check) => checks.set(c.name, c);
    const report = (meetingId: string | null, codes: string[] = [], paperBallots = 0): VerifyReport => {
      const list = CHECKS.map((name) => checks.get(name) ?? pending(name, reason('note.not_reached', {})));
      return {
        ok: list.every((c) => c.status === 'pass'),
        checks: list,
        meetingId,
        ballots: codes.length,
        paperBallots,
        confirmationCodes: codes,
      };
    };
    if (this.unreadable) {
      put(judged('chain', [reason('record.unreadable', { detail: this.unreadable.message })]));
      return report(null);
    }
    const { events } = this.kept;
    const random = this.random;
    put(judged('chain', this.chain.finish()));
    let manifest: Manifest;
    const manifestText = events[0]?.payload ?? '';
    try {
      manifest = parseManifest(manifestText);
      put(judged('manifest', []));
    } catch (e) {
      put(judged('manifest', [reason('manifest.invalid', { detail: (e as Error).message })]));
      return report(null);
    }
    const mh = manifestHash(manifestText);

    const ceremony = guarded('ceremony', () => ceremonyCheck(events, manifest, manifestText, mh), put);
    const credentials = guarded('credentials', () => credentialsCheck(events), put);
    if (credentials) put(judged('credentials', credentials.problems));
    const live: Activations = credentials?.activations ?? new Map();
    if (!ceremony) return report(manifest.meetingId);
    if (!ceremony.facts) {
      put(pending('ceremony', reason('note.no_joint_key', {})));
      return report(manifest.meetingId);
    }
    put(judged('ceremony', ceremony.problems));
    const { mc, signingKeys, verificationKeys } = ceremony.facts;

    const has = (type: RecordEvent['type']) => events.some((e) => e.type === type);
    const ballots = this.ballots ?? new BallotsCheck(mc, random);
    const cast = guarded('ballots', () => ballots.finish(live), put);
    if (!cast) return report(manifest.meetingId);
    this.progress();
    const opened = events.find((e) => e.type === 'poll-opened');
    const listProblems = codeList
      ? guarded(
          'ballots',
          () =>
            codeListProblems(codeList, {
              meetingId: manifest.meetingId,
              serverKey: opened ? (JSON.parse(opened.payload) as PollOpenedPayload).serverKey : null,
              lastHeight: events.at(-1)?.height ?? 0,
              ballots: cast.ballots,
            }),
          put,
        )
      : [];
    if (listProblems === null) return report(manifest.meetingId);
    put(
      opened
        ? judged('ballots', [...cast.problems, ...listProblems])
        : listProblems.length > 0
          ? judged('ballots', listProblems)
          : pending('ballots', reason('note.not_opened', {})),
    );
    const codes = cast.ballots.map((b) => b.confirmationCode);

    const tally = guarded('tally', () => tallyCheck(events, mc, ballots.sums), put);
    if (tally)
      put(has('encrypted-tally') ? judged('tally', tally) : pending('tally', reason('note.not_tallied', {})));
    const decryption = guarded(
      'decryption',
      () => decryptionCheck(events, mc, verificationKeys, random),
      put,
    );
    if (decryption)
      put(
        has('result') || decryption.length > 0
          ? judged('decryption', decryption)
          : pending('decryption', reason('note.no_result', {})),
      );
    const result = guarded(
      'result',
      () => resultCheck({ ...this.kept, paper: ballots.paper }, mc, live, this.options.outcome),
      put,
    );
    if (result)
      put(has('result') ? judged('result', result) : pending('result', reason('note.no_result', {})));
    const certification = guarded('certification', () => certificationCheck(events, mc, signingKeys), put);
    if (certification) {
      const k = manifest.trustees.k;
      put(
        certification.problems.length > 0 || certification.signed >= k
          ? judged('certification', certification.problems)
          : pending('certification', reason('note.signatures', { signed: certification.signed, k })),
      );
    }
    return report(manifest.meetingId, codes, cast.ballots.filter((b) => b.paper).length);
  }
}
