// From a decrypted result to an outcome: the one function the server, the demo and the verifier call, so
// that the outcome in a record can be recomputed exactly. Also a check of a manifest's rule parts before
// the meeting starts, so that bad settings or facts show up then and not at the count.
import { applyRuleSet } from './apply.ts';
import { tableFor } from './registry.ts';
import { UNBASED, unbasedSettingWords } from './settings.ts';
import { fail, warning } from './text.ts';
import type { FactInput, Message, Role, RuleInput, RuleOutcome, RuleRef, SettingInput } from './types.ts';
import { ruleSetFitsYear } from './years.ts';

export type ManifestQuestion = {
  id: string;
  subjectId?: string;
  subject?: string;
  role?: string;
  facts?: FactInput[];
  prompt?: string;
  options: { id: string }[];
};
export type ManifestForRules = {
  kind?: string;
  ruleSet: string;
  electorate: number;
  settings?: Record<string, unknown>;
  questions: ManifestQuestion[];
  linkedConfidence?: unknown;
  /** classification: the year assessed (the server writes it; older manifests have none) */
  assessmentYear?: number;
};
export type ResultForRules = {
  manifest: ManifestForRules;
  attendance: { summoned: number; present: number; excluded: number } | null;
  activated: number;
  ballots: number;
  questions: { id: string; counts: number[]; blank: number }[];
};

const ATTENDANCE: RuleRef = {
  rule: 'attendance',
  // not a regulation (citationWords); the words are in recorded outcomes, so they stay
  citations: [{ document: 'SPEC.md', article: '§6' }],
  certainty: 'local',
};

export function toRuleInput(args: ResultForRules): { input: RuleInput; warnings: Message[] } {
  const { manifest, attendance } = args;
  const table = tableFor(manifest.ruleSet);
  if (manifest.kind !== undefined && manifest.kind !== table.kind)
    fail(
      'kind-mismatch',
      `Cuộc họp loại "${manifest.kind}" không dùng được bộ quy tắc ${table.id} (loại "${table.kind}")`,
      `A "${manifest.kind}" meeting cannot use rule set ${table.id} (a "${table.kind}" rule set)`,
    );
  const warnings: Message[] = [];
  if (attendance === null)
    warnings.push(
      warning(ATTENDANCE, 'attendance-missing', {
        vi: 'Chưa ghi số có mặt: lấy số được triệu tập theo danh sách và số thẻ đã kích hoạt làm số có mặt.',
        en: 'No attendance was recorded: summoned is taken from the manifest and present from the cards activated.',
      }),
    );
  else if (attendance.summoned !== manifest.electorate)
    warnings.push(
      warning(ATTENDANCE, 'electorate-differs', {
        vi: `Số được triệu tập khi điểm danh (${attendance.summoned}) khác danh sách (${manifest.electorate}); dùng số khi điểm danh.`,
        en: `Summoned at the roll call (${attendance.summoned}) differs from the manifest (${manifest.electorate}); the roll call is used.`,
      }),
    );
  const summoned = attendance?.summoned ?? manifest.electorate;
  const subjects = args.questions.map((r) => {
    const q = manifest.questions.find((x) => x.id === r.id);
    if (!q || q.options.length !== r.counts.length)
      fail(
        'invalid-input',
        `Kết quả câu hỏi "${r.id}" không khớp với danh sách câu hỏi`,
        `The result for question "${r.id}" does not match the manifest`,
      );
    return {
      id: q.subjectId ?? q.id,
      name: q.subject ?? q.prompt ?? q.id,
      role: (q.role ?? 'member') as Role,
      facts: q.facts ?? [],
      counts: Object.fromEntries(q.options.map((o, i) => [o.id, r.counts[i]])),
      blank: r.blank,
    };
  });
  const input: RuleInput = {
    ruleSet: table.id,
    settings: (manifest.settings ?? {}) as Record<string, SettingInput>,
    meeting: {
      summoned,
      present: attendance?.present ?? Math.min(args.activated, summoned),
      excluded: attendance?.excluded ?? 0,
      activated: args.activated,
      ballots: args.ballots,
    },
    subjects,
    linkedConfidence: (manifest.linkedConfidence ?? null) as RuleOutcome | null,
  };
  return { input, warnings };
}

export function outcomeForResult(args: ResultForRules): RuleOutcome | null {
  if (args.manifest.ruleSet === 'none') return null;
  const { input, warnings } = toRuleInput(args);
  const outcome = applyRuleSet(input);
  return { ...outcome, warnings: [...warnings, ...outcome.warnings] };
}

/**
 * An outcome's warnings as pages and printouts say them. A recorded warning keeps the engine's words (the
 * record binds them, SPEC §7), and the one on a setting changed with no stated basis names the setting by
 * its key: it is said again from the outcome's settings, by the setting's name and its values in words.
 * The engine warns on those settings in its table's order, one each, so the n-th such warning is the n-th
 * such setting.
 */
export function warningsInWords(outcome: Pick<RuleOutcome, 'ruleSet' | 'settings' | 'warnings'>): Message[] {
  const unbased = tableFor(outcome.ruleSet).settings.filter((def) => {
    const s = outcome.settings[def.key];
    return s !== undefined && s.value !== s.default && s.basis === null;
  });
  let n = 0;
  return outcome.warnings.map((w) => {
    if (w.code !== UNBASED) return w;
    const def = unbased[n++];
    return def ? { ...w, message: unbasedSettingWords(def, outcome.settings[def.key]!.value) } : w;
  });
}

/** A classification assessing a year its rule set is not for (e.g. QĐ 124 chosen for the 2025 review). */
function yearWarnings(manifest: ManifestForRules): Message[] {
  const table = tableFor(manifest.ruleSet);
  const year = manifest.assessmentYear;
  if (table.kind !== 'classification' || year === undefined || ruleSetFitsYear(table.id, year)) return [];
  const { first, last } = table.years;
  const span = last === null ? `${first}–` : `${first}–${last}`;
  return [
    warning(table.years, 'rule-set-year', {
      vi: `Bộ quy tắc ${table.id} áp dụng cho năm đánh giá ${span}, cuộc họp này đánh giá năm ${year}.`,
      en: `Rule set ${table.id} is for assessment years ${span}; this meeting assesses ${year}.`,
    }),
  ];
}

const SETUP_WARNINGS = [UNBASED, 'linked-confidence-unused', 'linked-confidence-invalid'];
const SETUP_FLAGS = ['unknown-fact', 'fact-not-applicable', 'not-classified'];

/**
 * Checks the rule parts of a manifest before the meeting: throws a RuleError on what would stop the count
 * (unknown rule set or setting, bad value, options the rule set lacks, bad roles), and returns the
 * warnings an organiser should see (an override without its basis, facts the rule set will not apply).
 */
export function checkManifest(manifest: ManifestForRules): Message[] {
  if (manifest.ruleSet === 'none') return [];
  const { electorate } = manifest;
  const outcome = outcomeForResult({
    manifest,
    attendance: { summoned: electorate, present: electorate, excluded: 0 },
    activated: 0,
    ballots: 0,
    questions: manifest.questions.map((q) => ({ id: q.id, counts: q.options.map(() => 0), blank: 0 })),
  }) as RuleOutcome;
  return [
    ...yearWarnings(manifest),
    ...warningsInWords(outcome).filter((w) => SETUP_WARNINGS.includes(w.code)),
    ...outcome.subjects.flatMap((s) =>
      s.flags
        .filter((f) => SETUP_FLAGS.includes(f.code))
        .map((f) => ({
          code: f.code,
          citation: f.citation,
          certainty: f.certainty,
          message: { vi: `${s.name}: ${f.message.vi}`, en: `${s.name}: ${f.message.en}` },
        })),
    ),
  ];
}
