// Check `decryption` (SPEC §8.7): every share's proofs against K_i and the published tally; the counts
// recombined from the trustees the result names equal the published counts.
import type { Point } from '../group.ts';
import type { MeetingContext } from '../meeting.ts';
import type { DecryptionSharePayload, ResultPayload, TallyPayload } from '../payloads.ts';
import type { RandomSource } from '../random.ts';
import type { RecordEvent } from '../record.ts';
import { checkDecryptionShare, combineShares, decodeTally } from '../tally.ts';
import { type Reason, reason } from './reasons.ts';

export function decryptionCheck(
  events: RecordEvent[],
  mc: MeetingContext,
  verificationKeys: Map<number, Point>,
  random: RandomSource,
): Reason[] {
  const tallyEvent = events.find((e) => e.type === 'encrypted-tally');
  const resultEvent = events.find((e) => e.type === 'result');
  if (!tallyEvent) return [];
  const problems: Reason[] = [];
  const tally = decodeTally(mc, JSON.parse(tallyEvent.payload) as TallyPayload);
  const valid = new Map<number, Point[][]>();
  for (const e of events.filter((x) => x.type === 'decryption-share')) {
    const share = JSON.parse(e.payload) as DecryptionSharePayload;
    const Ki = verificationKeys.get(share.index);
    const at = { height: e.height, trustee: share.index };
    if (!Ki) {
      problems.push(reason('decryption.not_trustee', { ...at, trustee: String(share.index) }));
      continue;
    }
    if (valid.has(share.index)) {
      problems.push(reason('decryption.twice', at));
      continue;
    }
    const checked = checkDecryptionShare(mc, Ki, tally, share, random);
    if (checked.ok) valid.set(share.index, checked.D);
    else for (const detail of checked.problems) problems.push(reason('decryption.share', { ...at, detail }));
  }
  if (!resultEvent) return problems;
  const result = JSON.parse(resultEvent.payload) as ResultPayload;
  const used = result.trusteesUsed;
  if (!Array.isArray(used) || new Set(used).size !== used.length || used.length < mc.manifest.trustees.k)
    return [...problems, reason('decryption.too_few', { k: mc.manifest.trustees.k })];
  const missing = used.filter((i) => !valid.has(i));
  if (missing.length > 0)
    return [...problems, reason('decryption.missing', { trustees: missing.join(', ') })];
  const ballots = events.filter((e) => e.type === 'ballot').length;
  const counts = combineShares(mc, tally, new Map(used.map((i) => [i, valid.get(i)!])), ballots);
  counts.forEach((q, qi) => {
    const published = result.questions?.[qi];
    if (published?.id !== q.id || published.counts?.join() !== q.counts.join())
      problems.push(
        reason('decryption.counts', { question: q.id, number: qi + 1, counts: q.counts.join('/') }),
      );
  });
  return problems;
}
