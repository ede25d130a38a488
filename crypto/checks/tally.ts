// Check `tally` (SPEC §8.6): the encrypted tally recomputed from the ballots equals the published one, and
// poll-closed counts the ballots in the record.
import type { MeetingContext } from '../meeting.ts';
import type { PollClosedPayload, TallyPayload } from '../payloads.ts';
import type { RecordEvent } from '../record.ts';
import { type CiphertextSums, sealSums, tallyPayload } from '../tally.ts';

/** `sums`: the ciphertexts of the record's ballots added up as the ballots check read them. */
export function tallyCheck(events: RecordEvent[], mc: MeetingContext, sums: CiphertextSums): string[] {
  const problems: string[] = [];
  const closed = events.find((e) => e.type === 'poll-closed');
  const castCount = events.filter((e) => e.type === 'ballot').length;
  if (closed && (JSON.parse(closed.payload) as PollClosedPayload).ballots !== castCount)
    problems.push(`poll-closed counts a different number of ballots than the record holds (${castCount})`);
  const event = events.find((e) => e.type === 'encrypted-tally');
  if (!event) return problems;
  const published = JSON.parse(event.payload) as TallyPayload;
  const expected = tallyPayload(mc, sealSums(sums));
  expected.questions.forEach((q, qi) => {
    const pq = published.questions?.[qi];
    if (pq?.id !== q.id) {
      problems.push(`question ${q.id}: missing or out of order in the tally`);
      return;
    }
    // SPEC §8.6: the published tally equals the recomputed one entry for entry; an extra option is a difference.
    if (!Array.isArray(pq.options) || pq.options.length !== q.options.length)
      problems.push(
        `question ${q.id}: the tally has ${pq.options?.length ?? 0} options, the manifest ${q.options.length}`,
      );
    q.options.forEach((o, oi) => {
      const po = pq.options?.[oi];
      if (po?.A !== o.A || po?.B !== o.B)
        problems.push(`question ${q.id}, option ${oi}: published sum differs from the sum of the ballots`);
    });
  });
  if ((published.questions?.length ?? 0) !== expected.questions.length)
    problems.push('the tally does not have one entry per question');
  return problems;
}
