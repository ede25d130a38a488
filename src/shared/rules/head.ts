// Head not above the collective: the chi bộ secretary's proposed level is lowered to the chi bộ's own
// when it is better (HD 21-HD/BTCTW 2019; a setting, unconfirmed after 2019).
import type { Working } from './subject.ts';
import { levelCode } from './tables/common.ts';
import { flag, trace } from './text.ts';
import type { ClassificationTable } from './types.ts';

export function applyHead(table: ClassificationTable, subjects: Working[]): void {
  const ref = table.headNotAboveCollective;
  const levels = table.options.map((o) => o.id);
  const collective = subjects.find((w) => w.input.role === 'collective');
  const own = collective ? levels.indexOf(collective.proposal) : -1;
  for (const w of subjects) {
    const head = levels.indexOf(w.proposal);
    // KHTNV, the worst level, is above nothing: nothing to check
    if (w.input.role !== 'secretary' || head < 0 || head === levels.length - 1) continue;
    if (own < 0) {
      const message = collective
        ? {
            vi: 'Chi bộ chưa có mức đề xuất: cấp có thẩm quyền đối chiếu để mức của bí thư không cao hơn mức của chi bộ.',
            en: "The chi bộ has no proposed level: the committee checks the secretary's is not above it.",
          }
        : {
            vi: 'Mức của chi bộ không có trong cuộc họp này: cấp có thẩm quyền đối chiếu để mức của bí thư không cao hơn.',
            en: "The chi bộ's own level is not in this meeting: the committee checks the secretary's is not above it.",
          };
      w.trace.push(trace(ref, message));
      w.flags.push(flag(ref, 'head-not-checked', false, message));
      continue;
    }
    const mine = levelCode(w.proposal);
    const theirs = levelCode(levels[own]);
    if (head >= own) {
      w.trace.push(
        trace(ref, {
          vi: `bí thư ${mine}, không cao hơn mức của chi bộ (${theirs})`,
          en: `secretary ${mine}, not above the chi bộ's ${theirs}`,
        }),
      );
      continue;
    }
    w.proposal = levels[own];
    w.trace.push(
      trace(ref, {
        vi: `bí thư ${mine} cao hơn mức của chi bộ (${theirs}) → ${theirs}`,
        en: `secretary ${mine} above the chi bộ's ${theirs} → ${theirs}`,
      }),
    );
    w.flags.push(
      flag(ref, 'head-above-collective', false, {
        vi: `Hạ từ ${mine} xuống ${theirs}: mức của người đứng đầu không cao hơn mức của chi bộ.`,
        en: `Lowered from ${mine} to ${theirs}: the head's level is not above the chi bộ's.`,
      }),
    );
  }
}
