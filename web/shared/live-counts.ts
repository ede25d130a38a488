// A meeting's live numbers, for the projector and the booth: Server-Sent Events from /counts/stream (an
// event whenever the cards activated, the ballots cast or the poll's status change); when the stream
// fails, polling /counts every two seconds, and a fresh try of the stream now and then.
import type { InferResponseType } from 'hono/client';
import { answer, apiClient } from './client.ts';

const counts = apiClient().meetings[':id'].counts;

/** The live numbers, as GET /api/meetings/:id/counts answers them (the stream sends the same). */
export type Counts = InferResponseType<(typeof counts)['$get']>;
/** How the numbers arrive: the stream, polling after the stream failed, or not at all (connection lost). */
export type Feed = 'stream' | 'polling' | 'lost';

const POLL_MS = 2000;
const STREAM_RETRY_MS = 30_000;

export function liveCounts(
  meetingId: string,
  onCounts: (counts: Counts) => void,
  onFeed: (feed: Feed) => void,
): { stop(): void } {
  const base = `/api/meetings/${encodeURIComponent(meetingId)}/counts`;
  let source: EventSource | null = null;
  let poller: ReturnType<typeof setInterval> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  async function poll(): Promise<void> {
    try {
      onCounts(await answer(counts.$get({ param: { id: meetingId } })));
      onFeed('polling');
    } catch {
      onFeed('lost');
    }
  }

  function fallBack(): void {
    source?.close();
    source = null;
    if (stopped) return;
    if (!poller) {
      void poll();
      poller = setInterval(() => void poll(), POLL_MS);
    }
    retry ??= setTimeout(() => {
      retry = null;
      stream();
    }, STREAM_RETRY_MS);
  }

  function stream(): void {
    if (stopped || typeof EventSource === 'undefined') {
      fallBack();
      return;
    }
    source = new EventSource(`${base}/stream`);
    source.addEventListener('counts', (event) => {
      if (poller) clearInterval(poller);
      poller = null;
      onCounts(JSON.parse((event as MessageEvent<string>).data) as Counts);
      onFeed('stream');
    });
    source.addEventListener('error', fallBack);
  }

  stream();
  return {
    stop() {
      stopped = true;
      source?.close();
      if (poller) clearInterval(poller);
      if (retry) clearTimeout(retry);
    },
  };
}
