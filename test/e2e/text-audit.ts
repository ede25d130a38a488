// What a member or the committee must not read on a page, a printout or an export: a file path, a program
// name (camelCase, kebab-case, snake_case), an English word on a Vietnamese page or Vietnamese on an English
// one, and numbers not written as the language writes them (21,4% / 21.4%).

import { ruleSets } from '../../src/shared/rules/index.ts';

export type Lang = 'vi' | 'en';

/** Words of program internals or English that have no place in a Vietnamese text. */
const ENGLISH =
  /\b(the|and|of|string|expected|characters?|organi[sz]er|summoned|floor|ceil|threshold|true|false|null|undefined|NaN|source|found|object|net|gross|none)\b/i;
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/**
 * Vietnamese an English page keeps: the switch to Vietnamese, the Party's own terms, the regulations
 * cited by their names and articles (QĐ 366-QĐ/TW Điều 11 k4.1, HD 21-HD/BTCTW (2019) mục II điểm B), and
 * Vietnamese quoted as it is printed ("Mã băm kết quả") or given as an example (e.g. Phường Bến Nghé).
 */
const KEPT_IN_ENGLISH =
  /"[^"\n]{1,40}"|\(e\.g\. [^)\n]{1,40}\)|Chuyển sang tiếng Việt|[Cc]hi bộ|Điều lệ( Đảng)?|\b(?:QĐ|HD|NQ) [\w/.Đ-]+|Điều \d+|mục [IVX\d.]+|điểm [A-Z]|tiết \d+/g;

/** The rule sets' hyphenated codes: setting values, options and facts (summoned-net, tin-nhiem…). */
const RULE_CODES = new RegExp(
  `\\b(${[
    ...new Set(
      Object.values(ruleSets).flatMap((r) => [
        ...r.settings.flatMap((s) => s.allowed.map(String)),
        ...r.options.map((o) => o.id),
        ...r.facts.map((f) => f.code),
      ]),
    ),
  ]
    .filter((code) => code.includes('-'))
    .join('|')})\\b`,
);

/** What in `text` a member or the committee must not read in `lang`; `own` are names the users wrote. */
export function textProblems(text: string, lang: Lang, own: string[]): string[] {
  let rest = text;
  for (const name of own) rest = rest.split(name).join(' ');
  // hashes, keys and signatures (base64url, hex), whole or cut short with "…": what a verifier compares,
  // read by no one as words; no program name is that long, or has a digit in it
  rest = rest.replace(/(?<![\w-])(?:[\w-]{12,}…|[\w-]{40,}|(?=[\w-]*\d)[\w-]{16,})(?![\w-])/g, ' ');
  if (lang === 'en') rest = rest.replace(KEPT_IN_ENGLISH, ' ');
  const problems: string[] = [];
  const find = (what: string, pattern: RegExp) => {
    const seen = new Set<string>();
    for (const match of rest.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      if (seen.has(match[0])) continue;
      seen.add(match[0]);
      const around = rest.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30);
      problems.push(`${what} "${match[0]}": "${around.replace(/\s+/g, ' ')}"`);
    }
  };
  find('file path', /\b[\w-]+\/[\w/-]*\.(md|ts|js|json)\b|research\/|vn-rules/);
  find('section sign', /§/);
  find('camelCase', /\b[a-z]+[A-Z][A-Za-z]*\b/);
  // English writes words with hyphens (vote-counting); there only the rules' own codes are internals
  if (lang === 'vi') find('kebab-case', /\b[a-z]{2,}-[a-z]{2,}(-[a-z]+)*\b/);
  else find('code', RULE_CODES);
  find('snake_case', /\b[a-z]+_[a-z]+\b/);
  if (lang === 'vi') {
    find('English word', ENGLISH);
    find('number in English', /\d\.\d+ ?%/);
  } else {
    find('Vietnamese', VIETNAMESE);
    find('number in Vietnamese', /\d,\d+ ?%/);
  }
  return problems;
}
