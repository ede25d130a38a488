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

/** One individual's proposal, as the cap sees it: the level proposed and the HTXSNV votes over the denominator. */
export type CapEntry = { proposal: string; votes: number; denominator: number };
export type CapSettings = { percent: number; base: string; rounding: string };
export type CapPlace<T> = {
  entry: T;
  /** 1 + the number proposed HTXSNV with a strictly greater vote share. */
  rank: number;
  verdict: 'within' | 'exceeds-cap' | 'tied-at-cap';
};

/**
 * The cap over one group (a chi bộ, or a group the committee sets across chi bộ): its base, its limit, and
 * for each proposed HTXSNV, ranked by vote share, whether it is within the cap, beyond it, or tied at it.
 */
export function rankForCap<T extends CapEntry>(
  entries: T[],
  settings: CapSettings,
): { base: number; max: number; places: CapPlace<T>[] } {
  const counted = settings.base === 'httnv' ? ['httnv'] : ['httnv', 'htxsnv'];
  const base = entries.filter((e) => counted.includes(e.proposal)).length;
  const max = capLimit(base, settings.percent, settings.rounding);
  const best = entries.filter((e) => e.proposal === 'htxsnv');
  const cmp = (a: T, b: T) => compareShares(a.votes, a.denominator, b.votes, b.denominator);
  const places = best.map((entry): CapPlace<T> => {
    const better = best.filter((o) => cmp(o, entry) > 0).length;
    const level = best.filter((o) => cmp(o, entry) >= 0).length;
    const verdict = level <= max ? 'within' : better >= max ? 'exceeds-cap' : 'tied-at-cap';
    return { entry, rank: better + 1, verdict };
  });
  return { base, max, places };
}

export function applyCap(table: ClassificationTable, subjects: Working[], settings: Resolved): Message[] {
  const individuals = subjects.filter((w) => w.input.role !== 'collective');
  const pct = numberSetting(settings, 'capPercent');
  const basis = stringSetting(settings, 'capBase');
  const rounding = stringSetting(settings, 'capRounding');
  const { base, max, places } = rankForCap(
    individuals.map((w) => ({
      proposal: w.proposal,
      votes: w.input.counts.htxsnv ?? 0,
      denominator: w.denominator.value,
      w,
    })),
    { percent: pct, base: basis, rounding },
  );
  if (places.length === 0) return [];
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
  let marked = 0;
  for (const { entry, rank: place, verdict: placed } of places) {
    const w = entry.w;
    const rank = { vi: `xếp thứ ${place}/${places.length}`, en: `rank ${place} of ${places.length}` };
    const by = join([
      rank,
      { vi: ' theo tỉ lệ phiếu ', en: ' by vote share ' },
      share(entry.votes, entry.denominator),
    ]);
    if (placed === 'within') {
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
    const beyond = placed === 'exceeds-cap';
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
          vi: `${places.length} người được đề xuất HTXSNV, giới hạn cho phép `,
          en: `${places.length} proposed HTXSNV, the cap allows `,
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
