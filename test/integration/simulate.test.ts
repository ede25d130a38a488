// A real server on a free loopback port (SQLite file, worker-thread verifier), and the simulator playing
// the organiser, the board and 100 phones over HTTP: every ballot is accepted and the record verifies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../crypto/index.ts';
import { createVerifierPool } from '../../src/check-pool/pool.ts';
import type { Verifier } from '../../src/check-pool/verifier.ts';
import { simulate } from '../../src/commands/simulate.ts';
import { openDatabase, type RunningServer, startServer } from '../../src/entry/node.ts';
import { secretHash } from '../../src/http/ids.ts';
import { outcomeForResult, type ResultForRules } from '../../src/shared/rules/index.ts';

describe('the simulator against a real server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phieukin-'));
  const database = openDatabase(join(dir, 'phieukin.db'));
  let server: RunningServer;
  let verifier: Verifier;

  beforeAll(async () => {
    await database.store.replaceOperatorKey(secretHash('operator-key-for-the-test'), Date.now());
    verifier = createVerifierPool({ size: 2 });
    server = await startServer({
      store: database.store,
      port: 0,
      hostname: '127.0.0.1',
      verifier,
      config: {},
    });
  });

  afterAll(async () => {
    await server.close();
    await verifier.close();
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a meeting with 100 phones at once; all ballots accepted, the record verifies', async () => {
    const result = await simulate({
      url: `http://127.0.0.1:${server.port}`,
      voters: 100,
      questions: 3,
      concurrency: 100,
      trustees: { n: 3, k: 2 },
      operatorKey: 'operator-key-for-the-test',
    });
    expect(result.refused).toEqual([]);
    expect(result.accepted).toBe(100);
    expect(result.latencies).toHaveLength(100);
    const report = verifyRecord(result.record, {
      outcome: (args) => outcomeForResult(args as ResultForRules),
    });
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.ballots).toBe(100);
  });

  it('runs a board of one trustee (--trustees 1/1) to a verified record', async () => {
    // `around` (bench:worker's hook) sees each heavy request once, its answer read, in the meeting's order
    const seen: string[] = [];
    const result = await simulate({
      url: `http://127.0.0.1:${server.port}`,
      voters: 3,
      questions: 1,
      concurrency: 1,
      trustees: { n: 1, k: 1 },
      operatorKey: 'operator-key-for-the-test',
      around: async (work, send) => {
        seen.push(`${work} sent`);
        const answer = await send();
        seen.push(`${work} answered`);
        return answer;
      },
    });
    expect(result.accepted).toBe(3);
    expect(seen).toEqual(
      ['cast', 'cast', 'cast', 'close', 'tally', 'share', 'result'].flatMap((w) => [
        `${w} sent`,
        `${w} answered`,
      ]),
    );
    const report = verifyRecord(result.record, {
      outcome: (args) => outcomeForResult(args as ResultForRules),
    });
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
  });

  it('refuses a simulator without the operator key', async () => {
    await expect(
      simulate({
        url: `http://127.0.0.1:${server.port}`,
        voters: 1,
        questions: 1,
        concurrency: 1,
        trustees: { n: 1, k: 1 },
        operatorKey: 'wrong',
      }),
    ).rejects.toThrow(/operator_key_invalid/);
  });
});
