// How an option reads in the page's language: the manifest carries the Vietnamese label; the rule set
// of the same kind gives the English one. Classification levels also have their usual abbreviations.
import type { Manifest, Option } from '../../crypto/index.ts';
import { ruleSets } from '../../src/shared/rules/index.ts';
import { lang } from './i18n.ts';

export function optionLabel(manifest: Manifest, option: Option): string {
  if (lang() === 'vi') return option.label;
  const sets = [
    ruleSets[manifest.ruleSet],
    ...Object.values(ruleSets).filter((s) => s.kind === manifest.kind),
  ];
  for (const set of sets) {
    const found = set?.options.find((o) => o.id === option.id);
    if (found) return found.label.en;
  }
  return option.label;
}

/** The short form shown on a classification row (HTXSNV, HTTNV, HTNV, KHTNV), or the full label. */
export function optionShortLabel(manifest: Manifest, option: Option): string {
  return manifest.kind === 'classification' && /^[a-z]{2,8}$/.test(option.id)
    ? option.id.toUpperCase()
    : optionLabel(manifest, option);
}
