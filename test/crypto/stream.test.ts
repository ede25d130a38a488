// The streaming verifier (SPEC §8 read as the record arrives): a record cut into pieces anywhere (inside a
// payload, an escape, a multi-byte letter of the manifest) gives the report the whole text gives; a bad
// ballot in the middle of the stream, in a later group of ballots, is found and named alone; a record
// cut short is refused as truncated, with no check judged on half a record.
import { beforeAll, describe, expect, it } from 'vitest';
import { BALLOTS_PER_BATCH } from '../../crypto/checks/ballots.ts';
import { ORDER } from '../../crypto/group.ts';
import {
  type BallotPayload,
  base64url as b64,
  CHECKS,
  decodeScalar,
  encodeScalar,
  fromBase64url,
  type MeetingRecord,
  RecordVerifier,
  seededRandom,
  type VerifyReport,
  verifyRecordStream,
} from '../../crypto/index.ts';
import {
  checkOf,
  clone,
  type Demo,
  eventsOfType,
  payloadOf,
  reseal,
  seededDemo,
  signBallot,
  verify,
} from './helpers.ts';

let demo: Demo;
const voters = BALLOTS_PER_BATCH + 4;

beforeAll(() => {
  demo = seededDemo('stream', { voters, questions: 1, options: 2, trustees: { n: 3, k: 2 } });
});

/** The record's UTF-8 bytes in pieces of the given sizes, repeated until the end. */
async function* pieces(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, i = 0; at < bytes.length; at += sizes[i++ % sizes.length]!)
    yield bytes.subarray(at, at + sizes[i % sizes.length]!);
}

const bytesOf = (record: MeetingRecord) => new TextEncoder().encode(JSON.stringify(record, null, 1));

/** A record whose ballot `voter` has one proof scalar changed, signed again by its voter and resealed. */
function tampered(voter: number): { record: MeetingRecord; height: number } {
  const record = clone(demo.record);
  const event = eventsOfType(record, 'ballot')[voter]!;
  const ballot = payloadOf<BallotPayload>(event);
  const proof = ballot.questions[0]!.options[0]!.proof;
  proof.z0 = b64(encodeScalar((decodeScalar(fromBase64url(proof.z0, 32)) + 1n) % ORDER));
  event.payload = JSON.stringify(signBallot(demo.secrets.mc, ballot, demo.secrets.credentials[voter]!));
  reseal(record, demo.secrets);
  return { record, height: event.height };
}

const statuses = (report: VerifyReport) => report.checks.map((c) => `${c.name}:${c.status}`);

describe('the verifier reads a record as a stream', () => {
  it('gives the same report for any cut of the text, a byte or thousands at a time', async () => {
    const whole = verify(demo.record);
    expect(whole.ok).toBe(true);
    expect(whole.ballots).toBe(voters);
    const bytes = bytesOf(demo.record);
    for (const sizes of [[1], [3, 7, 2], [4096], [bytes.length]]) {
      const streamed = await verifyRecordStream(pieces(bytes, sizes), { random: seededRandom('s') });
      expect(streamed, `pieces of ${sizes.join(', ')} bytes`).toEqual(whole);
    }
  });

  it('reports progress as the groups of ballots are checked', () => {
    const seen: number[] = [];
    const verifier = new RecordVerifier({ onProgress: ({ ballots }) => seen.push(ballots) });
    const bytes = bytesOf(demo.record);
    for (let at = 0; at < bytes.length; at += 1000) verifier.read(bytes.subarray(at, at + 1000));
    expect(verifier.finish().ok).toBe(true);
    expect(seen).toEqual([BALLOTS_PER_BATCH, voters]);
  });

  it('names a bad ballot in the middle of the stream, in a later group, and only it', async () => {
    const voter = BALLOTS_PER_BATCH + 1;
    const { record, height } = tampered(voter);
    const report = await verifyRecordStream(pieces(bytesOf(record), [777]));
    expect(checkOf(report, 'ballots').problems).toEqual([
      {
        code: 'ballots.proof',
        params: { height, where: 'question q1, option 0', number: 1, option: 1 },
        text: `ballot at height ${height}, question q1, option 0: proof does not verify`,
      },
    ]);
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.name)).toEqual(['ballots']);
    expect(report.confirmationCodes).toHaveLength(voters);
    expect(report).toEqual(verify(record));
  });

  it('refuses a record cut short as truncated, judging nothing else', async () => {
    const bytes = bytesOf(demo.record);
    for (const cut of [Math.floor(bytes.length / 2), bytes.length - 3]) {
      const report = await verifyRecordStream(pieces(bytes.subarray(0, cut), [5000]));
      expect(report.ok).toBe(false);
      expect(checkOf(report, 'chain').status).toBe('fail');
      expect(
        checkOf(report, 'chain')
          .problems.map((p) => p.text)
          .join(),
      ).toMatch(/truncated|ends/);
      expect(statuses(report).slice(1)).toEqual(CHECKS.slice(1).map((name) => `${name}:pending`));
    }
  });

  it('refuses text that is not a record, and a list with a stray comma', () => {
    const events = JSON.stringify(demo.record.events.slice(0, 2));
    for (const text of [
      '{"protocol":"phieukin/v2","events":[]}',
      `{"protocol":"phieukin/v1","events":${events.replace('},{', '},,{')}}`,
      `{"protocol":"phieukin/v1","events":[1]}`,
      'not json',
    ]) {
      const report = verify(text);
      expect(checkOf(report, 'chain').status, text.slice(0, 60)).toBe('fail');
      expect(report.meetingId).toBeNull();
    }
  });
});
