// Classification (QD366-2025, QD124-2023, QD132-2019): the vote proposes the best level over its threshold;
// facts and a linked confidence result can force KHTNV (as flags the committee may waive); then the head
// rule and the cap on the best level run over the whole meeting.
import { parseThreshold, reaches, share, thresholdText } from './arithmetic.ts';
import { applyCap } from './cap.ts';
import { exemption, forcedByFacts, forcedByLowConfidence, LINKED_INVALID, linkedDefect } from './forced.ts';
import { applyHead } from './head.ts';
import { denominator, denominatorTrace } from './meeting.ts';
import { booleanSetting, type Resolved, settingDef, settingRef, stringSetting } from './settings.ts';
import type { Working } from './subject.ts';
import { levelCode, thresholdKey } from './tables/common.ts';
import { flag, join, trace, warning } from './text.ts';
import type { ClassificationTable, Message } from './types.ts';
import type { Checked } from './validate.ts';

function vote(table: ClassificationTable, w: Working, settings: Resolved): void {
  const cumulative = booleanSetting(settings, 'cumulative');
  const d = w.denominator;
  let counted = 0;
  for (const level of table.options) {
    const votes = w.input.counts[level.id];
    counted = cumulative ? counted + votes : votes;
    const key = thresholdKey(level.id);
    const t = parseThreshold(stringSetting(settings, key));
    const ref = settingRef(settingDef(table, key), table.adoption.rule);
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

export function classify(
  table: ClassificationTable,
  checked: Checked,
  settings: Resolved,
): { subjects: Working[]; warnings: Message[] } {
  const def = settingDef(table, 'denominator');
  const basis = stringSetting(settings, 'denominator');
  const warnings: Message[] = [];
  const subjects = checked.subjects.map((input) => {
    const d = denominator(basis, checked.meeting, input);
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
    const byFact = forcedByFacts(table, w, voted);
    const byLink = checked.linked !== null && forcedByLowConfidence(table, w, checked.linked, voted);
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
  const defect = checked.linked && table.lowConfidence && linkedDefect(checked.linked);
  if (defect)
    warnings.push({
      ...defect,
      code: 'linked-confidence-invalid',
      message: join([LINKED_INVALID, ' ', defect.message]),
    });
  if (booleanSetting(settings, 'headNotAboveCollective')) applyHead(table, subjects);
  warnings.push(...applyCap(table, subjects, settings));
  return { subjects, warnings };
}
