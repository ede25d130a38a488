// `npm run dev:worker` (wrangler dev --local, a fresh local D1) on a free port, and the simulator playing
// the organiser, the board and 60 phones over HTTP against it: every ballot is accepted and the record
// verifies. Runs in the Node project: it drives the Worker from outside, as a phone would.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../../crypto/index.ts';
import { simulate } from '../../../src/commands/simulate.ts';
import { outcomeForResult, type ResultForRules } from '../../../src/shared/rules/index.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the simulator against npm run dev:worker', () => {
  const state = mkdtempSync(join(tmpdir(), 'phieukin-d1-'));
  let devWorker: ChildProcess;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    devWorker = spawn('node', ['bin/run-ts.js', 'scripts/dev-worker.ts', '--persist-to', state], {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const look = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready on http/.test(output)) resolve();
      };
      devWorker.stdout!.on('data', look);
      devWorker.stderr!.on('data', look);
      devWorker.once('exit', (code) => reject(new Error(`dev:worker exited (${code}):\n${output}`)));
    });
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(() => {
    if (devWorker.pid) process.kill(-devWorker.pid, 'SIGTERM');
    rmSync(state, { recursive: true, force: true });
  });

  it('runs a 60-voter meeting; all ballots accepted, the record verifies', async () => {
    const result = await simulate({
      url,
      voters: 60,
      questions: 3,
      concurrency: 60,
      trustees: { n: 3, k: 2 },
      operatorKey: readFileSync('.wrangler/operator-key', 'utf8').trim(),
    });
    expect(result.refused).toEqual([]);
    expect(result.accepted).toBe(60);
    const report = verifyRecord(result.record, {
      outcome: (args) => outcomeForResult(args as ResultForRules),
    });
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.ballots).toBe(60);
  });
});
