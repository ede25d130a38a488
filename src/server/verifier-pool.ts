// The Node verifier: a pool of worker threads, each running verifier-jobs.ts. Jobs queue until a worker
// is free; summing a poll's ballots is split across all workers and the partial tallies are merged.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TallyPayload } from './protocol.ts';
import type { Verifier } from './verifier.ts';
import { mergeTallies } from './verifier-jobs.ts';
import type { JobName, Reply, Request } from './verifier-worker.ts';

type Pending = { request: Request; resolve: (value: unknown) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; busy: Pending | null };

/** A worker thread running a TypeScript module: it registers tsx's loader before importing the module. */
export function spawnTypeScriptWorker(module: URL): Worker {
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  );
  const code = `import(${JSON.stringify(tsx.href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(code, { eval: true });
}

const spawn = () => spawnTypeScriptWorker(new URL('./verifier-worker.ts', import.meta.url));

export function createVerifierPool(options: { size?: number } = {}): Verifier {
  const size = Math.max(1, options.size ?? Math.min(8, availableParallelism()));
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function startSlot(): Slot {
    const slot: Slot = { worker: spawn(), busy: null };
    slot.worker.on('message', (reply: Reply) => {
      const pending = slot.busy;
      slot.busy = null;
      if (pending) {
        if (reply.ok) pending.resolve(reply.value);
        else pending.reject(Object.assign(new Error(reply.error), { name: reply.name }));
      }
      dispatch();
    });
    slot.worker.on('error', (error) => {
      slot.busy?.reject(error);
      slot.busy = null;
      if (!closed) {
        slots[slots.indexOf(slot)] = startSlot();
        dispatch();
      }
    });
    return slot;
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const pending = queue.shift()!;
      slot.busy = pending;
      slot.worker.postMessage(pending.request);
    }
  }

  function run<T>(name: JobName, job: unknown): Promise<T> {
    if (closed) return Promise.reject(new Error('the verifier pool is closed'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ request: { id: nextId++, name, job }, resolve: resolve as (v: unknown) => void, reject });
      dispatch();
    });
  }

  for (let i = 0; i < size; i++) slots.push(startSlot());
  for (const slot of slots) slot.worker.unref();

  return {
    verifyBallot: (job) => run('verifyBallot', job),
    async sumBallots(job) {
      const per = Math.ceil(job.ballots.length / size) || 1;
      const parts: Promise<TallyPayload>[] = [];
      for (let i = 0; i < job.ballots.length; i += per) {
        parts.push(run('sumBallots', { meeting: job.meeting, ballots: job.ballots.slice(i, i + per) }));
      }
      if (parts.length === 0) return run('sumBallots', job);
      return mergeTallies(job.meeting, await Promise.all(parts));
    },
    verifyShare: (job) => run('verifyShare', job),
    combine: (job) => run('combine', job),
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('the verifier pool is closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
