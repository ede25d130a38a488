// What every rule set needs from the meeting: the denominator a percentage is taken over, the per-subject
// tally kept for the minutes, and the quorum and attendance warnings.
import { parseThreshold, percent, reaches, thresholdText } from './arithmetic.ts';
import { settingRef } from './settings.ts';
import { join, trace, warning } from './text.ts';
import type { Message, RuleRef, SettingDef, SubjectInput, Tally, Text, TraceLine } from './types.ts';
import type { Meeting } from './validate.ts';

export type Denominator = { basis: string; value: number; text: Text };

function denominatorValue(basis: string, m: Meeting, s: SubjectInput): number {
  switch (basis) {
    case 'summoned-net':
      return m.summoned - m.excluded;
    case 'present':
      return m.present;
    case 'ballots':
      return m.ballots;
    case 'valid':
      return m.ballots - s.blank;
    case 'summoned':
      return m.summoned;
    case 'activated':
      return m.activated;
    default:
      throw new Error(`unknown denominator basis ${basis}`);
  }
}

export function denominator(basis: string, m: Meeting, s: SubjectInput): Denominator {
  const value = denominatorValue(basis, m, s);
  return { basis, value, text: denominatorWords({ basis, value }, { ...m, blank: s.blank }) };
}

/**
 * The base of a subject's percentages in words, with its number, from what a recorded outcome holds (its
 * basis and value) and the meeting's numbers: those summoned, the ballots cast, the subject's blanks. The
 * engine's trace says the same; a page or the minutes say it from here, since a recorded tally carries
 * only the basis and the value (SPEC §7: the record binds the outcome as the engine made it).
 */
export function denominatorWords(
  d: { basis: string; value: number },
  m: { summoned: number; ballots: number; blank: number },
): Text {
  const { value } = d;
  switch (d.basis) {
    case 'summoned-net': {
      const excluded = m.summoned - value;
      const net = excluded > 0 ? ` (${m.summoned} − ${excluded})` : '';
      return {
        vi: `${value} đảng viên chính thức được triệu tập${excluded > 0 ? ', đã trừ các trường hợp loại trừ' : ''}${net}`,
        en: `${value} official members summoned${excluded > 0 ? ', net of exclusions' : ''}${net}`,
      };
    }
    case 'present':
      return { vi: `${value} đảng viên chính thức có mặt`, en: `${value} official members present` };
    case 'ballots':
      return { vi: `${value} phiếu thu về`, en: `${value} ballots cast` };
    case 'valid':
      return {
        vi: `${value} phiếu hợp lệ đối với đối tượng này (${m.ballots} phiếu thu về − ${m.blank} phiếu không đánh dấu)`,
        en: `${value} valid answers for this subject (${m.ballots} ballots − ${m.blank} blank)`,
      };
    case 'summoned':
      return { vi: `${value} người được triệu tập`, en: `${value} people summoned` };
    case 'activated':
      return {
        vi: `${value} phiếu phát ra (thẻ đã kích hoạt)`,
        en: `${value} ballots issued (cards activated)`,
      };
    default:
      return { vi: String(value), en: String(value) };
  }
}

export function denominatorTrace(def: SettingDef, d: Denominator): TraceLine {
  return trace(settingRef(def, 'denominator'), join([{ vi: 'mẫu số: ', en: 'denominator: ' }, d.text]));
}

export function tallyOf(options: string[], s: SubjectInput, d: Denominator): Tally {
  return {
    denominator: { basis: d.basis, value: d.value },
    options: options.map((id) => ({ id, votes: s.counts[id], percent: percent(s.counts[id], d.value) })),
    blank: s.blank,
    blankPercent: percent(s.blank, d.value),
  };
}

/** The quorum message when `present` is below the quorum over `summoned`, else null. */
export function quorumShortfall(
  ref: RuleRef,
  quorum: string,
  summoned: number,
  present: number,
): Message | null {
  if (quorum === 'none') return null;
  const t = parseThreshold(quorum);
  if (reaches(present, summoned, t)) return null;
  const needed = thresholdText(t);
  return warning(ref, 'quorum-not-met', {
    vi: `Có mặt ${present}/${summoned} người được triệu tập, chưa đạt ${needed.vi}.`,
    en: `${present} of ${summoned} summoned are present, short of ${needed.en}.`,
  });
}

/** Cards handed out to more people than are present: worth a look before the minutes are signed. */
export function attendanceWarnings(m: Meeting): Message[] {
  if (m.activated <= m.present) return [];
  const ref: RuleRef = {
    rule: 'attendance',
    citations: [{ document: 'QĐ 190-QĐ/TW', article: 'Điều 8' }],
    certainty: 'secondary',
  };
  return [
    warning(ref, 'activated-exceeds-present', {
      vi: `Số thẻ đã kích hoạt (${m.activated}) nhiều hơn số đảng viên có mặt (${m.present}); ban kiểm phiếu cần đối chiếu.`,
      en: `More cards were activated (${m.activated}) than members are present (${m.present}); the counting board should check.`,
    }),
  ];
}
