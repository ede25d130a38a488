// docs/rules.md cannot drift: every settings and facts table and every example's output on the page is
// what the engine gives now, and every example file is on the page.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyRuleSet, ruleSets } from '../../src/shared/rules/index.ts';
import { BLOCK, DOCS, EXAMPLES, example, generated } from './docs.ts';

if (process.env.UPDATE_DOCS === '1') {
  const page = readFileSync(DOCS, 'utf8');
  const fresh = page.replace(BLOCK, (_all, kind, name, lang) => {
    const tag = `${kind} ${name}${lang ? ` ${lang}` : ''}`;
    return `<!-- begin:${tag} -->\n${generated(kind, name, lang)}<!-- end -->`;
  });
  writeFileSync(DOCS, fresh);
}

const page = readFileSync(DOCS, 'utf8');
const blocks = [...page.matchAll(BLOCK)].map(([, kind, name, lang, body]) => ({ kind, name, lang, body }));
const names = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('docs/rules.md matches the engine', () => {
  it.each(blocks.map((b) => [`${b.kind} ${b.name} ${b.lang ?? ''}`, b] as const))('%s', (_label, b) => {
    expect(b.body).toBe(generated(b.kind, b.name, b.lang));
  });

  it('shows every example in both languages and every rule set’s settings', () => {
    const shown = (kind: string, name: string, lang?: string) =>
      blocks.some((b) => b.kind === kind && b.name === name && b.lang === lang);
    for (const name of names)
      expect([shown('output', name, 'vi'), shown('output', name, 'en')]).toEqual([true, true]);
    for (const id of Object.keys(ruleSets)) expect(shown('settings', id)).toBe(true);
    expect(new Set(names.map((n) => example(n).ruleSet))).toEqual(new Set(Object.keys(ruleSets)));
  });

  it('the QD366-2025 example links exactly the outcome of the QD96-2023 example', () => {
    expect(example('qd366-2025').linkedConfidence).toStrictEqual(applyRuleSet(example('qd96-2023')));
  });
});
