// `phieukin rules FILE [--json] [--lang vi|en]`: applies a rule set to an input file (docs/rules.md) and
// prints the outcome as a readable table, or as JSON.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  applyRuleSet,
  citationWords,
  RuleError,
  type RuleOutcome,
  ruleSets,
  type Text,
  warningsInWords,
} from '../shared/rules/index.ts';

type Lang = 'vi' | 'en';

const CERTAINTY: Record<string, Text> = {
  confirmed: { vi: 'đã xác nhận', en: 'confirmed' },
  secondary: { vi: 'nguồn thứ cấp', en: 'secondary' },
  local: { vi: 'địa phương', en: 'local' },
  unconfirmed: { vi: 'chưa xác nhận', en: 'unconfirmed' },
};

const WORDS = {
  settings: { vi: 'Thiết lập', en: 'Settings' },
  warnings: { vi: 'Cảnh báo', en: 'Warnings' },
  none: { vi: '(không có)', en: '(none)' },
  byDefault: { vi: 'mặc định', en: 'default' },
  subject: { vi: 'Đối tượng', en: 'Subject' },
  blank: { vi: 'Trống', en: 'Blank' },
  denominator: { vi: 'Mẫu số', en: 'Denominator' },
  proposal: { vi: 'Đề xuất', en: 'Proposal' },
  details: { vi: 'Chi tiết', en: 'Details' },
  waivable: { vi: 'có thể xem xét lại', en: 'waivable' },
  basis: { vi: 'căn cứ', en: 'basis' },
  noBasis: { vi: 'chưa nêu căn cứ', en: 'no basis stated' },
};

const PROPOSALS: Record<string, Text> = {
  'no-majority': { vi: 'không đạt', en: 'no majority' },
  'not-classified': { vi: 'không xếp loại', en: 'not classified' },
};
const MOTION: Record<string, Text> = {
  yes: { vi: 'thông qua', en: 'adopted' },
  no: { vi: 'không thông qua', en: 'not adopted' },
};

const ROLES: Record<string, Text> = {
  member: { vi: 'đảng viên', en: 'member' },
  leader: { vi: 'lãnh đạo', en: 'leader' },
  secretary: { vi: 'bí thư', en: 'secretary' },
  collective: { vi: 'tập thể', en: 'collective' },
};

const pct = (p: string, lang: Lang) => (lang === 'vi' ? p.replace('.', ',') : p);

function proposalName(outcome: RuleOutcome, proposal: string, lang: Lang): string {
  if (PROPOSALS[proposal]) return PROPOSALS[proposal][lang];
  if (outcome.kind === 'classification') return proposal.toUpperCase();
  if (outcome.kind === 'motion') return MOTION[proposal][lang];
  return ruleSets[outcome.ruleSet].options.find((o) => o.id === proposal)!.label[lang];
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
}

/** The outcome as plain text in one language: settings, warnings, a table of subjects, then each trace. */
export function renderOutcome(outcome: RuleOutcome, lang: Lang): string {
  const info = ruleSets[outcome.ruleSet];
  const out: string[] = [`${info.id}: ${info.title[lang]}`, '', `${WORDS.settings[lang]}:`];
  for (const [key, s] of Object.entries(outcome.settings)) {
    const value = JSON.stringify(s.value);
    if (s.value === s.default && s.basis === null) out.push(`  ${key} = ${value} (${WORDS.byDefault[lang]})`);
    else
      out.push(
        `  ${key} = ${value} (${WORDS.byDefault[lang]} ${JSON.stringify(s.default)}; ${s.basis === null ? WORDS.noBasis[lang] : `${WORDS.basis[lang]}: ${s.basis}`})`,
      );
  }
  out.push('', `${WORDS.warnings[lang]}:`);
  if (outcome.warnings.length === 0) out.push(`  ${WORDS.none[lang]}`);
  for (const w of warningsInWords(outcome))
    out.push(
      `  ! ${w.code}: ${w.message[lang]} [${citationWords(w.citation)[lang]}; ${CERTAINTY[w.certainty][lang]}]`,
    );
  const header = [
    WORDS.subject[lang],
    ...info.options.map((o) => (outcome.kind === 'classification' ? o.id.toUpperCase() : o.label[lang])),
    WORDS.blank[lang],
    WORDS.denominator[lang],
    WORDS.proposal[lang],
  ];
  const rows = outcome.subjects.map((s) => [
    s.name.normalize('NFC'),
    ...s.tally.options.map((o) => `${o.votes} (${pct(o.percent, lang)}%)`),
    `${s.tally.blank} (${pct(s.tally.blankPercent, lang)}%)`,
    String(s.tally.denominator.value),
    proposalName(outcome, s.proposal, lang),
  ]);
  out.push('', ...table([header, ...rows]), '', `${WORDS.details[lang]}:`);
  for (const s of outcome.subjects) {
    const who = outcome.kind === 'motion' ? s.id : `${s.id}, ${ROLES[s.role][lang]}`;
    out.push('', `${s.name} (${who}): ${proposalName(outcome, s.proposal, lang)}`);
    for (const t of s.trace)
      out.push(`  ${citationWords(t.citation)[lang]}: ${t.text[lang]} (${CERTAINTY[t.certainty][lang]})`);
    for (const f of s.flags)
      out.push(
        `  ! ${f.code}${f.waivable ? ` (${WORDS.waivable[lang]})` : ''}: ${f.message[lang]} [${citationWords(f.citation)[lang]}; ${CERTAINTY[f.certainty][lang]}]`,
      );
  }
  return `${out.join('\n')}\n`;
}

const USAGE = [
  'Cách dùng / usage: phieukin rules FILE [--json] [--lang vi|en]',
  '  FILE: dữ liệu vào của bộ quy tắc (docs/rules.md) / a rule input file (docs/rules.md)',
].join('\n');

function bad(vi: string, en: string): number {
  console.error(`${vi}\n${en}\n\n${USAGE}`);
  return 2;
}

const parse = (args: string[]) =>
  parseArgs({
    args,
    options: { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    return bad(`Tham số không hợp lệ: ${(e as Error).message}`, `Invalid arguments: ${(e as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1)
    return bad('Cần đúng một tệp dữ liệu vào.', 'Exactly one input file is needed.');
  const lang = values.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en')
    return bad(`--lang phải là vi hoặc en (đang là "${lang}").`, `--lang must be vi or en (got "${lang}").`);
  const file = positionals[0];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return bad(`Không tìm thấy tệp ${file}.`, `No such file: ${file}.`);
    const reason = (e as Error).message;
    return bad(`Không đọc được tệp ${file}: ${reason}`, `Cannot read ${file}: ${reason}`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message;
    return bad(`Tệp ${file} không phải JSON hợp lệ: ${reason}`, `${file} is not valid JSON: ${reason}`);
  }
  try {
    const outcome = applyRuleSet(input as Parameters<typeof applyRuleSet>[0]);
    process.stdout.write(
      values.json ? `${JSON.stringify(outcome, null, 2)}\n` : renderOutcome(outcome, lang),
    );
    return 0;
  } catch (e) {
    if (e instanceof RuleError) return bad(e.text.vi, e.text.en);
    throw e;
  }
}
