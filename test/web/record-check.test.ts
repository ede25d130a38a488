// The booth's "check my code in the record" without a browser: the codes computed from the ballots' bytes
// alone are the verifier's codes, a receipt is found where it says with a valid signature, and a changed
// ballot, a moved receipt or an unknown code are all caught.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingRecord, Receipt } from '../../crypto/index.ts';
import { receiptInRecord } from '../../web/booth/record-check.ts';
import { recordedBallots } from '../../web/verify/recorded-ballots.ts';
import { MeetingDriver, testApp, verify } from '../app/helpers.ts';

describe('a receipt looked up in the record', () => {
  let meeting: MeetingDriver;
  let record: MeetingRecord;
  const cast: Array<{ receipt: Receipt; confirmationCode: string }> = [];

  beforeAll(async () => {
    meeting = await MeetingDriver.create(testApp(), { members: 4 });
    await meeting.ready(3);
    await meeting.open();
    for (const [card, choices] of [
      [1, [1, 1]],
      [2, [0, null]],
      [3, [2, 1]],
    ] as const) {
      cast.push((await meeting.expectOk(meeting.vote(card, [...choices]))).body);
    }
    record = await meeting.record();
  });

  it('computes the same confirmation codes as the full verifier, and the published receipt key', () => {
    const text = JSON.stringify(record);
    const quick = recordedBallots(text);
    expect(quick.ballots.map((b) => b.confirmationCode)).toEqual(verify(record).confirmationCodes);
    expect(quick.ballots.map((b) => b.confirmationCode)).toEqual(cast.map((c) => c.confirmationCode));
    expect(quick.ballots.map((b) => b.ballotHash)).toEqual(cast.map((c) => c.receipt.ballotHash));
    expect(quick.serverKey).toBe(meeting.serverKey);
  });

  it('finds a ballot where its receipt says, under a valid signature', () => {
    const { receipt, confirmationCode } = cast[1]!;
    expect(receiptInRecord(JSON.stringify(record), receipt, confirmationCode)).toEqual({
      answer: { kind: 'found', code: confirmationCode, position: 2 },
      atReceipt: true,
      signatureValid: true,
    });
  });

  it('says so when a receipt names another place or is not signed by the published key', () => {
    const { receipt, confirmationCode } = cast[0]!;
    const moved = { ...receipt, height: cast[2]!.receipt.height };
    const check = receiptInRecord(JSON.stringify(record), moved, confirmationCode);
    expect(check.answer.kind).toBe('found');
    expect(check.atReceipt).toBe(false);
    expect(check.signatureValid).toBe(false);
    const otherSignature = { ...receipt, signature: cast[1]!.receipt.signature };
    expect(receiptInRecord(JSON.stringify(record), otherSignature, confirmationCode).signatureValid).toBe(
      false,
    );
  });

  it('does not find a ballot whose bytes were changed in the record, nor a code never cast', () => {
    const { receipt, confirmationCode } = cast[2]!;
    const events = record.events.map((e) => {
      if (e.height !== receipt.height) return e;
      const ballot = JSON.parse(e.payload);
      const first = ballot.questions[0].options[0];
      [first.alpha, first.beta] = [first.beta, first.alpha];
      return { ...e, payload: JSON.stringify(ballot) };
    });
    const changed = receiptInRecord(JSON.stringify({ ...record, events }), receipt, confirmationCode);
    expect(changed.answer).toEqual({ kind: 'missing', code: confirmationCode });
    expect(changed.atReceipt).toBe(false);
    const unknown = receiptInRecord(JSON.stringify(record), receipt, 'AAAA-BBBB-CCCC-DDDD');
    expect(unknown.answer).toEqual({ kind: 'missing', code: 'AAAA-BBBB-CCCC-DDDD' });
  });
});
