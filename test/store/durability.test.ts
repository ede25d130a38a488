// A receipt promises that its ballot survives a power cut. The SQLite file runs WAL with synchronous FULL
// (every commit synced before it returns), also when it reopens an existing WAL file; a receipt comes only
// after its ballot's write committed, so another connection already reads the ballot, and a write that
// fails gives no receipt.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { receiptValid } from '../../crypto/index.ts';
import { openDatabase } from '../../src/entry/node.ts';
import { MeetingDriver, type TestApp, testApp } from '../app/helpers.ts';

describe('durability of the SQLite file', () => {
  let folder = '';
  let file = '';
  let t: TestApp | undefined;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'phieukin-durable-'));
    file = join(folder, 'phieukin.db');
  });
  afterEach(() => {
    t?.close();
    t = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  /** The ballots of a meeting as a second connection (another process after a crash) reads them. */
  function ballotsOnFile(meetingId: string): { height: number }[] {
    const other = new Database(file, { readonly: true });
    try {
      return other.prepare('select height from ballots where meeting_id = ?').all(meetingId) as {
        height: number;
      }[];
    } finally {
      other.close();
    }
  }

  async function openPoll(): Promise<MeetingDriver> {
    t = testApp({}, file);
    const m = await MeetingDriver.create(t);
    await m.ready(2);
    await m.open();
    return m;
  }

  it('runs WAL with synchronous FULL on a new file and on every reopening of it', () => {
    for (let opening = 1; opening <= 3; opening++) {
      const opened = openDatabase(file);
      expect(opened.durability).toEqual({ journalMode: 'wal', synchronous: 2 });
      opened.close();
    }
  });

  it('issues a receipt only for a ballot another connection already reads from the file', async () => {
    const m = await openPoll();
    const reply = await m.vote(1);
    expect(reply.status).toBe(201);
    expect(receiptValid(reply.body.receipt, m.serverKey)).toBe(true);
    expect(ballotsOnFile(m.id)).toEqual([{ height: reply.body.receipt.height }]);
  });

  it('gives no receipt for a ballot whose write did not commit, and the card can still vote', async () => {
    const m = await openPoll();
    const store = t!.store;
    const write = store.castBallot;
    store.castBallot = async () => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await m.vote(1);
    store.castBallot = write;
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ code: 'SQLITE_IOERR' }));
    logged.mockRestore();
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ error: expect.objectContaining({ code: 'internal' }) });
    expect(ballotsOnFile(m.id)).toEqual([]);
    const retried = await m.vote(1);
    expect(retried.status).toBe(201);
    expect(ballotsOnFile(m.id)).toEqual([{ height: retried.body.receipt.height }]);
  });
});
