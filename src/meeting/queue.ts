// Changes to one meeting are decided on a snapshot read at the chain head and written against that head
// (the store refuses a stale one). This queue runs them one at a time per meeting within this process, so
// they rarely collide, and retries the few that do (another process or isolate wrote first).

import { fail } from '../http/errors.ts';
import { StaleHeadError } from '../store/store.ts';

export type MeetingQueue = <T>(meetingId: string, change: () => Promise<T>) => Promise<T>;

export function createMeetingQueue(maxAttempts = 20): MeetingQueue {
  const tails = new Map<string, Promise<unknown>>();
  return async (meetingId, change) => {
    const previous = tails.get(meetingId) ?? Promise.resolve();
    const run = previous.then(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await change();
        } catch (error) {
          if (!(error instanceof StaleHeadError)) throw error;
          if (attempt >= maxAttempts) throw fail(503, 'busy');
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        }
      }
    });
    const tail = run.catch(() => undefined);
    tails.set(meetingId, tail);
    tail.then(() => {
      if (tails.get(meetingId) === tail) tails.delete(meetingId);
    });
    return run;
  };
}
