// Builds a meeting's manifest (SPEC §1) from the branch roster and the organiser's choices: one question
// per member to classify, per official assessed, or per motion. The result is serialised once; the
// string is what the record keeps and what every hash covers.

import { fail } from '../http/errors.ts';
import { defaultSubjects, voters } from '../shared/domain.ts';
import { ruleSets } from '../shared/rules/index.ts';
import type { Kind, Member } from '../store/store.ts';

export const NO_RULE_SET = 'none';

export const DEFAULT_RULE_SET: Record<Kind, string> = {
  classification: 'QD366-2025',
  confidence: 'QD96-2023',
  motion: 'motion',
};

export type SettingChoice = string | number | boolean | { value: string | number | boolean; basis?: string };

export type MeetingChoices = {
  meetingId: string;
  title: string;
  organisation: string;
  kind: Kind;
  ruleSet?: string;
  settings?: Record<string, SettingChoice>;
  trustees: { n: number; k: number };
  subjects?: string[];
  motions?: { prompt: string }[];
  electorate?: number;
  linkedConfidence?: unknown;
  /** classification: the year assessed, kept in the manifest so every hash and signature binds it */
  assessmentYear?: number;
};

type Option = { id: string; label: string };

function optionsFor(kind: Kind, ruleSetId: string): Option[] {
  const ruleSet = ruleSets[ruleSetId === NO_RULE_SET ? DEFAULT_RULE_SET[kind] : ruleSetId];
  if (!ruleSet) throw fail(400, 'rule_set_unknown', { ruleSet: ruleSetId });
  return ruleSet.options.map((o) => ({ id: o.id, label: o.label.vi }));
}

/** The rule set's settings as chosen: every setting with its value, and the organiser's basis if given. */
function chosenSettings(ruleSetId: string, choices: Record<string, SettingChoice>) {
  const settings: Record<string, { value: string | number | boolean; basis?: string }> = {};
  if (ruleSetId === NO_RULE_SET) {
    for (const key of Object.keys(choices)) throw fail(400, 'setting_unknown', { ruleSet: ruleSetId, key });
    return settings;
  }
  const ruleSet = ruleSets[ruleSetId]!;
  for (const key of Object.keys(choices)) {
    if (!ruleSet.settings.some((s) => s.key === key))
      throw fail(400, 'setting_unknown', { ruleSet: ruleSetId, key });
  }
  for (const setting of ruleSet.settings) {
    const choice = choices[setting.key];
    if (choice === undefined) settings[setting.key] = { value: setting.default };
    else if (typeof choice === 'object') settings[setting.key] = { ...choice };
    else settings[setting.key] = { value: choice };
  }
  return settings;
}

function subjectsFor(kind: Kind, roster: Member[], chosen: string[] | undefined): Member[] {
  if (chosen) {
    return chosen.map((id) => {
      const member = roster.find((m) => m.id === id);
      if (!member) throw fail(400, 'subject_unknown', { id });
      return member;
    });
  }
  return defaultSubjects(kind, roster);
}

function prompt(kind: Kind, name: string): string {
  return kind === 'classification'
    ? `Đề xuất mức xếp loại chất lượng đảng viên: đồng chí ${name}`
    : `Mức độ tín nhiệm đối với đồng chí ${name}`;
}

/** The manifest's exact string. Throws a 400 for choices the roster or the rule set cannot satisfy. */
export function buildManifest(choices: MeetingChoices, roster: Member[]): string {
  const ruleSetId = choices.ruleSet ?? DEFAULT_RULE_SET[choices.kind];
  if (ruleSetId !== NO_RULE_SET) {
    const ruleSet = ruleSets[ruleSetId];
    if (!ruleSet) throw fail(400, 'rule_set_unknown', { ruleSet: ruleSetId });
    if (ruleSet.kind !== choices.kind)
      throw fail(400, 'rule_set_kind', { ruleSet: ruleSetId, expected: ruleSet.kind, kind: choices.kind });
  }
  const options = optionsFor(choices.kind, ruleSetId);
  const settings = chosenSettings(ruleSetId, choices.settings ?? {});

  let questions: object[];
  if (choices.kind === 'motion') {
    if (!choices.motions?.length) throw fail(400, 'motions_required');
    questions = choices.motions.map((m, i) => ({ id: `q${i + 1}`, prompt: m.prompt, options }));
  } else {
    if (roster.length === 0) throw fail(400, 'roster_empty');
    questions = subjectsFor(choices.kind, roster, choices.subjects).map((m, i) => ({
      id: `q${i + 1}`,
      subjectId: m.id,
      subject: m.name,
      role: m.role,
      facts: m.facts,
      prompt: prompt(choices.kind, m.name),
      options,
      ...(choices.kind === 'classification' && m.proposedLevel ? { proposed: m.proposedLevel } : {}),
    }));
  }
  if (questions.length === 0) throw fail(400, 'no_questions');

  const manifest = {
    protocol: 'phieukin/v1',
    meetingId: choices.meetingId,
    title: choices.title,
    organisation: choices.organisation,
    kind: choices.kind,
    ruleSet: ruleSetId,
    electorate: choices.electorate ?? voters(roster).length,
    trustees: choices.trustees,
    settings,
    questions,
    ...(choices.linkedConfidence === undefined ? {} : { linkedConfidence: choices.linkedConfidence }),
    ...(choices.kind === 'classification' && choices.assessmentYear !== undefined
      ? { assessmentYear: choices.assessmentYear }
      : {}),
  };
  return JSON.stringify(manifest);
}
