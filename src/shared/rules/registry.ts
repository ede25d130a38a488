// The rule tables by id, and their public description (RuleSetInfo) for manifests and the organiser page.
import { MOTION } from './tables/motion.ts';
import { QD96_2023 } from './tables/qd96-2023.ts';
import { QD124_2023 } from './tables/qd124-2023.ts';
import { QD132_2019 } from './tables/qd132-2019.ts';
import { QD366_2025 } from './tables/qd366-2025.ts';
import { fail, formatCitations } from './text.ts';
import type { RuleSetInfo, RuleTable } from './types.ts';

const TABLES: RuleTable[] = [QD366_2025, QD124_2023, QD132_2019, QD96_2023, MOTION];

export const DEFAULT_CLASSIFICATION = QD366_2025.id;

export function tableFor(id: unknown): RuleTable {
  const table = TABLES.find((t) => t.id === id);
  if (table) return table;
  const known = TABLES.map((t) => t.id).join(', ');
  return fail(
    'unknown-rule-set',
    `Bộ quy tắc không tồn tại: ${JSON.stringify(id)} (có: ${known})`,
    `Unknown rule set ${JSON.stringify(id)} (available: ${known})`,
  );
}

function info(t: RuleTable): RuleSetInfo {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    citation: formatCitations(t.citations),
    options: t.options,
    settings: t.settings.map(({ citations, ...s }) => ({ ...s, citation: formatCitations(citations) })),
    facts:
      t.kind === 'classification'
        ? t.facts.map(({ citations, ...f }) => ({ ...f, citation: formatCitations(citations) }))
        : [],
    years: t.kind === 'classification' ? { first: t.years.first, last: t.years.last } : null,
  };
}

export const ruleSets: Record<string, RuleSetInfo> = Object.fromEntries(TABLES.map((t) => [t.id, info(t)]));
