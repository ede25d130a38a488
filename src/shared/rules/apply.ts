// applyRuleSet: the one pure function from a tally and the subjects' facts to a proposal per subject.
import { classify } from './classification.ts';
import { confidence } from './confidence.ts';
import { attendanceWarnings, tallyOf } from './meeting.ts';
import { motion } from './motion.ts';
import { quorumMessage } from './quorum.ts';
import { tableFor } from './registry.ts';
import { resolveTableSettings } from './settings.ts';
import type { Working } from './subject.ts';
import { fail } from './text.ts';
import type { Message, RuleInput, RuleOutcome, SubjectOutcome } from './types.ts';
import { checkInput } from './validate.ts';

export function applyRuleSet(input: RuleInput): RuleOutcome {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    fail('invalid-input', 'Dữ liệu vào phải là một đối tượng JSON', 'The input must be a JSON object');
  const table = tableFor(input.ruleSet);
  const resolved = resolveTableSettings(table, input.settings);
  const checked = checkInput(table, input as unknown as Record<string, unknown>);
  const { summoned, present } = checked.meeting;
  const quorum = quorumMessage(table, resolved.settings, summoned, present);
  const warnings: Message[] = [
    ...resolved.warnings,
    ...(quorum ? [quorum] : []),
    ...attendanceWarnings(checked.meeting),
  ];
  let subjects: Working[];
  if (table.kind === 'classification') {
    const result = classify(table, checked, resolved.settings);
    subjects = result.subjects;
    warnings.push(...result.warnings);
  } else if (table.kind === 'confidence') {
    subjects = confidence(table, checked, resolved.settings);
  } else {
    subjects = motion(table, checked, resolved.settings);
  }
  const options = table.options.map((o) => o.id);
  return {
    ruleSet: table.id,
    kind: table.kind,
    settings: resolved.settings,
    warnings,
    subjects: subjects.map(
      (w): SubjectOutcome => ({
        id: w.input.id,
        name: w.input.name,
        role: w.input.role,
        proposal: w.proposal,
        tally: tallyOf(options, w.input, w.denominator),
        flags: w.flags,
        trace: w.trace,
      }),
    ),
  };
}
