// The rule engine's vocabulary: what goes in (a tally and the subjects' facts), what comes out (a proposal
// per subject with its flags and trace), and the shape of the rule tables. Everything that comes out is
// plain JSON: it is stored in the meeting record and recomputed by the verifier.

export type Certainty = 'confirmed' | 'secondary' | 'local' | 'unconfirmed';

import type { Kind, Role, Text } from '../domain.ts';

export type { Kind, Role, Text };
export type SettingValue = string | number | boolean;

/**
 * Where a rule comes from. `article` and `clause` are left out when the sources did not show them; a rule
 * that rests on practice with no written source has no citation at all (and says so: citationWords).
 */
export type Citation = { document: string; article?: string; clause?: string };

/** A rule as the tables hold it: its citation(s) and how certain it is (research/vn-rules.md). */
export type RuleRef = { rule: string; citations: Citation[]; certainty: Certainty };

// ---- input ----

export type FactInput = { code: string; source: string };
export type SubjectInput = {
  id: string;
  name: string;
  role: Role;
  facts: FactInput[];
  counts: Record<string, number>;
  blank: number;
};
export type MeetingInput = {
  summoned: number;
  present: number;
  excluded?: number;
  activated: number;
  ballots: number;
};
/** A setting as the manifest states it: the bare value, or the value with the basis for choosing it. */
export type SettingInput = SettingValue | { value: SettingValue; basis?: string };
export type RuleInput = {
  ruleSet: string;
  settings?: Record<string, SettingInput>;
  meeting: MeetingInput;
  subjects: SubjectInput[];
  linkedConfidence?: RuleOutcome | null;
};

// ---- output ----

export type Message = { code: string; citation: string; certainty: Certainty; message: Text };
export type Flag = {
  code: string;
  rule: string;
  citation: string;
  certainty: Certainty;
  waivable: boolean;
  message: Text;
};
export type TraceLine = { rule: string; citation: string; certainty: Certainty; text: Text };
export type Tally = {
  /** the base of the percentages; in words: denominatorWords */
  denominator: { basis: string; value: number };
  options: { id: string; votes: number; percent: string }[];
  blank: number;
  blankPercent: string;
};
export type SubjectOutcome = {
  id: string;
  name: string;
  role: Role;
  /** a level or option id, "no-majority" or "not-classified"; never final: the committee decides */
  proposal: string;
  tally: Tally;
  flags: Flag[];
  trace: TraceLine[];
};
export type ResolvedSetting = { value: SettingValue; default: SettingValue; basis: string | null };
export type RuleOutcome = {
  ruleSet: string;
  kind: Kind;
  settings: Record<string, ResolvedSetting>;
  warnings: Message[];
  subjects: SubjectOutcome[];
};

// ---- rule sets, as published to the server and the organiser page ----

export type OptionInfo = { id: string; label: Text };
export type SettingInfo = {
  key: string;
  /** what the organiser and the minutes call the setting */
  name: Text;
  default: SettingValue;
  allowed: SettingValue[];
  /** each allowed value in words, in the order of `allowed` */
  labels: Text[];
  certainty: Certainty;
  citation: string;
  description: Text;
};
export type FactInfo = {
  code: string;
  roles: Role[];
  effect: 'khtnv' | 'not-classified';
  waivable: boolean;
  label: Text;
  citation: string;
  certainty: Certainty;
};
export type RuleSetInfo = {
  id: string;
  kind: Kind;
  title: Text;
  citation: string;
  options: OptionInfo[];
  settings: SettingInfo[];
  /** facts the organiser may enter per subject (classification only; empty otherwise) */
  facts: FactInfo[];
  /** the assessment years a classification rule set is for (last null: still in force) */
  years: { first: number; last: number | null } | null;
};

// ---- rule tables (the data in src/shared/rules/tables) ----

export type SettingDef = Omit<SettingInfo, 'citation'> & { citations: Citation[] };
export type FactRule = Omit<FactInfo, 'citation'> & { citations: Citation[] };
export type TableBase = {
  id: string;
  title: Text;
  citations: Citation[];
  options: OptionInfo[];
  settings: SettingDef[];
};
export type ClassificationTable = TableBase & {
  kind: 'classification';
  facts: FactRule[];
  adoption: RuleRef;
  noMajority: RuleRef;
  /** a leader's "tín nhiệm thấp" over half in a linked QD96-2023 outcome forces KHTNV; null: no such rule */
  lowConfidence: (RuleRef & { roles: Role[]; waivable: boolean }) | null;
  headNotAboveCollective: RuleRef;
  cap: RuleRef;
  /** the assessment years the table is for (last null: still in force); a meeting outside them is warned */
  years: RuleRef & { first: number; last: number | null };
};
export type ConfidenceTable = TableBase & {
  kind: 'confidence';
  quorum: RuleRef;
  majority: RuleRef;
  outOfPlanning: RuleRef;
  removal: RuleRef;
  resignation: RuleRef;
  classification: RuleRef;
};
export type MotionTable = TableBase & { kind: 'motion'; adoption: RuleRef };
export type RuleTable = ClassificationTable | ConfidenceTable | MotionTable;
