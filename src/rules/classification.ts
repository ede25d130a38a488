// Classification (QD366-2025, QD124-2023, QD132-2019): the vote proposes the best level over its threshold;
// facts and a linked confidence result can force KHTNV (as flags the committee may waive); then the head
// rule and the cap on the best level run over the whole meeting.
import { parseThreshold, reaches, share, thresholdText } from './arithmetic.ts';
import { applyCap } from './cap.ts';
import { applyHead } from './head.ts';
import { type Denominator, denominator, denominatorTrace } from './meeting.ts';
import { booleanSetting, type Resolved, stringSetting } from './settings.ts';
import { proposalText, ROLE_NAMES, sourceText, type Working } from './subject.ts';
import { levelCode } from './tables/common.ts';
import { flag, join, trace, warning } from './text.ts';
import type {
  ClassificationTable,
  FactInput,
  FactRule,
  Message,
  RuleOutcome,
  RuleRef,
  TraceLine,
} from './types.ts';
import type { Checked } from './validate.ts';

const refOf = (r: FactRule): RuleRef => ({ rule: r.code, citations: r.citations, certainty: r.certainty });

function vote(table: ClassificationTable, w: Working, settings: Resolved): void {
  const cumulative = booleanSetting(settings, 'cumulative');
  const d = w.denominator;
  let counted = 0;
  for (const level of table.options) {
    const votes = w.input.counts[level.id];
    counted = cumulative ? counted + votes : votes;
    const key = `threshold${level.id[0].toUpperCase()}${level.id.slice(1)}`;
    const t = parseThreshold(stringSetting(settings, key));
    const def = table.settings.find((s) => s.key === key)!;
    const ref: RuleRef = { rule: table.adoption.rule, citations: def.citations, certainty: def.certainty };
    const from = counted - votes;
    const note =
      cumulative && from > 0
        ? { vi: `, cộng dồn ${from} phiếu mức cao hơn`, en: `, counting ${from} for better levels` }
        : undefined;
    const head = join([`${levelCode(level.id)}: `, share(counted, d.value, note)]);
    if (d.value > 0 && reaches(counted, d.value, t)) {
      w.proposal = level.id;
      w.trace.push(
        trace(
          ref,
          join([head, ' ', thresholdText(t), { vi: ' → đề xuất ', en: ' → proposed ' }, levelCode(level.id)]),
        ),
      );
      return;
    }
    w.trace.push(
      trace(
        ref,
        join([
          head,
          { vi: ', cần ', en: ', needs ' },
          thresholdText(t),
          { vi: ': không đạt', en: ': not reached' },
        ]),
      ),
    );
  }
  w.proposal = 'no-majority';
  const message = {
    vi: 'Không mức nào đạt ngưỡng: biểu quyết lại, hoặc báo cáo chi ủy xem xét.',
    en: 'No level reached its threshold: re-vote, or refer to the chi ủy.',
  };
  w.trace.push(trace(table.noMajority, message));
  w.flags.push(flag(table.noMajority, 'no-majority', false, message));
}

function exemption(table: ClassificationTable, w: Working): boolean {
  const { role, facts } = w.input;
  const exempting = (code: string) =>
    table.facts.find((r) => r.code === code && r.effect === 'not-classified' && r.roles.includes(role));
  const f = facts.find((x) => exempting(x.code));
  if (!f) return false;
  const rule = exempting(f.code)!;
  const message = join([
    { vi: 'Không xếp loại: ', en: 'Not classified: ' },
    rule.label,
    ' (',
    sourceText(f.source),
    {
      vi: '); đảng viên này không thuộc diện biểu quyết.',
      en: '); this member should not be on the ballot.',
    },
  ]);
  w.proposal = 'not-classified';
  w.trace.push(trace(refOf(rule), message));
  w.flags.push(flag(refOf(rule), 'not-classified', false, message));
  return true;
}

function forcedFlag(
  rule: RuleRef,
  waivable: boolean,
  reason: { vi: string; en: string },
  voted: string,
  f: FactInput,
) {
  const waiver = waivable
    ? {
        vi: ' Cấp có thẩm quyền có thể xem xét nếu đảng viên tự giác nhận lỗi, tự phát hiện và khắc phục xong hậu quả.',
        en: ' The committee may waive it if the member owned up to, found and fixed the problem.',
      }
    : '';
  return flag(
    rule,
    'forced-khtnv',
    waivable,
    join([
      'KHTNV: ',
      reason,
      ' (',
      sourceText(f.source),
      { vi: '); kết quả biểu quyết: ', en: '); the vote gave: ' },
      proposalText(voted),
      '.',
      waiver,
    ]),
  );
}

function facts(table: ClassificationTable, w: Working, voted: string): boolean {
  let forced = false;
  const seen = new Set<string>();
  for (const f of w.input.facts) {
    if (seen.has(f.code)) continue;
    seen.add(f.code);
    const rule = table.facts.find((r) => r.code === f.code && r.roles.includes(w.input.role));
    if (rule?.effect === 'khtnv') {
      forced = true;
      w.trace.push(trace(refOf(rule), join([rule.label, ' (', sourceText(f.source), ') → KHTNV'])));
      w.flags.push(forcedFlag(refOf(rule), rule.waivable, rule.label, voted, f));
      continue;
    }
    if (rule) continue;
    const other = table.facts.find((r) => r.code === f.code);
    const unknownRef: RuleRef = { rule: 'facts', citations: table.citations, certainty: 'unconfirmed' };
    const message = other
      ? join([
          { vi: `Sự kiện "${f.code}" (`, en: `Fact "${f.code}" (` },
          sourceText(f.source),
          { vi: ') áp dụng cho ', en: ') applies to ' },
          join(
            other.roles.map((r) => ROLE_NAMES[r]),
            ', ',
          ),
          { vi: ', không áp dụng cho ', en: ', not to a ' },
          ROLE_NAMES[w.input.role],
          {
            vi: ': không áp dụng, cấp có thẩm quyền xem xét.',
            en: ': not applied; the committee checks it.',
          },
        ])
      : join([
          { vi: `Sự kiện "${f.code}" (`, en: `Fact "${f.code}" (` },
          sourceText(f.source),
          {
            vi: `) không có trong bộ ${table.id}: không áp dụng, cấp có thẩm quyền xem xét.`,
            en: `) is not in rule set ${table.id}: not applied; the committee checks it.`,
          },
        ]);
    const ref = other ? refOf(other) : unknownRef;
    w.trace.push(trace(ref, message));
    w.flags.push(flag(ref, other ? 'fact-not-applicable' : 'unknown-fact', false, message));
  }
  return forced;
}

function lowConfidence(table: ClassificationTable, w: Working, linked: RuleOutcome, voted: string): boolean {
  const rule = table.lowConfidence;
  if (!rule?.roles.includes(w.input.role)) return false;
  const found = linked.subjects.find((s) => s.id === w.input.id);
  const who = ROLE_NAMES[w.input.role];
  if (!found) {
    w.trace.push(
      trace(
        rule,
        join([
          who,
          {
            vi: ' không có trong kỳ lấy phiếu tín nhiệm được liên kết',
            en: ' is not in the linked confidence vote',
          },
        ]),
      ),
    );
    return false;
  }
  const low = found.tally.options.find((o) => o.id === 'thap')?.votes ?? 0;
  const total = found.tally.denominator.value;
  const half = parseThreshold('>1/2');
  const over = total > 0 && reaches(low, total, half);
  const s = share(low, total);
  const line: TraceLine = trace(
    rule,
    over
      ? {
          vi: `${who.vi} có ${s.vi} phiếu "tín nhiệm thấp" trên 1/2 → KHTNV`,
          en: `${who.en} with ${s.en} "tín nhiệm thấp" > 1/2 → KHTNV`,
        }
      : {
          vi: `${who.vi} có ${s.vi} phiếu "tín nhiệm thấp", không trên 1/2`,
          en: `${who.en} with ${s.en} "tín nhiệm thấp", not > 1/2`,
        },
  );
  w.trace.push(line);
  if (!over || w.flags.some((f) => f.code === 'forced-khtnv' && f.rule === rule.rule)) return over;
  const reason = {
    vi: `${s.vi} phiếu "tín nhiệm thấp" tại kỳ lấy phiếu được liên kết`,
    en: `${s.en} "tín nhiệm thấp" in the linked confidence vote`,
  };
  w.flags.push(
    forcedFlag(rule, rule.waivable, reason, voted, {
      code: rule.rule,
      source: 'linkedConfidence (QD96-2023)',
    }),
  );
  return true;
}

export function classify(
  table: ClassificationTable,
  checked: Checked,
  settings: Resolved,
): { subjects: Working[]; warnings: Message[] } {
  const def = table.settings.find((s) => s.key === 'denominator')!;
  const basis = stringSetting(settings, 'denominator');
  const warnings: Message[] = [];
  const subjects = checked.subjects.map((input) => {
    const d: Denominator = denominator(basis, checked.meeting, input);
    const w: Working = {
      input,
      denominator: d,
      proposal: 'no-majority',
      flags: [],
      trace: [denominatorTrace(def, d)],
    };
    if (exemption(table, w)) return w;
    vote(table, w, settings);
    const voted = w.proposal;
    const byFact = facts(table, w, voted);
    const byLink = checked.linked !== null && lowConfidence(table, w, checked.linked, voted);
    if (byFact || byLink) w.proposal = 'khtnv';
    return w;
  });
  if (checked.linked !== null && table.lowConfidence === null)
    warnings.push(
      warning(
        { rule: 'linked-confidence', citations: table.citations, certainty: 'confirmed' },
        'linked-confidence-unused',
        {
          vi: `Bộ ${table.id} không có quy định liên kết kết quả lấy phiếu tín nhiệm với xếp loại: kết quả được liên kết không được áp dụng.`,
          en: `Rule set ${table.id} has no rule linking a confidence vote to classification: the linked result is not applied.`,
        },
      ),
    );
  if (booleanSetting(settings, 'headNotAboveCollective')) applyHead(table, subjects);
  warnings.push(...applyCap(table, subjects, settings));
  return { subjects, warnings };
}
