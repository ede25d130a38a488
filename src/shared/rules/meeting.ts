// What every rule set needs from the meeting: the denominator a percentage is taken over, the per-subject
// tally kept for the minutes, and the quorum and attendance warnings.
import { parseThreshold, percent, reaches, thresholdText } from './arithmetic.ts';
import { settingRef } from './settings.ts';
import { join, trace, warning } from './text.ts';
import type { Message, RuleRef, SettingDef, SubjectInput, Tally, Text, TraceLine } from './types.ts';
import type { Meeting } from './validate.ts';

export type Denominator = { basis: string; value: number; text: Text };

export function denominator(basis: string, m: Meeting, s: SubjectInput): Denominator {
  switch (basis) {
    case 'summoned-net': {
      const value = m.summoned - m.excluded;
      const net = m.excluded > 0 ? ` (${m.summoned} − ${m.excluded})` : '';
      return {
        basis,
        value,
        text: {
          vi: `${value} đảng viên chính thức được triệu tập${m.excluded > 0 ? ', đã trừ các trường hợp loại trừ' : ''}${net}`,
          en: `${value} official members summoned${m.excluded > 0 ? ', net of exclusions' : ''}${net}`,
        },
      };
    }
    case 'present':
      return {
        basis,
        value: m.present,
        text: { vi: `${m.present} đảng viên chính thức có mặt`, en: `${m.present} official members present` },
      };
    case 'ballots':
      return {
        basis,
        value: m.ballots,
        text: { vi: `${m.ballots} phiếu thu về`, en: `${m.ballots} ballots cast` },
      };
    case 'valid': {
      const value = m.ballots - s.blank;
      return {
        basis,
        value,
        text: {
          vi: `${value} phiếu hợp lệ đối với đối tượng này (${m.ballots} phiếu thu về − ${s.blank} phiếu không đánh dấu)`,
          en: `${value} valid answers for this subject (${m.ballots} ballots − ${s.blank} blank)`,
        },
      };
    }
    case 'summoned':
      return {
        basis,
        value: m.summoned,
        text: { vi: `${m.summoned} người được triệu tập`, en: `${m.summoned} people summoned` },
      };
    case 'activated':
      return {
        basis,
        value: m.activated,
        text: {
          vi: `${m.activated} phiếu phát ra (thẻ đã kích hoạt)`,
          en: `${m.activated} ballots issued (cards activated)`,
        },
      };
    default:
      throw new Error(`unknown denominator basis ${basis}`);
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
