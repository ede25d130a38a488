// The booth's "check my code" without a browser, over the server's confirmation-code list: the list holds
// the receipts' codes, a receipt is found where it says with a valid signature, and a moved receipt, a
// signature by another key or an unknown code are all caught.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodeList, Receipt } from '../../crypto/index.ts';
import { receiptInList } from '../../web/booth/record-check.ts';
import { MeetingDriver, testApp, verify } from '../app/helpers.ts';

describe('a receipt looked up in the confirmation-code list', () => {
  let meeting: MeetingDriver;
  let list: CodeList;
  const cast: Array<{ receipt: Receipt; confirmationCode: string }> = [];

  beforeAll(async () => {
    const t = testApp();
    meeting = await MeetingDriver.create(t, { members: 4 });
    await meeting.ready(3);
    await meeting.open();
    for (const [card, choices] of [
      [1, [1, 1]],
      [2, [0, null]],
      [3, [2, 1]],
    ] as const) {
      cast.push((await meeting.expectOk(meeting.vote(card, [...choices]))).body);
    }
    list = (await t.client().get(meeting.path('/codes'))).body;
  });

  it('lists the full verifier’s codes and the published receipt key', async () => {
    expect(list.ballots.map((b) => b.code)).toEqual(verify(await meeting.record()).confirmationCodes);
    expect(list.serverKey).toBe(meeting.serverKey);
  });

  it('finds a ballot where its receipt says, under a valid signature', () => {
    const { receipt, confirmationCode } = cast[1]!;
    expect(receiptInList(list, receipt, confirmationCode)).toEqual({
      answer: { kind: 'found', code: confirmationCode, position: 2 },
      atReceipt: true,
      signatureValid: true,
    });
  });

  it('says so when a receipt names another place or is not signed by the published key', () => {
    const { receipt, confirmationCode } = cast[0]!;
    const moved = { ...receipt, height: cast[2]!.receipt.height };
    const check = receiptInList(list, moved, confirmationCode);
    expect(check.answer.kind).toBe('found');
    expect(check.atReceipt).toBe(false);
    expect(check.signatureValid).toBe(false);
    const otherSignature = { ...receipt, signature: cast[1]!.receipt.signature };
    expect(receiptInList(list, otherSignature, confirmationCode).signatureValid).toBe(false);
  });

  it('does not find a code never cast, nor a receipt the list does not hold', () => {
    const { receipt } = cast[2]!;
    expect(receiptInList(list, receipt, 'AAAA-BBBB-CCCC-DDDD').answer).toEqual({
      kind: 'missing',
      code: 'AAAA-BBBB-CCCC-DDDD',
    });
    const withoutIt = { ...list, ballots: list.ballots.filter((b) => b.height !== receipt.height) };
    expect(receiptInList(withoutIt, receipt, cast[2]!.confirmationCode)).toMatchObject({
      answer: { kind: 'missing' },
      atReceipt: false,
    });
  });
});
