// verifyRecord (SPEC §8): one named check per property, each pass, fail (with reasons) or pending (the
// meeting has not reached it). Depends on crypto/ only; the rules engine is passed in when the result
// has an outcome to recompute. Never throws on a bad record.
import { ballotsCheck } from './checks/ballots.ts';
import { ceremonyCheck } from './checks/ceremony.ts';
import { certificationCheck } from './checks/certification.ts';
import { chainProblems } from './checks/chain.ts';
import { type CodeList, codeListProblems } from './checks/codes.ts';
import { type Activations, credentialsCheck } from './checks/credentials.ts';
import { decryptionCheck } from './checks/decryption.ts';
import { type OutcomeFunction, resultCheck } from './checks/result.ts';
import { tallyCheck } from './checks/tally.ts';
import { type Manifest, manifestHash, parseManifest } from './manifest.ts';
import type { PollOpenedPayload } from './payloads.ts';
import { type RandomSource, secureRandom } from './random.ts';
import { type MeetingRecord, parseRecord, type RecordEvent } from './record.ts';

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
export type Check = { name: CheckName; status: CheckStatus; problems: string[]; note?: string };

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
  onProgress?: (stage: CheckName, done: number, total: number) => void;
  /** The server's confirmation-code list, read after the record: check `ballots` also compares it. */
  codeList?: CodeList;
};

const pending = (name: CheckName, note: string): Check => ({ name, status: 'pending', problems: [], note });
const judged = (name: CheckName, problems: string[]): Check => ({
  name,
  status: problems.length === 0 ? 'pass' : 'fail',
  problems,
});

/** Runs one check; an exception (a malformed payload) is a failure of that check, not of the verifier. */
function guarded<T>(name: CheckName, run: () => T, onError: (c: Check) => void): T | null {
  try {
    return run();
  } catch (e) {
    onError({ name, status: 'fail', problems: [`malformed record: ${(e as Error).message}`] });
    return null;
  }
}

export function verifyRecord(
  input: MeetingRecord | string | unknown,
  options: VerifyOptions = {},
): VerifyReport {
  const random = options.random ?? secureRandom;
  const checks = new Map<CheckName, Check>();
  const put = (c: Check) => checks.set(c.name, c);
  const report = (meetingId: string | null, codes: string[] = [], paperBallots = 0): VerifyReport => {
    const list = CHECKS.map((name) => checks.get(name) ?? pending(name, 'not reached'));
    return {
      ok: list.every((c) => c.status === 'pass'),
      checks: list,
      meetingId,
      ballots: codes.length,
      paperBallots,
      confirmationCodes: codes,
    };
  };

  let events: RecordEvent[];
  try {
    events = parseRecord(typeof input === 'string' ? input : JSON.stringify(input)).events;
  } catch (e) {
    put({ name: 'chain', status: 'fail', problems: [(e as Error).message] });
    return report(null);
  }
  put(judged('chain', chainProblems(events)));

  let manifest: Manifest;
  const manifestText = events[0]?.payload ?? '';
  try {
    manifest = parseManifest(manifestText);
    put(judged('manifest', []));
  } catch (e) {
    put(judged('manifest', [(e as Error).message]));
    return report(null);
  }
  const mh = manifestHash(manifestText);

  const ceremony = guarded('ceremony', () => ceremonyCheck(events, manifest, manifestText, mh), put);
  const credentials = guarded('credentials', () => credentialsCheck(events), put);
  if (credentials) put(judged('credentials', credentials.problems));
  const live: Activations = credentials?.activations ?? new Map();
  if (!ceremony) return report(manifest.meetingId);
  if (!ceremony.facts) {
    put(pending('ceremony', 'no joint key yet'));
    return report(manifest.meetingId);
  }
  put(judged('ceremony', ceremony.problems));
  const { mc, signingKeys, verificationKeys } = ceremony.facts;

  const has = (type: RecordEvent['type']) => events.some((e) => e.type === type);
  const cast = guarded(
    'ballots',
    () => ballotsCheck(events, mc, live, random, (d, t) => options.onProgress?.('ballots', d, t)),
    put,
  );
  if (!cast) return report(manifest.meetingId);
  const opened = events.find((e) => e.type === 'poll-opened');
  const codeList = options.codeList;
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
        : pending('ballots', 'the poll has not opened'),
  );
  const codes = cast.ballots.map((b) => b.confirmationCode);

  const tally = guarded('tally', () => tallyCheck(events, mc, cast.sums), put);
  if (tally)
    put(has('encrypted-tally') ? judged('tally', tally) : pending('tally', 'the poll has not been tallied'));
  const decryption = guarded('decryption', () => decryptionCheck(events, mc, verificationKeys, random), put);
  if (decryption)
    put(
      has('result') || decryption.length > 0
        ? judged('decryption', decryption)
        : pending('decryption', 'no result yet'),
    );
  const result = guarded('result', () => resultCheck(events, mc, live, options.outcome), put);
  if (result) put(has('result') ? judged('result', result) : pending('result', 'no result yet'));
  const certification = guarded('certification', () => certificationCheck(events, mc, signingKeys), put);
  if (certification) {
    const k = manifest.trustees.k;
    put(
      certification.problems.length > 0 || certification.signed >= k
        ? judged('certification', certification.problems)
        : pending('certification', `${certification.signed} of the ${k} signatures needed`),
    );
  }
  return report(manifest.meetingId, codes, cast.ballots.filter((b) => b.paper).length);
}
