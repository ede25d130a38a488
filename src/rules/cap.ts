// The cap on the best level: at most capPercent of those proposed HTTNV may be HTXSNV. The competent level
// applies it over a group that may be wider than the chi bộ, so the engine only warns: it ranks those
// proposed HTXSNV by vote share and marks the ones beyond the cap. It never demotes.
import { compareShares, share } from './arithmetic.ts';
import { numberSetting, type Resolved, settingDef, stringSetting } from './settings.ts';
import type { Working } from './subject.ts';
import { flag, join, trace, warning } from './text.ts';
import type { Certainty, ClassificationTable, Message, RuleRef, Text } from './types.ts';

const STRENGTH: Certainty[] = ['confirmed', 'secondary', 'local', 'unconfirmed'];

const ROUNDING: Record<string, { apply: (x100: number) => number; text: Text }> = {
  floor: { apply: (x) => Math.floor(x / 100), text: { vi: 'làm tròn xuống ', en: 'floor' } },
  round: { apply: (x) => Math.floor((x + 50) / 100), text: { vi: 'làm tròn ', en: 'round' } },
  ceil: { apply: (x) => Math.floor((x + 99) / 100), text: { vi: 'làm tròn lên ', en: 'ceil' } },
};

/** The greatest number of HTXSNV proposals within the cap: rounding(base × percent / 100). */
export function capLimit(base: number, percent: number, rounding: string): number {
  return ROUNDING[rounding].apply(base * percent);
}

export function applyCap(table: ClassificationTable, subjects: Working[], settings: Resolved): Message[] {
  const individuals = subjects.filter((w) => w.input.role !== 'collective');
  const best = individuals.filter((w) => w.proposal === 'htxsnv');
  if (best.length === 0) return [];
  const pct = numberSetting(settings, 'capPercent');
  const basis = stringSetting(settings, 'capBase');
  const rounding = stringSetting(settings, 'capRounding');
  const counted = basis === 'httnv' ? ['httnv'] : ['httnv', 'htxsnv'];
  const base = individuals.filter((w) => counted.includes(w.proposal)).length;
  const max = capLimit(base, pct, rounding);
  const weakest = ['capPercent', 'capBase', 'capRounding']
    .map((key) => settingDef(table, key).certainty)
    .reduce((a, b) => (STRENGTH.indexOf(a) > STRENGTH.indexOf(b) ? a : b), table.cap.certainty);
  const ref: RuleRef = { ...table.cap, certainty: weakest };
  const baseName = basis === 'httnv' ? 'HTTNV' : 'HTTNV + HTXSNV';
  const limit = join([
    { vi: `tối đa ${max} HTXSNV = `, en: `at most ${max} HTXSNV = ` },
    ROUNDING[rounding].text,
    `(${pct}% × ${base} ${baseName})`,
  ]);
  const votes = (w: Working) => w.input.counts.htxsnv;
  const shareCmp = (a: Working, b: Working) =>
    compareShares(votes(a), a.denominator.value, votes(b), b.denominator.value);
  let marked = 0;
  for (const w of best) {
    const better = best.filter((o) => shareCmp(o, w) > 0).length;
    const level = best.filter((o) => shareCmp(o, w) >= 0).length;
    const rank = { vi: `xếp thứ ${better + 1}/${best.length}`, en: `rank ${better + 1} of ${best.length}` };
    const by = join([
      rank,
      { vi: ' theo tỉ lệ phiếu ', en: ' by vote share ' },
      share(votes(w), w.denominator.value),
    ]);
    if (level <= max) {
      w.trace.push(
        trace(
          ref,
          join([
            { vi: 'giới hạn: ', en: 'cap: ' },
            limit,
            '; ',
            by,
            { vi: ' → trong giới hạn', en: ' → within the cap' },
          ]),
        ),
      );
      continue;
    }
    marked++;
    const beyond = better >= max;
    const verdict = beyond
      ? {
          vi: ' → vượt giới hạn: cấp có thẩm quyền quyết định',
          en: ' → exceeds the cap: the committee decides',
        }
      : {
          vi: ` → bằng phiếu với người khác tại giới hạn: cấp có thẩm quyền quyết định`,
          en: ' → tied with others at the cap: the committee decides',
        };
    const message = join([{ vi: 'giới hạn: ', en: 'cap: ' }, limit, '; ', by, verdict]);
    w.trace.push(trace(ref, message));
    w.flags.push(flag(ref, beyond ? 'exceeds-cap' : 'tied-at-cap', false, message));
  }
  if (marked === 0) return [];
  return [
    warning(
      ref,
      'cap-exceeded',
      join([
        {
          vi: `${best.length} người được đề xuất HTXSNV, giới hạn cho phép `,
          en: `${best.length} proposed HTXSNV, the cap allows `,
        },
        limit,
        {
          vi: `; ${marked} người được đánh dấu. Chi bộ chỉ đề xuất: cấp có thẩm quyền áp dụng giới hạn trong nhóm của mình và quyết định.`,
          en: `; ${marked} marked. The chi bộ only proposes: the competent level applies the cap over its group and decides.`,
        },
      ]),
    ),
  ];
}
