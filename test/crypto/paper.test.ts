// SPEC §3.1, §7, §8: a mixed meeting, some members on cards and some on paper ballots. The record says
// which activated keys are paper ballots, the result says how many ballots came on paper, and the verifier
// recomputes that count from the ballots' keys; a key cannot be both a card and a paper ballot.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivationPayload, BallotPayload, MeetingRecord, ResultPayload } from '../../crypto/index.ts';
import {
  checkOf,
  clone,
  type Demo,
  editPayload,
  eventsOfType,
  failingChecks,
  onlyEvent,
  payloadOf,
  reseal,
  seededDemo,
  verify,
} from './helpers.ts';

let mixed: Demo;
let cardsOnly: Demo;

beforeAll(() => {
  const shape = { voters: 5, questions: 2, options: 3, trustees: { n: 2, k: 2 } };
  mixed = seededDemo('paper-mixed', { ...shape, paperVoters: 2 });
  cardsOnly = seededDemo('paper-none', shape);
});

const paperEvent = (record: MeetingRecord) =>
  eventsOfType(record, 'credentials-activated').find(
    (e) => payloadOf<ActivationPayload>(e).medium === 'paper',
  )!;

function expectOnly(record: MeetingRecord, name: 'credentials' | 'result', reason: RegExp): void {
  const report = verify(record);
  const problems = checkOf(report, name).problems.map((p) => p.text);
  expect(
    problems.some((p) => reason.test(p)),
    problems.join(' | '),
  ).toBe(true);
  expect(failingChecks(report)).toEqual([name]);
}

describe('paper ballots in the record', () => {
  it('a mixed meeting verifies and the report counts the ballots that came on paper', () => {
    const report = verify(mixed.record);
    expect(report.ok, JSON.stringify(report.checks)).toBe(true);
    expect(report.ballots).toBe(5);
    expect(report.paperBallots).toBe(2);
    expect(payloadOf<ResultPayload>(onlyEvent(mixed.record, 'result')).paperBallots).toBe(2);
    expect(payloadOf<ActivationPayload>(paperEvent(mixed.record)).keys).toHaveLength(2);
  });

  it('a meeting on cards alone needs no paper count and reports none', () => {
    const report = verify(cardsOnly.record);
    expect(report.ok).toBe(true);
    expect(report.paperBallots).toBe(0);
  });

  it('a result that moves a ballot between paper and phone is caught by `result`', () => {
    for (const stated of [1, 3, 0]) {
      const record = clone(mixed.record);
      editPayload<ResultPayload>(onlyEvent(record, 'result'), (p) => ({ ...p, paperBallots: stated }));
      reseal(record, mixed.secrets);
      expectOnly(record, 'result', new RegExp(`paperBallots: ${stated}, the record holds 2`));
    }
  });

  it('a result that hides the paper ballots is caught by `result`', () => {
    const record = clone(mixed.record);
    editPayload<ResultPayload>(onlyEvent(record, 'result'), ({ paperBallots: _, ...p }) => p);
    reseal(record, mixed.secrets);
    expectOnly(record, 'result', /paperBallots missing/);
  });

  it('relabelling the paper ballots as cards is caught by `result`', () => {
    const record = clone(mixed.record);
    editPayload<ActivationPayload>(paperEvent(record), ({ medium: _, ...p }) => p);
    reseal(record, mixed.secrets);
    expectOnly(record, 'result', /paperBallots: 2, the record holds 0/);
    expect(verify(record).paperBallots).toBe(0);
  });

  it('the rows the board decided by hand are counted from the paper ballots, and a changed count is caught', () => {
    expect(payloadOf<ResultPayload>(onlyEvent(mixed.record, 'result')).decidedByHand).toBe(2);
    for (const stated of [0, 3]) {
      const record = clone(mixed.record);
      editPayload<ResultPayload>(onlyEvent(record, 'result'), (p) => ({ ...p, decidedByHand: stated }));
      reseal(record, mixed.secrets);
      expectOnly(record, 'result', new RegExp(`decidedByHand: ${stated}, the paper ballots name 2 rows`));
    }
  });

  it('rows decided by hand on a phone’s ballot, twice, or of no question are caught by `result`', () => {
    const ballots = (record: MeetingRecord) => eventsOfType(record, 'ballot');
    const q = JSON.parse(mixed.record.events[0]!.payload).questions.map((x: { id: string }) => x.id);
    const edits: Array<[number, (p: BallotPayload) => BallotPayload]> = [
      [0, (p) => ({ ...p, decidedByHand: [q[0]] })],
      [4, (p) => ({ ...p, decidedByHand: [q[0], q[0]] })],
      [4, (p) => ({ ...p, decidedByHand: ['no-such-question'] })],
    ];
    for (const [at, edit] of edits) {
      const record = clone(mixed.record);
      const event = ballots(record)[at]!;
      editPayload<BallotPayload>(event, edit);
      reseal(record, mixed.secrets);
      expectOnly(record, 'result', /decidedByHand must list distinct questions, on a paper ballot/);
    }
  });

  it('an unknown medium is caught by `credentials`', () => {
    const record = clone(mixed.record);
    const event = paperEvent(record);
    editPayload<ActivationPayload>(event, (p) => ({ ...p, medium: 'fax' as 'paper' }));
    reseal(record, mixed.secrets);
    const problems = checkOf(verify(record), 'credentials').problems.map((p) => p.text);
    expect(problems).toContain(`event ${event.height}: medium must be "card" or "paper"`);
  });

  it('a key activated both as a card and as a paper ballot is caught by `credentials`', () => {
    const record = clone(mixed.record);
    const paperKey = payloadOf<ActivationPayload>(paperEvent(record)).keys[0]!;
    const cardEvent = eventsOfType(record, 'credentials-activated')[0]!;
    editPayload<ActivationPayload>(cardEvent, (p) => ({ ...p, keys: [...p.keys, paperKey].sort() }));
    reseal(record, mixed.secrets);
    const problems = checkOf(verify(record), 'credentials').problems;
    expect(problems.some((p) => p.text.includes(`key ${paperKey} activated twice`))).toBe(true);
    // the page names the event that first activated it, not the key
    const twice = problems.find((p) => p.code === 'credentials.activated_twice')!;
    expect(twice.params).toMatchObject({ height: paperEvent(record).height, first: cardEvent.height });
  });
});
