// Encryption while the voter reads: the ballot as currently marked is encrypted in a Web Worker; a change
// of choice cancels the running job and starts again (after a short pause, so quick taps cost one run).
import type { Choices } from '../../crypto/index.ts';
import { type Job, JobCancelled, runJob, workerSupply } from '../shared/worker-job.ts';
import type { EncryptedBallot, EncryptRequest } from './encrypt-worker.ts';

export type EncryptionState = {
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  error: string | null;
};

const PAUSE_MS = 350;

export type Encryption = {
  /** Encrypt these choices (again). */
  update: (choices: Choices, immediately?: boolean) => void;
  /** The ballot for the latest choices, once encrypted. */
  result: () => Promise<EncryptedBallot>;
  stop: () => void;
};

export function startEncryption(
  base: Omit<EncryptRequest, 'choices'>,
  choices: Choices,
  onChange: (state: EncryptionState) => void,
): Encryption {
  const nextWorker = workerSupply('/assets/encrypt-worker.js');
  let job: Job<EncryptedBallot> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: Promise<EncryptedBallot> | null = null;
  let waiting: Array<{ resolve: (b: EncryptedBallot) => void; reject: (e: Error) => void }> = [];
  const total = JSON.parse(base.manifestText).questions.length as number;

  function settleWaiting(outcome: { ballot: EncryptedBallot } | { error: Error }): void {
    const list = waiting;
    waiting = [];
    for (const w of list) 'ballot' in outcome ? w.resolve(outcome.ballot) : w.reject(outcome.error);
  }

  function run(current: Choices): void {
    timer = null;
    const started = runJob<EncryptRequest, EncryptedBallot>(
      nextWorker(),
      { ...base, choices: current },
      (done, all) => onChange({ status: 'running', done, total: all, error: null }),
    );
    job = started;
    latest = started.result;
    onChange({ status: 'running', done: 0, total, error: null });
    started.result.then(
      (ballot) => {
        if (job !== started) return;
        onChange({ status: 'done', done: total, total, error: null });
        settleWaiting({ ballot });
      },
      (error: Error) => {
        if (error instanceof JobCancelled || job !== started) return;
        onChange({ status: 'failed', done: 0, total, error: error.message });
        settleWaiting({ error });
      },
    );
  }

  function update(next: Choices, immediately = false): void {
    job?.cancel();
    job = null;
    latest = null;
    if (timer) clearTimeout(timer);
    const copy = [...next];
    onChange({ status: 'running', done: 0, total, error: null });
    if (immediately) run(copy);
    else timer = setTimeout(() => run(copy), PAUSE_MS);
  }

  update(choices, true);
  return {
    update,
    result: () =>
      latest && !timer
        ? latest
        : new Promise<EncryptedBallot>((resolve, reject) => waiting.push({ resolve, reject })),
    stop: () => {
      if (timer) clearTimeout(timer);
      job?.cancel();
      job = null;
    },
  };
}
