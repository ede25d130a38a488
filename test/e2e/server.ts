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
    request: (path: string, init?: RequestInit) => fetch(`${origin}${path}`, init),
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
