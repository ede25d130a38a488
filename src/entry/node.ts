// The Node entry: the only file that imports better-sqlite3 and @hono/node-server. It opens and migrates
// the SQLite file, builds the store, and serves createApp() with the worker-thread ballot verifier.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Logger } from 'drizzle-orm/logger';
import { type AppConfig, createApp } from '../app.ts';
import { clientAddressOf } from '../server/client-address.ts';
import { loadReceiptKey } from '../server/receipt-key.ts';
import type { Verifier } from '../server/verifier.ts';
import { assetPathFor } from '../shared/page-routes.ts';
import { transactionAtomic } from '../store/atomic.ts';
import { createDrizzleStore, type Db } from '../store/drizzle-store.ts';
import * as schema from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { packagedFont } from './packaged-font.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const migrationsFolder = resolve(root, 'drizzle');

export type OpenedDatabase = { store: Store; close: () => void };

/** Opens (creating and migrating if needed) a SQLite database: a file path, or ':memory:'. */
export function openDatabase(file: string, options: { logger?: Logger } = {}): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle({ client: sqlite, schema, logger: options.logger });
  migrate(db, { migrationsFolder });
  const store = createDrizzleStore(db as unknown as Db, transactionAtomic(db));
  return { store, close: () => sqlite.close() };
}

export type ServeOptions = {
  store: Store;
  port: number;
  hostname?: string;
  config: AppConfig;
  verifier?: Verifier;
  /** A folder of built web pages to serve for every path outside /api. */
  assetsFolder?: string;
  /** Behind a reverse proxy: the client is the last address it appended to X-Forwarded-For. */
  trustProxy?: boolean;
};

export type RunningServer = { port: number; close: () => Promise<void> };

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const keys = { receipt: await loadReceiptKey(options.store) };
  const assets = options.assetsFolder
    ? serveStatic({ root: options.assetsFolder, rewriteRequestPath: assetPathFor })
    : undefined;
  const app = createApp({
    store: options.store,
    clock: { now: () => Date.now() },
    config: {
      ...options.config,
      clientAddress: (c) =>
        clientAddressOf(
          getConnInfo(c).remote.address,
          c.req.header('x-forwarded-for'),
          options.trustProxy === true,
        ),
    },
    keys,
    verifier: options.verifier,
    font: packagedFont,
    assets,
  });
  return new Promise((resolvePromise) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.hostname ?? '0.0.0.0' },
      (info) => {
        resolvePromise({
          port: info.port,
          close: () =>
            new Promise((done) => {
              server.close(() => done());
            }),
        });
      },
    );
  });
}
