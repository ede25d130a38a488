// The generated parts of docs/rules.md: each rule set's settings and facts, and the output of
// `phieukin rules` for every example in docs/examples/rules. The docs test compares them with the page;
// `UPDATE_DOCS=1 npx vitest run test/rules/docs.test.ts` writes them into it.
import { readFileSync } from 'node:fs';
import { renderOutcome } from '../../src/commands/rules.ts';
import { applyRuleSet, citationWords, type RuleInput, ruleSets } from '../../src/shared/rules/index.ts';

export const DOCS = new URL('../../docs/rules.md', import.meta.url);
export const EXAMPLES = new URL('../../docs/examples/rules/', import.meta.url);
export const BLOCK = /<!-- begin:(\w+) (\S+?)(?: (vi|en))? -->\n([\s\S]*?)<!-- end -->/g;

export const example = (name: string): RuleInput =>
  JSON.parse(readFileSync(new URL(`${name}.json`, EXAMPLES), 'utf8')) as RuleInput;

const cell = (text: string) => text.replaceAll('|', '\\|');
const show = (v: unknown) => `\`${JSON.stringify(v)}\``;

function settings(id: string): string {
  const rows = ruleSets[id].settings.map((s) =>
    [
      `\`${s.key}\``,
      show(s.default),
      s.allowed.map(show).join(', '),
      s.certainty,
      cell(
        s.citation === citationWords(s.citation).vi
          ? s.citation
          : `${citationWords(s.citation).vi} / ${citationWords(s.citation).en}`,
      ),
      `**${cell(s.name.vi)}**: ${cell(s.description.vi)}<br>*${cell(s.name.en)}: ${cell(s.description.en)}*`,
    ].join(' | '),
  );
  const head =
    '| khóa / key | mặc định / default | cho phép / allowed | mức chắc chắn / certainty | căn cứ / citation | mô tả / description |';
  return [head, '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r} |`)].join('\n');
}

function facts(id: string): string {
  const rows = ruleSets[id].facts.map((f) =>
    [
      `\`${f.code}\``,
      f.roles.join(', '),
      f.effect === 'khtnv' ? 'KHTNV' : 'not-classified',
      f.waivable ? 'có / yes' : 'không / no',
      f.certainty,
      cell(f.citation),
      `${cell(f.label.vi)}<br>*${cell(f.label.en)}*`,
    ].join(' | '),
  );
  const head =
    '| code | vai trò / roles | hệ quả / effect | xem xét lại / waivable | mức chắc chắn / certainty | căn cứ / citation | nội dung / meaning |';
  return [head, '|---|---|---|---|---|---|---|', ...rows.map((r) => `| ${r} |`)].join('\n');
}

/** The text a generated block must hold. */
export function generated(kind: string, name: string, lang: string | undefined): string {
  if (kind === 'settings') return `${settings(name)}\n`;
  if (kind === 'facts') return `${facts(name)}\n`;
  if (kind === 'output')
    return `\`\`\`text\n${renderOutcome(applyRuleSet(example(name)), lang as 'vi' | 'en')}\`\`\`\n`;
  throw new Error(`unknown generated block ${kind}`);
}
