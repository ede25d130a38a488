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
