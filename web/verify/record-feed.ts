// The page's side of a check: reads the record as a stream (a download or a file from the phone) and
// hands its bytes to the verifier's Web Worker a piece at a time, never more than a few megabytes ahead
// of the checks, so the page holds no more of the record than that (issue 14: a phone checks 25 MB).
import type { CodeList } from '../../crypto/index.ts';
import { JobCancelled } from '../shared/worker-job.ts';
import type { FeedMessage, VerifierMessage } from './verify-worker.ts';

/** How much is read at a time before it goes to the worker, and how much may wait there unchecked. */
const PIECE = 256 * 1024;
const AHEAD = 4 * PIECE;

export type FeedProgress = { read: number; total: number; ballots: number };
export type Feed = {
  result: Promise<Extract<VerifierMessage, { type: 'done' }>>;
  cancel: () => void;
};

/** Thrown when the record's bytes stop arriving (the connection lost, the file unreadable). */
export class FeedReadError extends Error {
  override name = 'FeedReadError';
}

/**
 * Checks the record in `body` (`total` bytes when known, else 0) in `worker`; `codeList` is asked for once
 * the whole record is read (so every ballot in the record is in the list, SPEC §8 check ballots).
 */
export function feedRecord(
  worker: Worker,
  body: ReadableStream<Uint8Array>,
  total: number,
  codeList: () => Promise<CodeList | undefined>,
  onProgress: (progress: FeedProgress) => void,
): Feed {
  const reader = body.getReader();
  const progress: FeedProgress = { read: 0, total, ballots: 0 };
  let waiting = 0;
  let wake: (() => void) | null = null;
  /** False once the check has ended (done, failed or cancelled): nothing more is read or sent. */
  let live = true;
  let fail: (e: Error) => void = () => {};
  const send = (message: FeedMessage, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

  const result = new Promise<Extract<VerifierMessage, { type: 'done' }>>((resolve, reject) => {
    fail = (e: Error) => {
      if (!live) return;
      live = false;
      worker.terminate();
      reader.cancel().catch(() => {
        // the stream already failed: nothing more to release
      });
      reject(e);
    };
    worker.onmessage = (event: MessageEvent<VerifierMessage>) => {
      const message = event.data;
      if (message.type === 'taken') {
        waiting -= message.bytes;
        progress.read += message.bytes;
        onProgress({ ...progress });
        wake?.();
      } else if (message.type === 'ballots') {
        progress.ballots = message.ballots;
        onProgress({ ...progress });
      } else if (message.type === 'done') {
        live = false;
        worker.terminate();
        resolve(message);
      } else fail(new Error(message.message));
    };
    worker.onerror = (event) => fail(new Error(event.message || 'worker failed'));
    pump().catch((e: Error) => fail(e));
  });

  async function pump(): Promise<void> {
    let buffer = new Uint8Array(PIECE);
    let filled = 0;
    const flush = async () => {
      if (filled === 0) return;
      while (waiting + filled > AHEAD && live) await new Promise<void>((r) => (wake = r));
      if (!live) return;
      waiting += filled;
      const bytes = filled === PIECE ? buffer : buffer.slice(0, filled);
      send({ type: 'piece', bytes }, [bytes.buffer]);
      buffer = new Uint8Array(PIECE);
      filled = 0;
    };
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        throw new FeedReadError((e as Error).message);
      }
      if (chunk.done) break;
      let value = chunk.value;
      while (value.length > 0 && live) {
        const n = Math.min(PIECE - filled, value.length);
        buffer.set(value.subarray(0, n), filled);
        filled += n;
        value = value.subarray(n);
        if (filled === PIECE) await flush();
      }
      // what the network gave so far goes now, so the checks start before the next piece is whole
      if (filled > 0 && waiting === 0) await flush();
      if (!live) return;
    }
    await flush();
    if (!live) return;
    const list = await codeList();
    if (live) send({ type: 'end', codeList: list });
  }

  return {
    result,
    cancel: () => fail(new JobCancelled()),
  };
}
