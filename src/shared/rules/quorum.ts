// Quorum. A confidence vote may not open below 2/3 of those summoned (QĐ 96-QĐ/TW Điều 3, confirmed);
// for classification and motions the quorum is a local setting, and falling short only warns.
import { quorumShortfall } from './meeting.ts';
import { tableFor } from './registry.ts';
import { type Resolved, resolveTableSettings, stringSetting } from './settings.ts';
import { QUORUM } from './tables/common.ts';
import { RuleError } from './text.ts';
import type { Message, RuleRef, RuleTable, Text } from './types.ts';

const QUORUM_REF: RuleRef = { rule: 'quorum', citations: QUORUM.citations, certainty: QUORUM.certainty };
const REFUSAL: Text = {
  vi: ' Theo QĐ 96-QĐ/TW Điều 3, hội nghị chỉ được lấy phiếu tín nhiệm khi có ít nhất 2/3 số người được triệu tập có mặt.',
  en: ' Under QĐ 96-QĐ/TW Điều 3 the confidence poll may open only with at least 2/3 of those summoned present.',
};

/** The quorum message for this meeting, or null when the quorum is met. */
export function quorumMessage(
  table: RuleTable,
  settings: Resolved,
  summoned: number,
  present: number,
): Message | null {
  if (table.kind === 'confidence') {
    const m = quorumShortfall(table.quorum, '>=2/3', summoned, present);
    return m && { ...m, message: { vi: m.message.vi + REFUSAL.vi, en: m.message.en + REFUSAL.en } };
  }
  return quorumShortfall(QUORUM_REF, stringSetting(settings, 'quorum'), summoned, present);
}

export type QuorumAnswer =
  | { ok: true; warnings: Message[] }
  | { ok: false; code: string; message: { vi: string; en: string } };

export function quorumToOpen(
  ruleSetId: string,
  settings: Record<string, unknown> | undefined,
  attendance: { summoned: number; present: number },
): QuorumAnswer {
  if (ruleSetId === 'none') return { ok: true, warnings: [] };
  try {
    const table = tableFor(ruleSetId);
    const resolved = resolveTableSettings(table, settings).settings;
    const { summoned, present } = attendance;
    const whole = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
    if (!whole(summoned) || !whole(present) || summoned === 0 || present > summoned)
      return {
        ok: false,
        code: 'invalid-attendance',
        message: {
          vi: `Số liệu có mặt không hợp lệ: triệu tập ${summoned}, có mặt ${present} (cần số nguyên, triệu tập ≥ 1, có mặt ≤ triệu tập).`,
          en: `Invalid attendance: summoned ${summoned}, present ${present} (whole numbers, summoned ≥ 1, present ≤ summoned).`,
        },
      };
    const shortfall = quorumMessage(table, resolved, summoned, present);
    if (shortfall && table.kind === 'confidence')
      return { ok: false, code: shortfall.code, message: shortfall.message };
    return { ok: true, warnings: shortfall ? [shortfall] : [] };
  } catch (e) {
    if (e instanceof RuleError) return { ok: false, code: e.code, message: e.text };
    throw e;
  }
}
