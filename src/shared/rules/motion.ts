// A motion is adopted when "yes" is more than half of the denominator (Điều lệ Đảng Điều 9 k5).
import { parseThreshold, reaches, share } from './arithmetic.ts';
import { denominator, denominatorTrace } from './meeting.ts';
import { type Resolved, settingDef, stringSetting } from './settings.ts';
import type { Working } from './subject.ts';
import { trace } from './text.ts';
import type { MotionTable } from './types.ts';
import type { Checked } from './validate.ts';

/** A motion passes when "yes" is above half of the denominator. */
export const ADOPTED = parseThreshold('>1/2');

export function motion(table: MotionTable, checked: Checked, settings: Resolved): Working[] {
  const def = settingDef(table, 'denominator');
  const basis = stringSetting(settings, 'denominator');
  return checked.subjects.map((input) => {
    const d = denominator(basis, checked.meeting, input);
    const yes = share(input.counts.yes, d.value);
    const adopted = d.value > 0 && reaches(input.counts.yes, d.value, ADOPTED);
    return {
      input,
      denominator: d,
      proposal: adopted ? 'yes' : 'no',
      flags: [],
      trace: [
        denominatorTrace(def, d),
        trace(
          table.adoption,
          adopted
            ? { vi: `tán thành ${yes.vi} trên 1/2 → thông qua`, en: `yes ${yes.en} > 1/2 → adopted` }
            : {
                vi: `tán thành ${yes.vi}, cần trên 1/2: không thông qua`,
                en: `yes ${yes.en}, needs > 1/2: not adopted`,
              },
        ),
      ],
    };
  });
}
