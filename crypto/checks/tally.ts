// Check `tally` (SPEC §8.6): the encrypted tally recomputed from the ballots equals the published one, and
// poll-closed counts the ballots in the record.
import type { MeetingContext } from '../meeting.ts';
import type { PollClosedPayload, TallyPayload } from '../payloads.ts';
import type { RecordEvent } from '../record.ts';
import { type CiphertextSums, sealSums, tallyPayload } from '../tally.ts';
import { type Reason, reason } from './reasons.ts';

/** `sums`: the ciphertexts of the record's ballots added up as the ballots check read them. */
export function tallyCheck(events: RecordEvent[], mc: MeetingContext, sums: CiphertextSums): Reason[] {
  const problems: Reason[] = [];
  const closed = events.find((e) => e.type === 'poll-closed');
  const castCount = events.filter((e) => e.type === 'ballot').length;
  if (closed && (JSON.parse(closed.payload) as PollClosedPayload).ballots !== castCount)
    problems.push(reason('tally.closed_count', { ballots: castCount }));
  const event = events.find((e) => e.type === 'encrypted-tally');
  if (!event) return problems;
  const published = JSON.parse(event.payload) as TallyPayload;
  const expected = tallyPayload(mc, sealSums(sums));
  expected.questions.forEach((q, qi) => {
    const pq = published.questions?.[qi];
    const question = { question: q.id, number: qi + 1 };
    if (pq?.id !== q.id) {
      problems.push(reason('tally.question', question));
      return;
    }
    // SPEC §8.6: the published tally equals the recomputed one entry for entry; an extra option is a difference.
    if (!Array.isArray(pq.options) || pq.options.length !== q.options.length)
      problems.push(
        reason('tally.options', {
          ...question,
          published: pq.options?.length ?? 0,
          expected: q.options.length,
        }),
      );
    q.options.forEach((o, oi) => {
      const po = pq.options?.[oi];
      if (po?.A !== o.A || po?.B !== o.B)
        problems.push(reason('tally.sum', { ...question, optionIndex: oi, option: oi + 1 }));
    });
  });
  if ((published.questions?.length ?? 0) !== expected.questions.length)
    problems.push(reason('tally.questions', {}));
  return problems;
}
