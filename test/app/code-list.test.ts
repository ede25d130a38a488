// The voter's small list (SPEC §7): every confirmation code with its ballot's height, matching the receipts
// and the record; the verifier given a list that differs from the record fails the ballots check.
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeList } from '../../crypto/index.ts';
import { verifyRecord } from '../../crypto/index.ts';
import { MeetingDriver, type TestApp, testApp } from './helpers.ts';

const ballotsCheck = (record: unknown, codeList: CodeList) =>
  verifyRecord(record, { codeList }).checks.find((c) => c.name === 'ballots')!;

describe('the confirmation-code list', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('lists every receipt’s code at its height, and the verifier holds it to the record', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ready(3);
    await m.open();
    const receipts = [];
    for (let card = 1; card <= 3; card++) receipts.push((await m.vote(card, [card % 2, null])).body);
    const list: CodeList = (await t.client().get(m.path('/codes'))).body;
    expect(list).toEqual({
      meetingId: m.id,
      serverKey: receipts[0].serverKey,
      ballots: receipts.map((r) => ({ height: r.receipt.height, code: r.confirmationCode })),
    });
    expect(JSON.stringify(list).length).toBeLessThan(1000);

    const record = await m.record();
    expect(ballotsCheck(record, list)).toMatchObject({ status: 'pass', problems: [] });

    const changed = structuredClone(list);
    changed.ballots[1]!.code = list.ballots[2]!.code;
    expect(ballotsCheck(record, changed).problems.map((p) => p.text)).toEqual([
      `confirmation-code list: the ballot at height ${list.ballots[1]!.height} is not listed as ${list.ballots[1]!.code}`,
      `confirmation-code list: code ${list.ballots[2]!.code} at height ${list.ballots[1]!.height} is not a ballot of the record`,
    ]);
    const dropped = { ...list, ballots: list.ballots.slice(1) };
    expect(ballotsCheck(record, dropped).status).toBe('fail');
    const invented = { ...list, ballots: [...list.ballots, { height: 1, code: list.ballots[0]!.code }] };
    expect(ballotsCheck(record, invented).problems.map((p) => p.text)).toEqual([
      `confirmation-code list: code ${list.ballots[0]!.code} at height 1 is not a ballot of the record`,
    ]);
    expect(ballotsCheck(record, { ...list, meetingId: 'another' }).status).toBe('fail');
  });
});
