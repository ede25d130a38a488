// The Node verifier: a pool of worker threads, each running jobs.ts. Jobs queue until a worker
// is free. Ballots of one meeting that wait together go to a worker as one job and are checked in one
// batch across them (checkBallots: each still judged on its own equations); a bad one among them costs the
// others a second, per-ballot batch, never their verdict. The ciphertexts of each ballot checked feed the
// running tally (running-tally.ts); without one, summing a poll's ballots at close is split across all
// workers and the partial tallies are merged.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { TallyPayload } from '../meeting/protocol.ts';
import { spawnTypeScriptWorker } from '../typescript-worker.ts';
import { type CheckedBallot, mergeTallies, sumsToCoordinates } from './jobs.ts';
import { runningTallies } from './running-tally.ts';
import type { BallotVerdict, MeetingRef, Verifier } from './verifier.ts';
import type { JobName, Reply, Request } from './worker.ts';

type Pending = { request: Request; resolve: (value: unknown) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; busy: Pending | null };

/** A ballot waiting for a thread: its JSON text (a string is copied to a thread much faster than objects). */
type BallotJob = { meeting: MeetingRef; payload: string };

/** The most ballots one worker checks in one batch: beyond it the batch saves little and answers wait. */
const MAX_BATCH = 8;

const spawn = () => spawnTypeScriptWorker(new URL('./worker.ts', import.meta.url));

export function createVerifierPool(options: { size?: number } = {}): Verifier {
  const size = Math.max(1, options.size ?? Math.min(8, availableParallelism()));
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  const tallies = runningTallies();

  /** Keeps an accepted ballot's ciphertexts for the running tally and answers with the verdict alone. */
  function verdictOf(meeting: MeetingRef, checked: CheckedBallot): BallotVerdict {
    const { ciphertexts, ...verdict } = checked;
    if (verdict.ok && ciphertexts) tallies.checked(meeting, verdict.ballotHash, ciphertexts);
    return verdict;
  }

  /**
   * The next job; a ballot takes with it other ballots of its meeting that wait, sharing them out so that
   * every worker gets some.
   */
  function next(): Pending | undefined {
    const first = queue.shift();
    if (first?.request.name !== 'verifyBallot') return first;
    const { meeting } = first.request.job as BallotJob;
    const sameMeeting = queue.filter(
      (p) =>
        p.request.name === 'verifyBallot' &&
        (p.request.job as BallotJob).meeting.jointKey === meeting.jointKey,
    );
    const others = sameMeeting.slice(0, Math.min(MAX_BATCH, Math.ceil((sameMeeting.length + 1) / size)) - 1);
    for (const p of others) queue.splice(queue.indexOf(p), 1);
    const group = [first, ...others];
    return {
      request: {
        id: nextId++,
        name: 'verifyBallots',
        job: { meeting, payloads: group.map((p) => (p.request.job as BallotJob).payload) },
      },
      resolve: (value) => {
        (value as CheckedBallot[]).forEach((checked, i) => {
          group[i]!.resolve(verdictOf(meeting, checked));
        });
      },
      reject: (error) => {
        for (const p of group) p.reject(error);
      },
    };
  }

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
      const pending = next()!;
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
    verifyBallot: (job) =>
      run('verifyBallot', { meeting: job.meeting, payload: job.payload } satisfies BallotJob),
    ballotAccepted: (job) => tallies.accepted(job.meeting, job.ballotHash, job.height),
    async sumBallots(job) {
      const sums = tallies.take(
        job.meeting,
        job.ballots.map((b) => b.height),
      );
      if (sums) return run('sealTally', { meeting: job.meeting, sums: sumsToCoordinates(sums) });
      const payloads = job.ballots.map((b) => b.payload);
      const per = Math.ceil(payloads.length / size) || 1;
      const parts: Promise<TallyPayload>[] = [];
      for (let i = 0; i < payloads.length; i += per) {
        parts.push(run('sumBallots', { meeting: job.meeting, ballots: payloads.slice(i, i + per) }));
      }
      if (parts.length === 0) return run('sumBallots', { meeting: job.meeting, ballots: payloads });
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
