// Checks a RuleInput before any rule runs. Bad input throws a RuleError naming the field in both languages.
import { SUBJECT_ROLES } from '../domain.ts';
import { fail } from './text.ts';
import type { FactInput, MeetingInput, Role, RuleOutcome, RuleTable, SubjectInput } from './types.ts';

export type Meeting = Required<MeetingInput>;
export type Checked = { meeting: Meeting; subjects: SubjectInput[]; linked: RuleOutcome | null };

const ROLES: readonly Role[] = SUBJECT_ROLES;
const MAX_COUNT = 1_000_000;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function invalid(vi: string, en: string): never {
  return fail('invalid-input', `Dữ liệu vào không hợp lệ: ${vi}`, `Invalid input: ${en}`);
}

function count(x: unknown, path: string): number {
  if (!Number.isInteger(x) || (x as number) < 0 || (x as number) > MAX_COUNT)
    invalid(
      `${path} phải là số nguyên từ 0 đến ${MAX_COUNT} (đang là ${JSON.stringify(x)})`,
      `${path} must be a whole number from 0 to ${MAX_COUNT} (got ${JSON.stringify(x)})`,
    );
  return x as number;
}

function text(x: unknown, path: string, allowEmpty = false): string {
  if (typeof x !== 'string' || (!allowEmpty && x.trim() === ''))
    invalid(`${path} phải là chuỗi ký tự`, `${path} must be a ${allowEmpty ? '' : 'non-empty '}string`);
  return x;
}

function checkMeeting(m: unknown): Meeting {
  if (!isObject(m)) invalid('thiếu meeting', 'meeting is missing');
  const meeting: Meeting = {
    summoned: count(m.summoned, 'meeting.summoned'),
    present: count(m.present, 'meeting.present'),
    excluded: m.excluded === undefined ? 0 : count(m.excluded, 'meeting.excluded'),
    activated: count(m.activated, 'meeting.activated'),
    ballots: count(m.ballots, 'meeting.ballots'),
  };
  const over = (a: keyof Meeting, b: keyof Meeting) => {
    if (meeting[a] > meeting[b])
      invalid(
        `meeting.${a} (${meeting[a]}) lớn hơn meeting.${b} (${meeting[b]})`,
        `meeting.${a} (${meeting[a]}) is more than meeting.${b} (${meeting[b]})`,
      );
  };
  over('present', 'summoned');
  over('excluded', 'summoned');
  over('ballots', 'activated');
  return meeting;
}

function checkFacts(x: unknown, path: string): FactInput[] {
  if (x === undefined) return [];
  if (!Array.isArray(x)) invalid(`${path} phải là một danh sách`, `${path} must be a list`);
  return x.map((f, i) => {
    if (!isObject(f))
      invalid(`${path}[${i}] phải có code và source`, `${path}[${i}] needs a code and a source`);
    return { code: text(f.code, `${path}[${i}].code`), source: text(f.source, `${path}[${i}].source`, true) };
  });
}

function checkSubject(table: RuleTable, s: unknown, i: number, ballots: number): SubjectInput {
  const path = `subjects[${i}]`;
  if (!isObject(s)) invalid(`${path} phải là một đối tượng`, `${path} must be an object`);
  const id = text(s.id, `${path}.id`);
  const role = s.role === undefined && table.kind === 'motion' ? 'member' : (s.role as Role);
  if (!ROLES.includes(role))
    invalid(
      `${path}.role phải là một trong ${ROLES.join(', ')} (đang là ${JSON.stringify(s.role)})`,
      `${path}.role must be one of ${ROLES.join(', ')} (got ${JSON.stringify(s.role)})`,
    );
  if (table.kind === 'confidence' && role === 'collective')
    invalid(
      `${path}: không lấy phiếu tín nhiệm đối với tập thể`,
      `${path}: a confidence vote is about a person, not a collective`,
    );
  if (!isObject(s.counts))
    invalid(`${path}.counts phải là một đối tượng`, `${path}.counts must be an object`);
  const options = table.options.map((o) => o.id);
  for (const key of Object.keys(s.counts))
    if (!options.includes(key))
      fail(
        'unknown-option',
        `${path}.counts: phương án "${key}" không có trong bộ ${table.id} (có: ${options.join(', ')})`,
        `${path}.counts: option "${key}" is not in rule set ${table.id} (it has: ${options.join(', ')})`,
      );
  const counts: Record<string, number> = {};
  for (const o of options)
    counts[o] = s.counts[o] === undefined ? 0 : count(s.counts[o], `${path}.counts.${o}`);
  const blank = count(s.blank, `${path}.blank`);
  const answered = Object.values(counts).reduce((a, b) => a + b, 0);
  if (answered + blank !== ballots)
    invalid(
      `${path}: số phiếu theo phương án (${answered}) cộng phiếu không đánh dấu (${blank}) khác số phiếu thu về (${ballots})`,
      `${path}: votes for the options (${answered}) plus blank (${blank}) differ from the ballots cast (${ballots})`,
    );
  return {
    id,
    name: text(s.name, `${path}.name`, true),
    role,
    facts: checkFacts(s.facts, `${path}.facts`),
    counts,
    blank,
  };
}

function checkLinked(x: unknown): RuleOutcome | null {
  if (x === undefined || x === null) return null;
  const bad: () => never = () =>
    invalid(
      'linkedConfidence phải là kết quả của bộ QD96-2023 (ruleSet, warnings, subjects với id và tally)',
      'linkedConfidence must be an outcome of rule set QD96-2023 (ruleSet, warnings, subjects with id and tally)',
    );
  if (!isObject(x) || x.ruleSet !== 'QD96-2023' || !Array.isArray(x.subjects) || !Array.isArray(x.warnings))
    bad();
  for (const m of x.warnings as unknown[]) if (!isObject(m) || typeof m.code !== 'string') bad();
  for (const s of x.subjects as unknown[]) {
    if (!isObject(s) || typeof s.id !== 'string' || !isObject(s.tally)) bad();
    const t = s.tally as Record<string, unknown>;
    if (!isObject(t.denominator) || !Array.isArray(t.options)) bad();
    count((t.denominator as Record<string, unknown>).value, `linkedConfidence ${s.id} denominator`);
    for (const o of t.options as unknown[]) {
      if (!isObject(o) || typeof o.id !== 'string') bad();
      count((o as Record<string, unknown>).votes, `linkedConfidence ${s.id} votes`);
    }
  }
  return x as RuleOutcome;
}

export function checkInput(table: RuleTable, input: Record<string, unknown>): Checked {
  const meeting = checkMeeting(input.meeting);
  if (!Array.isArray(input.subjects) || input.subjects.length === 0)
    invalid('cần ít nhất một đối tượng (subjects)', 'at least one subject is needed (subjects)');
  const subjects = input.subjects.map((s, i) => checkSubject(table, s, i, meeting.ballots));
  const ids = new Set<string>();
  for (const s of subjects) {
    if (ids.has(s.id)) invalid(`id "${s.id}" bị trùng`, `subject id "${s.id}" is used twice`);
    ids.add(s.id);
  }
  if (subjects.filter((s) => s.role === 'collective').length > 1)
    invalid(
      'chỉ được một đối tượng là tập thể (chi bộ)',
      'at most one subject may be the collective (the chi bộ)',
    );
  return { meeting, subjects, linked: checkLinked(input.linkedConfidence) };
}
