// A receipt promises that its ballot survives a power cut. The SQLite file runs WAL with synchronous FULL
// (every commit synced before it returns), also when it reopens an existing WAL file, and the ballot a
// receipt names is already committed, to be read by any other connection, when the receipt arrives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  it('runs WAL with synchronous FULL on a new file and on every reopening of it', () => {
    for (let opening = 1; opening <= 3; opening++) {
      const opened = openDatabase(file);
      expect(opened.durability).toEqual({ journalMode: 'wal', synchronous: 2 });
      opened.close();
    }
  });

  it('issues a receipt only for a ballot another connection already reads from the file', async () => {
    t = testApp({}, file);
    const m = await MeetingDriver.create(t);
    await m.ready(2);
    await m.open();
    const reply = await m.vote(1);
    expect(reply.status).toBe(201);
    expect(receiptValid(reply.body.receipt, m.serverKey)).toBe(true);
    const other = new Database(file, { readonly: true });
    try {
      const stored = other.prepare('select height from ballots where meeting_id = ?').all(m.id) as {
        height: number;
      }[];
      expect(stored).toEqual([{ height: reply.body.receipt.height }]);
    } finally {
      other.close();
    }
  });
});
