// Shared by the record tests: a seeded demo meeting with its secrets, and the ways a forger would make a
// changed record look sound again (re-chaining, re-sealing the result, re-counting honestly) so that the
// check a test names is the one that has to catch the change.

import { ballotStatements } from '../../crypto/ballot.ts';
import {
  addScalars,
  encodePoint,
  encodeScalar,
  G,
  mulScalars,
  mulSecret,
  randomScalar,
} from '../../crypto/group.ts';
import {
  type BallotPayload,
  base64url as b64,
  type CheckName,
  type Credential,
  certifyResult,
  checkDecryptionShare,
  combineShares,
  decryptionShare,
  type EncryptedTally,
  type EventType,
  eventHash,
  Hq,
  type MeetingContext,
  type MeetingRecord,
  type Point,
  type RandomSource,
  type RecordEvent,
  type ResultPayload,
  sumCiphertexts,
  TAG,
  tallyPayload,
  type VerifyReport,
  verifyRecord,
} from '../../crypto/index.ts';
import { seededRandom } from '../../crypto/random.ts';
import { type DemoSecrets, runDemoMeeting } from '../../src/demo/meeting.ts';

export type Demo = { record: MeetingRecord; secrets: DemoSecrets; trusteesUsed: number[] };

export type DemoShape = {
  voters: number;
  questions: number;
  options: number;
  trustees: { n: number; k: number };
  /** How many of the voters vote on paper ballots (SPEC §3.1). */
  paperVoters?: number;
};

/** A seeded demo meeting (rule set "none") together with the secrets of its participants. */
export function seededDemo(seed: string, shape: DemoShape): Demo {
  const m = runDemoMeeting({
    ...shape,
    random: seededRandom(seed),
    meetingId: `test-${seed}`,
    keepSecrets: true,
  });
  if (!m.secrets) throw new Error('runDemoMeeting did not return its secrets');
  return { record: m.record, secrets: m.secrets, trusteesUsed: m.trusteesUsed };
}

export const clone = <T>(x: T): T => structuredClone(x);

export const payloadOf = <T>(event: RecordEvent): T => JSON.parse(event.payload) as T;

/** Rewrites an event's payload string from the edited JSON. */
export function editPayload<T>(event: RecordEvent, edit: (payload: T) => T | undefined): void {
  const p = payloadOf<T>(event);
  event.payload = JSON.stringify(edit(p) ?? p);
}

export const eventsOfType = (record: MeetingRecord, type: EventType): RecordEvent[] =>
  record.events.filter((e) => e.type === type);

export function onlyEvent(record: MeetingRecord, type: EventType): RecordEvent {
  const found = eventsOfType(record, type);
  if (found.length !== 1) throw new Error(`expected one ${type} event, found ${found.length}`);
  return found[0]!;
}

/** Recomputes every parent from `from` on (SPEC §6), as anyone rewriting the record would. */
export function rechain(events: RecordEvent[], from = 1): void {
  for (let h = Math.max(from, 1); h < events.length; h++) events[h]!.parent = b64(eventHash(events[h - 1]!));
}

/** Renumbers heights after an insertion, then re-chains. */
export function renumber(events: RecordEvent[]): void {
  events.forEach((e, i) => {
    e.height = i;
  });
  rechain(events);
}

/**
 * Re-chains, points the result's recordHead at the (new) event before it, and has the trustees who
 * certified sign the result again: after this, neither `chain`, nor the recordHead part of `result`, nor
 * `certification` can see the change, so the check a test names has to.
 */
export function reseal(record: MeetingRecord, secrets: DemoSecrets): void {
  const events = record.events;
  const r = events.findIndex((e) => e.type === 'result');
  if (r < 0) {
    rechain(events);
    return;
  }
  rechain(events);
  editPayload<ResultPayload>(events[r]!, (p) => ({ ...p, recordHead: b64(eventHash(events[r - 1]!)) }));
  rechain(events, r);
  recertify(record, secrets);
}

/** Each certification event is signed again by its trustee over the record's current result. */
export function recertify(record: MeetingRecord, secrets: DemoSecrets): void {
  const result = onlyEvent(record, 'result');
  for (const e of eventsOfType(record, 'certification')) {
    const { index } = payloadOf<{ index: number }>(e);
    const key = secrets.keyShares.find((k) => k.index === index);
    if (key)
      e.payload = JSON.stringify(
        certifyResult(secrets.mc.manifestHash, result.payload, index, key.signingKey),
      );
  }
  rechain(record.events);
}

/**
 * Replaces everything after `poll-closed` by an honest count of the ballots as they now stand: the tally
 * summed from the published ciphertexts (then passed through `alterTally`, to model a server publishing a
 * wrong tally that the trustees decrypt in good faith), the same trustees' shares, result and certifications.
 */
export function recount(
  record: MeetingRecord,
  secrets: DemoSecrets,
  alterTally: (t: EncryptedTally) => EncryptedTally = (t) => t,
  random: RandomSource = seededRandom('recount'),
): void {
  const { mc } = secrets;
  const events = record.events;
  const original = payloadOf<ResultPayload>(onlyEvent(record, 'result'));
  const closed = events.findIndex((e) => e.type === 'poll-closed');
  events.length = closed + 1;
  rechain(events);
  const append = (type: EventType, payload: object | string) => {
    const previous = events.at(-1)!;
    events.push({
      height: previous.height + 1,
      parent: b64(eventHash(previous)),
      type,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  };
  const ballots = events
    .filter((e) => e.type === 'ballot')
    .map((e) => ballotStatements(mc, JSON.parse(e.payload)).ciphertexts);
  const tally = alterTally(sumCiphertexts(mc, ballots));
  append('encrypted-tally', tallyPayload(mc, tally));
  const decrypted = new Map<number, Point[][]>();
  for (const index of original.trusteesUsed) {
    const keyShare = secrets.keyShares.find((k) => k.index === index)!;
    const share = decryptionShare(mc, keyShare, tally, random);
    append('decryption-share', share);
    const checked = checkDecryptionShare(mc, mulSecret(G, keyShare.share), tally, share, random);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    decrypted.set(index, checked.D);
  }
  const result: ResultPayload = {
    ...original,
    ballots: ballots.length,
    questions: combineShares(mc, tally, decrypted, ballots.length),
    recordHead: b64(eventHash(events.at(-1)!)),
  };
  const resultText = JSON.stringify(result);
  append('result', resultText);
  for (const index of original.trusteesUsed) {
    const keyShare = secrets.keyShares.find((k) => k.index === index)!;
    append('certification', certifyResult(mc.manifestHash, resultText, index, keyShare.signingKey));
  }
}

/** Signs a (possibly altered) ballot again with a credential (SPEC §4 signature by the credential). */
export function signBallot(
  mc: MeetingContext,
  ballot: BallotPayload,
  credential: Credential,
  random: RandomSource = seededRandom('sign'),
): BallotPayload {
  const { ballotHash } = ballotStatements(mc, ballot);
  const w = randomScalar(random);
  const A = encodePoint(mulSecret(G, w));
  const c = Hq(TAG.ballotSig, mc.ctx, credential.pk, ballotHash, A);
  return {
    ...ballot,
    signature: { A: b64(A), z: b64(encodeScalar(addScalars(w, mulScalars(c, credential.sk)))) },
  };
}

export const verify = (record: MeetingRecord | string): VerifyReport => verifyRecord(record);

export const failingChecks = (report: VerifyReport): CheckName[] =>
  report.checks.filter((c) => c.status === 'fail').map((c) => c.name);

export function checkOf(report: VerifyReport, name: CheckName) {
  const check = report.checks.find((c) => c.name === name);
  if (!check) throw new Error(`no check named ${name}`);
  return check;
}
