// Settings: what a rule set leaves to the organisation. Each override is checked against the allowed values
// and comes out with its default and its stated basis, so the record shows what was changed and why.
import { fail, warning } from './text.ts';
import type {
  Message,
  ResolvedSetting,
  RuleRef,
  RuleTable,
  SettingDef,
  SettingInput,
  SettingValue,
  Text,
} from './types.ts';

export type Resolved = Record<string, ResolvedSetting>;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function split(key: string, input: SettingInput): { value: unknown; basis: string | null } {
  if (!isObject(input)) return { value: input, basis: null };
  const extra = Object.keys(input).filter((k) => k !== 'value' && k !== 'basis');
  if (!('value' in input) || extra.length > 0)
    fail(
      'invalid-setting',
      `Thiết lập "${key}": cần { "value": …, "basis": "…" }`,
      `Setting "${key}": expected { "value": …, "basis": "…" }`,
    );
  if (input.basis !== undefined && typeof input.basis !== 'string')
    fail(
      'invalid-setting',
      `Thiết lập "${key}": "basis" phải là chuỗi`,
      `Setting "${key}": "basis" must be a string`,
    );
  const basis = typeof input.basis === 'string' && input.basis.trim() !== '' ? input.basis : null;
  return { value: input.value, basis };
}

/** The warning for a setting changed from its default with no stated basis. */
export const UNBASED = 'setting-without-basis';

/** Checks the settings against the table and fills in the defaults, in the table's order. */
export function resolveTableSettings(
  table: RuleTable,
  settings: unknown,
): { settings: Resolved; warnings: Message[] } {
  if (settings !== undefined && settings !== null && !isObject(settings))
    fail('invalid-setting', 'settings phải là một đối tượng JSON', 'settings must be a JSON object');
  const given = (settings ?? {}) as Record<string, SettingInput>;
  const known = new Set(table.settings.map((s) => s.key));
  for (const key of Object.keys(given))
    if (!known.has(key))
      fail(
        'unknown-setting',
        `Bộ quy tắc ${table.id} không có thiết lập "${key}" (có: ${[...known].join(', ')})`,
        `Rule set ${table.id} has no setting "${key}" (it has: ${[...known].join(', ')})`,
      );
  const resolved: Resolved = {};
  const warnings: Message[] = [];
  for (const def of table.settings) {
    if (!(def.key in given)) {
      resolved[def.key] = { value: def.default, default: def.default, basis: null };
      continue;
    }
    const { value, basis } = split(def.key, given[def.key]);
    if (!def.allowed.includes(value as SettingValue)) {
      const allowed = def.allowed.map((v) => JSON.stringify(v)).join(', ');
      fail(
        'invalid-setting',
        `Giá trị không hợp lệ cho thiết lập "${def.key}" (${def.name.vi}): ${JSON.stringify(value)}; cho phép: ${allowed}`,
        `Invalid value for setting "${def.key}" (${def.name.en}): ${JSON.stringify(value)}; allowed: ${allowed}`,
      );
    }
    resolved[def.key] = { value: value as SettingValue, default: def.default, basis };
    // These words are part of the recorded outcome (SPEC §7), so they stay; pages say it with
    // unbasedSettingWords.
    if (value !== def.default && basis === null)
      warnings.push(
        warning(settingRef(def, def.key), UNBASED, {
          vi: `Thiết lập "${def.key}" = ${JSON.stringify(value)} khác mặc định ${JSON.stringify(def.default)} mà không nêu căn cứ.`,
          en: `Setting "${def.key}" = ${JSON.stringify(value)} differs from the default ${JSON.stringify(def.default)} with no stated basis.`,
        }),
      );
  }
  return { settings: resolved, warnings };
}

/** A setting's value in words ("trên 1/2" for ">1/2"); a value the setting does not allow as it is. */
export function valueLabel(def: Pick<SettingDef, 'allowed' | 'labels'>, value: SettingValue): Text {
  const label = def.labels[def.allowed.indexOf(value)];
  return label ?? { vi: String(value), en: String(value) };
}

/** The warning on a setting changed with no stated basis, by the setting's name and its values in words. */
export function unbasedSettingWords(def: SettingDef, value: SettingValue): Text {
  const [name, chosen, usual] = [def.name, valueLabel(def, value), valueLabel(def, def.default)];
  return {
    vi: `Thiết lập "${name.vi}" là "${chosen.vi}", khác mặc định "${usual.vi}", mà không nêu căn cứ.`,
    en: `Setting "${name.en}" is "${chosen.en}", not the default "${usual.en}", with no stated basis.`,
  };
}

export const stringSetting = (s: Resolved, key: string): string => String(s[key].value);
export const numberSetting = (s: Resolved, key: string): number => Number(s[key].value);
export const booleanSetting = (s: Resolved, key: string): boolean => s[key].value === true;

export const settingDef = (table: RuleTable, key: string): SettingDef =>
  table.settings.find((s) => s.key === key)!;

/** A rule whose citation and certainty are those of the setting that governs it. */
export const settingRef = (def: SettingDef, rule: string): RuleRef => ({
  rule,
  citations: def.citations,
  certainty: def.certainty,
});
