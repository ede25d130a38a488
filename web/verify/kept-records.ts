// Records loaded from the server, kept on the device for the verifier's offline reload: the service worker
// (offline-worker.ts) answers a record request from here when the network is gone. A page that is not yet
// under the service worker (the very first visit) keeps its record itself. Unlike the page's files these
// outlive a new build; only the last few are kept, since a record can be megabytes.

export const RECORDS_CACHE = 'phieukin-verify-records';
const KEEP = 5;

export const recordPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/record`;

/** Stores `response` for `path`, dropping the oldest records beyond the last few. */
export async function keepRecord(path: string, response: Response): Promise<void> {
  const cache = await caches.open(RECORDS_CACHE);
  await cache.delete(path);
  await cache.put(path, response);
  const kept = await cache.keys();
  await Promise.all(kept.slice(0, Math.max(kept.length - KEEP, 0)).map((request) => cache.delete(request)));
}

/** The kept record for `path`, if any. */
export async function keptRecord(path: string): Promise<Response | undefined> {
  return (await caches.open(RECORDS_CACHE)).match(path);
}

/**
 * `response` again, its body also written to the kept records as it is read. Unlike `Response.clone` (a
 * tee, which buffers for the slower reader) a piece is read from the network only when the caller asks for
 * one, so a 25 MB record is never held whole while the verifier takes minutes over it. Storage refused or
 * a check cancelled leaves no kept copy; the caller's reading goes on either way.
 */
export function keepWhileReading(path: string, response: Response): Response {
  const source = response.body;
  if (!source) return response;
  const reader = source.getReader();
  const kept = new TransformStream<Uint8Array, Uint8Array>();
  const keeper = kept.writable.getWriter();
  let keeping = true;
  const stopKeeping = (reason?: unknown) => {
    if (!keeping) return;
    keeping = false;
    keeper.abort(reason).catch(() => {
      // already failed: nothing is kept
    });
  };
  keepRecord(path, new Response(kept.readable, { headers: response.headers })).catch(() => stopKeeping());
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          if (keeping) keeper.close().catch(() => stopKeeping());
          controller.close();
          return;
        }
        // a copy for the cache: the caller may transfer (detach) the piece it is given
        if (keeping) keeper.write(value.slice()).catch(() => stopKeeping());
        controller.enqueue(value);
      },
      cancel(reason) {
        stopKeeping(reason);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, headers: response.headers });
}
