// One job in a Web Worker, so heavy crypto never freezes the page: progress messages while it runs, then
// the result or an error. Cancelling terminates the worker at once.

export type WorkerMessage<R> =
  | { type: 'progress'; done: number; total: number; stage?: string }
  | { type: 'done'; result: R }
  | { type: 'error'; message: string };

export type Job<R> = { result: Promise<R>; cancel: () => void };

export class JobCancelled extends Error {
  override name = 'JobCancelled';
}

/**
 * Hands out workers for one script, always keeping one started in reserve: the script is fetched and
 * parsed ahead of need (so the page keeps working if the connection drops), and a restart is quick.
 */
export function workerSupply(scriptUrl: string): () => Worker {
  let spare = new Worker(scriptUrl);
  return () => {
    const next = spare;
    spare = new Worker(scriptUrl);
    return next;
  };
}

export function runJob<Q, R>(
  worker: Worker,
  request: Q,
  onProgress: (done: number, total: number, stage?: string) => void,
): Job<R> {
  let settle: { reject: (e: Error) => void } | null = null;
  const result = new Promise<R>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<WorkerMessage<R>>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.done, message.total, message.stage);
      else {
        worker.terminate();
        if (message.type === 'done') resolve(message.result);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
    worker.postMessage(request);
  });
  return {
    result,
    cancel: () => {
      worker.terminate();
      (settle as { reject: (e: Error) => void } | null)?.reject(new JobCancelled());
    },
  };
}

/** The worker's side: answers each request with `work`, reporting progress on the way. */
export function serveJobs<Q, R>(
  work: (request: Q, progress: (done: number, total: number, stage?: string) => void) => R,
): void {
  const post = (message: WorkerMessage<R>) => (self as unknown as Worker).postMessage(message);
  self.onmessage = (event: MessageEvent<Q>) => {
    try {
      const result = work(event.data, (done, total, stage) => post({ type: 'progress', done, total, stage }));
      post({ type: 'done', result });
    } catch (e) {
      post({ type: 'error', message: (e as Error).message });
    }
  };
}
