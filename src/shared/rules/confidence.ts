// Confidence vote (QĐ 96-QĐ/TW): percentages per person over the chosen denominator, and the consequences
// of "tín nhiệm thấp" as flags. There is no adopted level; the proposal names the level over half, if any.
import { parseThreshold, reaches, share } from './arithmetic.ts';
import { denominator, denominatorTrace } from './meeting.ts';
import { type Resolved, settingDef, stringSetting } from './settings.ts';
import type { Working } from './subject.ts';
import { flag, join, trace } from './text.ts';
import type { ConfidenceTable, RuleRef, Text } from './types.ts';
import type { Checked } from './validate.ts';

/** A level is proposed, and "tín nhiệm thấp" has consequences, above half of the denominator. */
export const HALF = parseThreshold('>1/2');
const TWO_THIRDS = parseThreshold('>=2/3');

function majority(table: ConfidenceTable, w: Working): void {
  const d = w.denominator.value;
  const top = table.options.find((o) => d > 0 && reaches(w.input.counts[o.id], d, HALF));
  w.proposal = top ? top.id : 'no-majority';
  w.trace.push(
    trace(
      table.majority,
      top
        ? {
            vi: `"${top.label.vi.toLowerCase()}" ${share(w.input.counts[top.id], d).vi} trên 1/2`,
            en: `"${top.label.vi.toLowerCase()}" ${share(w.input.counts[top.id], d).en} > 1/2`,
          }
        : { vi: 'không mức nào trên 1/2', en: 'no level has more than 1/2' },
    ),
  );
}

function consequence(w: Working, ref: RuleRef, code: string, what: Text, reason: Text): void {
  const message = join([reason, ' → ', what]);
  w.trace.push(trace(ref, message));
  w.flags.push(flag(ref, code, false, message));
}

function lowConfidence(table: ConfidenceTable, w: Working): void {
  const d = w.denominator.value;
  const low = w.input.counts.thap;
  const s = share(low, d);
  const checked: RuleRef = {
    rule: 'low-confidence',
    citations: [...table.resignation.citations, ...table.classification.citations],
    certainty: 'confirmed',
  };
  if (!(d > 0 && reaches(low, d, HALF))) {
    w.trace.push(
      trace(checked, {
        vi: `"tín nhiệm thấp" ${s.vi}, không trên 1/2`,
        en: `"tín nhiệm thấp" ${s.en}, not > 1/2`,
      }),
    );
    return;
  }
  const over = { vi: `"tín nhiệm thấp" ${s.vi} trên 1/2`, en: `"tín nhiệm thấp" ${s.en} > 1/2` };
  consequence(
    w,
    table.resignation,
    'resignation-ground',
    { vi: 'căn cứ xem xét cho từ chức', en: 'a ground for resignation' },
    over,
  );
  consequence(
    w,
    table.classification,
    'khtnv-for-leader',
    {
      vi: 'KHTNV khi xếp loại năm nay (người giữ chức vụ lãnh đạo)',
      en: "KHTNV in this year's classification (a leader)",
    },
    over,
  );
  if (reaches(low, d, TWO_THIRDS))
    consequence(
      w,
      table.removal,
      'removal',
      {
        vi: 'cho thôi giữ chức vụ (miễn nhiệm) mà không chờ hết nhiệm kỳ',
        en: 'removal from office without waiting for the end of the term',
      },
      { vi: `"tín nhiệm thấp" ${s.vi} từ 2/3 trở lên`, en: `"tín nhiệm thấp" ${s.en} ≥ 2/3` },
    );
  else
    consequence(
      w,
      table.outOfPlanning,
      'out-of-planning',
      {
        vi: 'đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét cho thôi giữ chức vụ, bố trí công tác khác hoặc cho từ chức',
        en: 'out of planning for higher posts; consider removal, reassignment or resignation',
      },
      { vi: `"tín nhiệm thấp" ${s.vi} trên 1/2 và dưới 2/3`, en: `"tín nhiệm thấp" ${s.en} > 1/2 and < 2/3` },
    );
}

export function confidence(table: ConfidenceTable, checked: Checked, settings: Resolved): Working[] {
  const def = settingDef(table, 'denominator');
  const basis = stringSetting(settings, 'denominator');
  return checked.subjects.map((input) => {
    const d = denominator(basis, checked.meeting, input);
    const w: Working = {
      input,
      denominator: d,
      proposal: 'no-majority',
      flags: [],
      trace: [denominatorTrace(def, d)],
    };
    majority(table, w);
    lowConfidence(table, w);
    return w;
  });
}
