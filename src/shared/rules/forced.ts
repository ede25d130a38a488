// What forces a level whatever the vote: an exemption (not classified), a fact the rule set lists for the
// subject's role (KHTNV), or, for a leader, over half "tín nhiệm thấp" in the linked confidence vote.
// Each is flagged with its source, never applied silently; facts the rule set does not know are flagged too.
import { parseThreshold, reaches, share } from './arithmetic.ts';
import { proposalText, ROLE_NAMES, sourceText, type Working } from './subject.ts';
import { flag, join, trace } from './text.ts';
import type {
  ClassificationTable,
  FactInput,
  FactRule,
  Message,
  RuleOutcome,
  RuleRef,
  Text,
} from './types.ts';

const refOf = (r: FactRule): RuleRef => ({ rule: r.code, citations: r.citations, certainty: r.certainty });
const HALF = parseThreshold('>1/2');

export function exemption(table: ClassificationTable, w: Working): boolean {
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

function forcedFlag(rule: RuleRef, waivable: boolean, reason: Text, voted: string, f: FactInput) {
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

export function forcedByFacts(table: ClassificationTable, w: Working, voted: string): boolean {
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

/** Why a linked confidence result is no basis for a level: its poll opened without the 2/3 of QĐ 96-QĐ/TW
 * Điều 3 ("chỉ được tiến hành khi có ít nhất 2/3 số người được triệu tập có mặt"), as its own record says. */
export function linkedDefect(linked: RuleOutcome): Message | undefined {
  return linked.warnings.find((w) => w.code === 'quorum-not-met');
}

export const LINKED_INVALID: Text = {
  vi: 'Kết quả lấy phiếu tín nhiệm được liên kết không hợp lệ: hội nghị không đủ 2/3 số người được triệu tập có mặt (QĐ 96-QĐ/TW Điều 3). Kết quả này không được dùng để xếp loại; cấp có thẩm quyền xem xét.',
  en: 'The linked confidence result is not valid: fewer than 2/3 of those summoned were present (QĐ 96-QĐ/TW Điều 3). It is not used for the classification; the committee decides.',
};

export function forcedByLowConfidence(
  table: ClassificationTable,
  w: Working,
  linked: RuleOutcome,
  voted: string,
): boolean {
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
  const over = total > 0 && reaches(low, total, HALF);
  const s = share(low, total);
  const line = trace(
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
  const defect = linkedDefect(linked);
  if (defect) {
    const ref: RuleRef = { ...rule, certainty: defect.certainty };
    const message = join([LINKED_INVALID, ' ', defect.message]);
    w.trace.push(trace(ref, message));
    w.flags.push(flag(ref, 'linked-confidence-invalid', false, message));
    return false;
  }
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
