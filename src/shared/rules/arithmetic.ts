// Integer arithmetic for thresholds and display. A threshold is compared by cross-multiplication, never
// through a float; a percentage exists only to be shown, rounded half up to one decimal.
import type { Text } from './types.ts';

export type Threshold = { op: '>' | '>='; num: number; den: number };

/** `>1/2`, `>=2/3`: the forms a threshold setting takes. */
export function parseThreshold(text: string): Threshold {
  const m = /^(>=|>)(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new Error(`not a threshold: ${text}`);
  return { op: m[1] as Threshold['op'], num: Number(m[2]), den: Number(m[3]) };
}

/** votes / total compared with the threshold: `votes * den > total * num` (or `>=`). */
export function reaches(votes: number, total: number, t: Threshold): boolean {
  const left = votes * t.den;
  const right = total * t.num;
  return t.op === '>' ? left > right : left >= right;
}

export function thresholdText(t: Threshold): Text {
  const fraction = `${t.num}/${t.den}`;
  return t.op === '>'
    ? { vi: `trên ${fraction}`, en: `> ${fraction}` }
    : { vi: `từ ${fraction} trở lên`, en: `≥ ${fraction}` };
}

/** votes / total as a percentage with one decimal, rounded half up; "0.0" when total is 0. */
export function percent(votes: number, total: number): string {
  if (total === 0) return '0.0';
  const tenths = Math.floor((votes * 2000 + total) / (2 * total));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** "31/57 (54.4%)", with the decimal comma in Vietnamese; a note goes inside the brackets. */
export function share(votes: number, total: number, note: Text = { vi: '', en: '' }): Text {
  const p = percent(votes, total);
  return {
    vi: `${votes}/${total} (${p.replace('.', ',')}%${note.vi})`,
    en: `${votes}/${total} (${p}%${note.en})`,
  };
}

/** a/b compared with c/d, for ranking: negative when a/b < c/d. */
export function compareShares(a: number, b: number, c: number, d: number): number {
  return a * d - c * b;
}
