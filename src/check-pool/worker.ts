// One worker thread of the verifier pool: runs the jobs of jobs.ts on messages from the pool.
import { parentPort } from 'node:worker_threads';
import * as jobs from './jobs.ts';

export type JobName =
  | 'verifyBallot'
  | 'verifyBallots'
  | 'sumBallots'
  | 'sealTally'
  | 'verifyShare'
  | 'combine';
export type Request = { id: number; name: JobName; job: unknown };
export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string; name: string };

const run = jobs as unknown as Record<JobName, (job: unknown) => unknown>;

parentPort!.on('message', (request: Request) => {
  try {
    parentPort!.postMessage({
      id: request.id,
      ok: true,
      value: run[request.name](request.job),
    } satisfies Reply);
  } catch (error) {
    const e = error as Error;
    parentPort!.postMessage({ id: request.id, ok: false, error: e.message, name: e.name } satisfies Reply);
  }
});
