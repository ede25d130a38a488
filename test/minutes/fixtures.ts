// Records for the minutes tests: demo meetings (a QD366-2025 classification with the rules engine's
// outcome and blanks, a rule set "none" meeting) built with seeded randomness, and large certified
// records without ballots (60 members, a confidence vote, a motion) for the biên bản's layout.
import {
  appendEvent,
  base64url as b64,
  certifyResult,
  ed25519Keygen,
  type Manifest,
  type MeetingRecord,
  manifestHash,
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

/** Sixty Vietnamese names for the large meetings (family, middle and given names combined). */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hạnh', 'Khoa', 'Lan', 'Phương', 'Quân'];
export const memberName = (i: number) =>
  `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 6]} ${GIVEN[(i * 7) % 10]}`;

export const DETAILS = {
  upper: 'Đảng bộ phường Bến Nghé',
  place: 'Phường Bến Nghé',
  venue: 'hội trường khu phố 3',
  chair: 'Nguyễn Văn An',
  secretary: 'Trần Thị Dung',
  absentWithLeave: 1,
  exclusionReason: '01 đồng chí được miễn sinh hoạt đảng',
  board: [
    { seat: 2, name: 'Lê Minh Khoa', position: 'member' },
    { seat: 1, name: 'Phạm Ngọc Lan', position: 'head' },
    { seat: 3, name: 'Hoàng Thanh Quân', position: 'member' },
  ],
};

export type LargeMeeting = {
  kind: 'classification' | 'confidence' | 'motion';
  ruleSet: string;
  subjects: Array<{ name: string; role?: string; facts?: Array<{ code: string; source: string }> }>;
  /** each subject's votes per option; blanks are the ballots left */
  counts: (i: number) => number[];
  summoned: number;
  present: number;
  excluded: number;
  ballots: number;
  countedAt?: number;
};

/**
 * A certified record as the minutes read it, without the ballots (the minutes never read them): a
 * manifest, the trustees' certification keys, attendance with the details, cards, the close, a result
 * whose outcome the rules engine computes, and k real Ed25519 certifications. Fast enough for 60 subjects.
 */
export function largeRecord(o: LargeMeeting): MeetingRecord {
  const random = seededRandom(`large-${o.kind}`);
  const rules = ruleSets[o.ruleSet];
  const options = rules
    ? rules.options.map((x) => ({ id: x.id, label: x.label.vi }))
    : [
        { id: 'yes', label: 'Tán thành' },
        { id: 'no', label: 'Không tán thành' },
      ];
  const manifest: Manifest = {
    protocol: 'phieukin/v1',
    meetingId: `large-${o.kind}`,
    title: `Hội nghị chi bộ cuối năm 2025 (${o.kind})`,
    organisation: 'Chi bộ khu phố 3',
    kind: o.kind,
    ruleSet: o.ruleSet,
    electorate: o.summoned,
    trustees: { n: 3, k: 2 },
    settings: {},
    questions: o.subjects.map((s, i) => ({
      id: `q${i + 1}`,
      ...(o.kind === 'motion'
        ? {}
        : { subjectId: `m${i + 1}`, subject: s.name, role: s.role ?? 'member', facts: s.facts ?? [] }),
      prompt: o.kind === 'motion' ? s.name : `Đồng chí ${s.name}`,
      options,
    })),
  };
  const manifestText = JSON.stringify(manifest);
  const events: RecordEvent[] = [];
  appendEvent(events, 'manifest', manifestText);
  const keys = [1, 2, 3].map(() => ed25519Keygen(random));
  keys.forEach((k, i) => {
    appendEvent(events, 'trustee-commitments', { round: 1, index: i + 1, ed25519: b64(k.publicKey) });
  });
  appendEvent(events, 'joint-key', { round: 1 });
  const attendance = { summoned: o.summoned, present: o.present, excluded: o.excluded, details: DETAILS };
  appendEvent(events, 'attendance', attendance);
  appendEvent(events, 'credentials-activated', {
    keys: Array.from({ length: o.present + 1 }, (_, i) => `key${i}`),
  });
  appendEvent(events, 'credential-voided', { key: 'key0' });
  appendEvent(events, 'poll-closed', { ballots: o.ballots });
  const questions = manifest.questions.map((q, i) => {
    const counts = o.counts(i);
    return { id: q.id, counts, blank: o.ballots - counts.reduce((a, b) => a + b, 0) };
  });
  const outcome = rules
    ? outcomeForResult({ manifest, attendance, activated: o.present, ballots: o.ballots, questions })
    : null;
  const result: ResultPayload = {
    meetingId: manifest.meetingId,
    ctx: 'ctx',
    ballots: o.ballots,
    activated: o.present,
    questions,
    ruleSet: o.ruleSet,
    outcome,
    trusteesUsed: [2, 3],
    ...(o.countedAt === undefined ? {} : { countedAt: o.countedAt }),
  };
  const resultText = JSON.stringify(result);
  appendEvent(events, 'result', resultText);
  const mh = manifestHash(manifestText);
  for (const index of [1, 3])
    appendEvent(events, 'certification', certifyResult(mh, resultText, index, keys[index - 1]!.secretKey));
  return { protocol: 'phieukin/v1', events };
}

/** 60 members: most HTTNV, twelve with an HTXSNV majority and more beyond the cap, one forced, one split. */
export const CLASSIFICATION_60: LargeMeeting = {
  kind: 'classification',
  ruleSet: 'QD366-2025',
  subjects: Array.from({ length: 60 }, (_, i) => ({
    name: memberName(i),
    role: i === 0 ? 'secretary' : i < 4 ? 'leader' : 'member',
    facts: i === 20 ? [{ code: 'disciplined-duty', source: 'Quyết định kỷ luật số 12' }] : [],
  })),
  counts: (i) => (i < 15 ? [40 - i, 12 + i, 3, 0] : i === 30 ? [10, 14, 14, 8] : [5, 44, 6, 1]),
  summoned: 60,
  present: 58,
  excluded: 1,
  ballots: 57,
  countedAt: Date.UTC(2026, 0, 8, 7, 5),
};

export const CONFIDENCE: LargeMeeting = {
  kind: 'confidence',
  ruleSet: 'QD96-2023',
  subjects: [
    { name: 'Nguyễn Văn An', role: 'secretary' },
    { name: 'Lê Thị Hạnh', role: 'leader' },
    { name: 'Võ Hữu Phương', role: 'leader' },
  ],
  counts: (i) =>
    [
      [20, 8, 2],
      [10, 12, 8],
      [4, 6, 20],
    ][i]!,
  summoned: 32,
  present: 31,
  excluded: 0,
  ballots: 30,
  countedAt: Date.UTC(2026, 1, 3, 2, 30),
};

export const MOTION: LargeMeeting = {
  kind: 'motion',
  ruleSet: 'motion',
  subjects: [
    { name: 'Thông qua nghị quyết hội nghị chi bộ năm 2026' },
    { name: 'Kết nạp quần chúng Đỗ Thanh Bình' },
  ],
  counts: (i) =>
    [
      [25, 3, 1],
      [14, 12, 2],
    ][i]!,
  summoned: 30,
  present: 30,
  excluded: 0,
  ballots: 29,
  countedAt: Date.UTC(2026, 2, 15, 1, 0),
};
