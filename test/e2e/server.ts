// A real server on a free loopback port with a temporary SQLite file and the built pages, and a TestApp
// over HTTP, so the API drivers of test/app (MeetingDriver, Client) set meetings up exactly as there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuilt, outDir } from '../../scripts/build-web.ts';
import type { createApp } from '../../src/app.ts';
import { openDatabase, type RunningServer, startServer } from '../../src/entry/node.ts';
import type { AppConfig } from '../../src/http/context.ts';
import { type TestApp, testAppOver } from '../app/helpers.ts';

export type E2eServer = { origin: string; t: TestApp; stop: () => Promise<void> };

/**
 * fetch on a new connection each time. The server runs in the test's own process, so while a test computes
 * (printing and photographing paper ballots takes seconds) neither side's keep-alive timer runs; on waking,
 * fetch could reuse a socket the server closes in the same instant and fail with ECONNRESET. Closing each
 * connection after its answer rules that race out; a loopback connect costs well under a millisecond.
 */
export function fetchFresh(url: string, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  headers.set('connection', 'close');
  return fetch(url, { ...init, headers });
}

/** `config`: settings of the server as `npm start` would pass them (e.g. the public address). */
export async function startE2eServer(config: AppConfig = {}): Promise<E2eServer> {
  await ensureWebBuilt();
  const folder = mkdtempSync(join(tmpdir(), 'phieukin-e2e-'));
  const { store, close } = openDatabase(join(folder, 'phieukin.db'));
  const server: RunningServer = await startServer({
    store,
    port: 0,
    hostname: '127.0.0.1',
    config: { passwordCost: 4, liveIntervalMs: 50, ...config },
    assetsFolder: outDir,
  });
  const origin = `http://127.0.0.1:${server.port}`;
  const overHttp = {
    request: (path: string, init?: RequestInit) => fetchFresh(`${origin}${path}`, init),
  } as unknown as ReturnType<typeof createApp>;
  const clock = { now: () => Date.now(), advance: () => {} };
  const t = testAppOver(overHttp, store, clock, close);
  return {
    origin,
    t,
    stop: async () => {
      await server.close();
      close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
