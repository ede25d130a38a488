// One step of a meeting: under the meeting's queue, read the chain head and then the meeting, refuse the
// command if the lifecycle does not take it in this status, let the command decide on that snapshot, check
// that what it would write is a write the lifecycle allows, and write it against the head it read (the
// store refuses a stale head and the queue retries the whole step, so a decision is never made on old state).
import type { Deps } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import type { Head, Meeting, NewEvent } from '../store/store.ts';
import { type Command, refusalOf, statusAfter } from './lifecycle.ts';

/** What a command decided: the answer, and the events to write with the store call that writes them. */
export type Decision<T> =
  | { answer: T; events?: undefined }
  | { answer: T; events: NewEvent[]; write: (at: Head) => Promise<Head> };

export type Decide<T> = (current: Meeting, at: Head) => Promise<Decision<T>> | Decision<T>;

/** Runs `decide` as one step of `command` on the meeting; the head is null when nothing was written. */
export async function step<T>(
  deps: Pick<Deps, 'store' | 'queue'>,
  meetingId: string,
  command: Command,
  decide: Decide<T>,
): Promise<{ answer: T; head: Head | null }> {
  const { store, queue } = deps;
  return queue(meetingId, async () => {
    const at = await store.head(meetingId);
    const current = await store.meeting(meetingId);
    if (!current) throw fail(404, 'meeting_not_found');
    const refused = refusalOf(command, current.status);
    if (refused) throw fail(409, refused);
    const decision = await decide(current, at);
    if (!decision.events) return { answer: decision.answer, head: null };
    const types = decision.events.map((e) => e.type);
    // a programming error, not a user's: the command would write what the lifecycle (and so the verifier)
    // does not accept
    if (statusAfter(command, current.status, types) === null)
      throw new Error(
        `${command} may not write [${types.join(', ')}] while the meeting is ${current.status}`,
      );
    return { answer: decision.answer, head: await decision.write(at) };
  });
}
