// The minutes of the count (biên bản kiểm phiếu) as numbers: a pure function of a meeting's record (and
// two facts the record does not hold: when the meeting was created and how many cards were printed).
// The server computes it for the minutes page and the PDF/CSV/XLSX downloads; the same function runs in a
// browser or a Worker on the same record and gives the same JSON. Every percentage is the rules engine's
// (integer arithmetic, one decimal rounded half up) over a stated base; nothing here uses a float.
import {
  type AttendancePayload,
  base64url as b64,
  type CertificationPayload,
  type CommitmentsPayload,
  certificationValid,
  fromBase64url,
  type JointKeyPayload,
  type Manifest,
  type MeetingRecord,
  manifestHash,
  type PollClosedPayload,
  parseManifest,
  type RecordEvent,
  type ResultPayload,
  resultHash,
} from '../../../crypto/index.ts';
import { isCertified } from '../domain.ts';
import { percent } from '../rules/arithmetic.ts';
import type { Message, RuleOutcome, Text, TraceLine } from '../rules/index.ts';
import { citationWords, denominatorWords, ruleSets, valueLabel, warningsInWords } from '../rules/index.ts';
import { detailsOf, type MeetingDetails } from './details.ts';

/** The events the minutes read: a server may fetch only these (the ballots are not needed). */
export const MINUTES_EVENT_TYPES = [
  'manifest',
  'trustee-commitments',
  'joint-key',
  'attendance',
  'credentials-activated',
  'credential-voided',
  'poll-closed',
  'result',
  'certification',
] as const;

/**
 * What the server knows beyond the record: the meeting's creation time, the cards it printed, and the
 * upper party organisation of the chi bộ (the header's first line unless the organiser wrote another).
 */
export type MinutesContext = { createdAt: number | null; issued: number | null; upper?: string | null };

export type MinutesSetting = {
  key: string;
  /** the setting's name, and its value and default in words ("trên 1/2") */
  name: Text;
  value: string | number | boolean;
  valueText: Text;
  default: string | number | boolean;
  defaultText: Text;
  basis: string | null;
  description: Text | null;
  /** the setting's legal source in words (citationWords: practice with no written rule says so) */
  citation: Text;
};
export type MinutesOption = { id: string; label: Text; votes: number; percent: string };
/** The base every percentage of a subject is taken over (RULES.md: the rule set's denominator setting). */
export type MinutesBase = { basis: string; value: number; text: Text };
export type MinutesSubject = {
  questionId: string;
  id: string;
  name: string;
  role: string;
  options: MinutesOption[];
  blank: number;
  blankPercent: string;
  /** ballots cast minus blanks: the ballots that answered this subject */
  answered: number;
  base: MinutesBase;
  /** a level or option id, "no-majority" or "not-classified"; null without a rule set */
  proposal: string | null;
  proposalLabel: Text | null;
  flags: Array<{ code: string; citation: string; text: Text }>;
  trace: TraceLine[];
};
export type MinutesSignature = { index: number; publicKey: string; signature: string; valid: boolean };

export type Minutes = {
  meeting: {
    id: string;
    title: string;
    organisation: string;
    kind: Manifest['kind'];
    ruleSet: string;
    ruleSetTitle: Text | null;
    ruleSetCitation: string | null;
    /** ms since the epoch, and the same as Vietnam time (UTC+7) "HH:MM DD/MM/YYYY"; null if not known */
    createdAt: number | null;
    createdAtText: string | null;
    /**
     * When the result was counted, from the result itself (docs/protocol.md §7: `countedAt`), so the
     * board's certification signs it; null for a record written before the field existed.
     */
    countedAt: number | null;
    countedAtText: string | null;
    settings: MinutesSetting[];
    manifestHash: string;
  };
  attendance: {
    recorded: boolean;
    summoned: number;
    present: number;
    excluded: number;
    absent: number;
    /** of the absent, with leave and without; null when the organiser did not say */
    absentWithLeave: number | null;
    absentWithoutLeave: number | null;
  };
  /** Place, chair, secretary and the board by name, as entered with the attendance. */
  details: MeetingDetails;
  cards: { issued: number | null; activated: number; voided: number; notUsed: number };
  /**
   * `paper`: how many of the counted ballots came on paper, scanned by the board; `decidedByHand`: how
   * many rows of those the board decided by hand, the reader being unsure (SPEC §3.1).
   */
  ballots: { cast: number; counted: number; paper: number; decidedByHand: number };
  subjects: MinutesSubject[];
  warnings: Array<{ code: string; citation: string; text: Text }>;
  board: {
    n: number;
    k: number;
    trusteesUsed: number[];
    signatures: MinutesSignature[];
    certified: boolean;
  };
  record: { resultHash: string; recordHead: string | null; height: number };
  /** Path (on the server that holds the record) of the verifier for this meeting. */
  verifyPath: string;
};

export class MinutesError extends Error {
  override name = 'MinutesError';
}

const payloads = <T>(events: RecordEvent[], type: string): T[] =>
  events.filter((e) => e.type === type).map((e) => JSON.parse(e.payload) as T);

/** "HH:MM DD/MM/YYYY" in Vietnam time (UTC+7, no daylight saving). */
export function vietnamTime(ms: number): string {
  const d = new Date(ms + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * The date of a Party document's date line, in Vietnam time: "ngày 03 tháng 12 năm 2026" (a day below 10
 * and the months 1 and 2 take a leading zero, as Hướng dẫn 36-HD/VPTW writes them).
 */
export function vietnamDate(ms: number): string {
  const d = new Date(ms + 7 * 3600_000);
  const day = d.getUTCDate();
  const month = d.getUTCMonth() + 1;
  return `ngày ${String(day).padStart(2, '0')} tháng ${month < 3 ? `0${month}` : month} năm ${d.getUTCFullYear()}`;
}

/** The hour of a biên bản: "14 giờ 05 phút", Vietnam time. */
export function vietnamHour(ms: number): string {
  const d = new Date(ms + 7 * 3600_000);
  return `${d.getUTCHours()} giờ ${String(d.getUTCMinutes()).padStart(2, '0')} phút`;
}

const SPECIAL: Record<string, Text> = {
  'no-majority': { vi: 'Không mức nào đạt đa số', en: 'No level reached a majority' },
  'not-classified': { vi: 'Không xếp loại', en: 'Not classified' },
};

function optionLabel(manifest: Manifest, ruleSet: string, questionIndex: number, id: string): Text {
  const fromRules = ruleSets[ruleSet]?.options.find((o) => o.id === id)?.label;
  if (fromRules) return fromRules;
  if (SPECIAL[id]) return SPECIAL[id];
  const label = manifest.questions[questionIndex]?.options.find((o) => o.id === id)?.label ?? id;
  return { vi: label, en: label };
}

const BALLOTS_BASE = (ballots: number): MinutesBase => ({
  basis: 'ballots',
  value: ballots,
  text: { vi: `${ballots} phiếu thu về`, en: `${ballots} ballots cast` },
});

function subjectsOf(
  manifest: Manifest,
  result: ResultPayload,
  outcome: RuleOutcome | null,
  summoned: number,
): MinutesSubject[] {
  return result.questions.map((q, i) => {
    const qi = manifest.questions.findIndex((x) => x.id === q.id);
    const question = manifest.questions[qi];
    if (!question || question.options.length !== q.counts.length)
      throw new MinutesError(`result question ${q.id} does not match the manifest`);
    const s = outcome?.subjects[i];
    const base: MinutesBase = s
      ? {
          ...s.tally.denominator,
          text: denominatorWords(s.tally.denominator, { summoned, ballots: result.ballots, blank: q.blank }),
        }
      : BALLOTS_BASE(result.ballots);
    const label = (id: string) => optionLabel(manifest, result.ruleSet, qi, id);
    return {
      questionId: q.id,
      id: question.subjectId ?? q.id,
      name: question.subject ?? question.prompt,
      role: question.role ?? 'member',
      options: question.options.map((o, j) => ({
        id: o.id,
        label: label(o.id),
        votes: q.counts[j]!,
        percent: percent(q.counts[j]!, base.value),
      })),
      blank: q.blank,
      blankPercent: percent(q.blank, base.value),
      answered: result.ballots - q.blank,
      base,
      proposal: s?.proposal ?? null,
      proposalLabel: s ? label(s.proposal) : null,
      flags: (s?.flags ?? []).map((f) => ({ code: f.code, citation: f.citation, text: f.message })),
      trace: s?.trace ?? [],
    };
  });
}

function settingsOf(ruleSet: string, outcome: RuleOutcome | null): MinutesSetting[] {
  if (!outcome) return [];
  const info = ruleSets[ruleSet];
  return Object.entries(outcome.settings).map(([key, s]) => {
    const def = info?.settings.find((x) => x.key === key);
    const words = (v: string | number | boolean) =>
      def ? valueLabel(def, v) : { vi: String(v), en: String(v) };
    return {
      key,
      name: def?.name ?? { vi: key, en: key },
      value: s.value,
      valueText: words(s.value),
      default: s.default,
      defaultText: words(s.default),
      basis: s.basis,
      description: def?.description ?? null,
      citation: citationWords(def?.citation ?? null),
    };
  });
}

function signaturesOf(events: RecordEvent[], manifestText: string, resultText: string): MinutesSignature[] {
  const round = payloads<JointKeyPayload>(events, 'joint-key').at(-1)?.round;
  const keys = new Map(
    payloads<CommitmentsPayload>(events, 'trustee-commitments')
      .filter((c) => c.round === round)
      .map((c) => [c.index, c.ed25519]),
  );
  const mh = manifestHash(manifestText);
  return payloads<CertificationPayload>(events, 'certification')
    .map((c) => {
      const publicKey = keys.get(c.index) ?? '';
      const valid =
        publicKey !== '' && certificationValid(mh, resultText, c.signature, fromBase64url(publicKey, 32));
      return { index: c.index, publicKey, signature: c.signature, valid };
    })
    .sort((a, b) => a.index - b.index);
}

/**
 * The minutes of a record whose result exists (throws a MinutesError otherwise). `record` may hold only
 * the MINUTES_EVENT_TYPES events: the ballots are counted from the poll-closed and result events.
 */
export function minutesOf(record: MeetingRecord, context: MinutesContext): Minutes {
  const { events } = record;
  const manifestEvent = events.find((e) => e.type === 'manifest');
  const resultEvent = events.find((e) => e.type === 'result');
  if (!manifestEvent) throw new MinutesError('the record has no manifest');
  if (!resultEvent) throw new MinutesError('the record has no result');
  const manifest = parseManifest(manifestEvent.payload);
  const result = JSON.parse(resultEvent.payload) as ResultPayload;
  const outcome = result.outcome as RuleOutcome | null;
  const attendance = payloads<AttendancePayload>(events, 'attendance').at(-1) ?? null;
  const entered = detailsOf(attendance, manifest.trustees.n);
  const details = { ...entered, upper: entered.upper ?? context.upper ?? null };
  const countedAt = Number.isSafeInteger(result.countedAt) ? (result.countedAt as number) : null;
  const activated = payloads<{ keys: string[] }>(events, 'credentials-activated').reduce(
    (sum, a) => sum + a.keys.length,
    0,
  );
  const voided = events.filter((e) => e.type === 'credential-voided').length;
  const cast = payloads<PollClosedPayload>(events, 'poll-closed')[0]?.ballots ?? result.ballots;
  const summoned = attendance?.summoned ?? manifest.electorate;
  const present = attendance?.present ?? Math.min(result.activated, summoned);
  const excluded = attendance?.excluded ?? 0;
  const absent = Math.max(summoned - present, 0);
  const leave = details.absentWithLeave === null ? null : Math.min(details.absentWithLeave, absent);
  const signatures = signaturesOf(events, manifestEvent.payload, resultEvent.payload);
  const warnings: Message[] = outcome ? warningsInWords(outcome) : [];
  const info = ruleSets[result.ruleSet];
  return {
    meeting: {
      id: manifest.meetingId,
      title: manifest.title,
      organisation: manifest.organisation,
      kind: manifest.kind,
      ruleSet: result.ruleSet,
      ruleSetTitle: info?.title ?? null,
      ruleSetCitation: info?.citation ?? null,
      createdAt: context.createdAt,
      createdAtText: context.createdAt === null ? null : vietnamTime(context.createdAt),
      countedAt,
      countedAtText: countedAt === null ? null : vietnamTime(countedAt),
      settings: settingsOf(result.ruleSet, outcome),
      manifestHash: b64(manifestHash(manifestEvent.payload)),
    },
    attendance: {
      recorded: attendance !== null,
      summoned,
      present,
      excluded,
      absent,
      absentWithLeave: leave,
      absentWithoutLeave: leave === null ? null : absent - leave,
    },
    details,
    cards: { issued: context.issued, activated, voided, notUsed: activated - voided - cast },
    ballots: {
      cast,
      counted: result.ballots,
      paper: result.paperBallots ?? 0,
      decidedByHand: result.decidedByHand ?? 0,
    },
    subjects: subjectsOf(manifest, result, outcome, summoned),
    warnings: warnings.map((w) => ({ code: w.code, citation: w.citation, text: w.message })),
    board: {
      n: manifest.trustees.n,
      k: manifest.trustees.k,
      trusteesUsed: result.trusteesUsed,
      signatures,
      certified: isCertified(
        manifest.trustees.k,
        signatures.filter((s) => s.valid),
      ),
    },
    record: {
      resultHash: b64(resultHash(resultEvent.payload)),
      recordHead: result.recordHead ?? null,
      height: resultEvent.height,
    },
    verifyPath: `/verify?meeting=${encodeURIComponent(manifest.meetingId)}`,
  };
}

/** A percentage for people: "54,4%" in Vietnamese, "54.4%" in English. */
export function percentText(p: string, lang: 'vi' | 'en'): string {
  return `${lang === 'vi' ? p.replace('.', ',') : p}%`;
}
