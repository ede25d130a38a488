// Demo records for the minutes tests: a QD366-2025 classification (rules engine outcome, blanks) and a
// rule set "none" meeting, built once per test file with seeded randomness.
import {
  type MeetingRecord,
  type RecordEvent,
  type ResultPayload,
  seededRandom,
} from '../../crypto/index.ts';
import { runDemoMeeting } from '../../src/demo/meeting.ts';
import { outcomeForResult, ruleSets } from '../../src/shared/rules/index.ts';

const LEVELS = ruleSets['QD366-2025']!.options.map((o) => ({ id: o.id, label: o.label.vi }));

export function classificationRecord(): MeetingRecord {
  return runDemoMeeting({
    voters: 9,
    questions: 3,
    options: 4,
    trustees: { n: 3, k: 2 },
    random: seededRandom('minutes-classification'),
    meetingId: 'bb-366',
    ruleSet: 'QD366-2025',
    manifestFor: (base) => ({ ...base, questions: base.questions.map((q) => ({ ...q, options: LEVELS })) }),
    outcome: outcomeForResult,
    blankPercent: 25,
  }).record;
}

export function plainRecord(): MeetingRecord {
  return runDemoMeeting({
    voters: 5,
    questions: 2,
    options: 3,
    trustees: { n: 2, k: 2 },
    random: seededRandom('minutes-none'),
    meetingId: 'bb-none',
    blankPercent: 30,
  }).record;
}

export const resultOf = (record: MeetingRecord): ResultPayload =>
  JSON.parse(record.events.find((e: RecordEvent) => e.type === 'result')!.payload) as ResultPayload;

/**
 * Checks that `text` is votes/base as a percentage with one decimal rounded half up, by integers only:
 * tenths = p×10 must satisfy (2·tenths − 1)·base ≤ 2000·votes < (2·tenths + 1)·base.
 */
export function isRoundedPercent(text: string, votes: number, base: number): boolean {
  const m = /^(\d+)\.(\d)$/.exec(text);
  if (!m) return false;
  const tenths = Number(m[1]) * 10 + Number(m[2]);
  if (base === 0) return tenths === 0;
  return (2 * tenths - 1) * base <= 2000 * votes && 2000 * votes < (2 * tenths + 1) * base;
}
