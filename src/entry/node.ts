// The Node entry: the only file that imports better-sqlite3 and @hono/node-server. It opens and migrates
// the SQLite file, builds the store, and serves createApp() with the worker-thread ballot verifier, over
// HTTP and, given a certificate, over HTTPS too (src/entry/certificate.ts).
import { mkdirSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Logger } from 'drizzle-orm/logger';
import { type AppConfig, createApp } from '../app.ts';
import type { Verifier } from '../check-pool/verifier.ts';
import { clientAddressOf } from '../http/client-address.ts';
import { messages } from '../http/messages.ts';
import { loadReceiptKey } from '../meeting/receipt-key.ts';
import { assetPathFor } from '../shared/page-routes.ts';
import { transactionAtomic } from '../store/atomic.ts';
import { createDrizzleStore, type Db } from '../store/drizzle-store.ts';
import * as schema from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { packagedDocumentFonts, packagedFont } from './packaged-font.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const migrationsFolder = resolve(root, 'drizzle');

/** What the connection runs with, read back from SQLite: `wal` (or `memory`) and 2 for FULL. */
export type Durability = { journalMode: string; synchronous: number };
export type OpenedDatabase = { store: Store; close: () => void; durability: Durability };

/**
 * Opens (creating and migrating if needed) a SQLite database: a file path, or ':memory:'.
 *
 * A receipt promises that its ballot survives a power cut, and it is signed only after the write commits.
 * WAL lets readers (the projector, the tally) run beside the one writer; `synchronous = FULL` makes every
 * commit sync the WAL to disk before it returns. With NORMAL (what better-sqlite3's SQLite gives a file
 * that is already in WAL mode when it opens) a commit survives a killed process but not a power cut, so
 * a receipted ballot could be lost. The cost is one fsync per ballot, small beside checking its proofs.
 */
export function openDatabase(file: string, options: { logger?: Logger } = {}): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const durability: Durability = {
    journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
  };
  const db = drizzle({ client: sqlite, schema, logger: options.logger });
  migrate(db, { migrationsFolder });
  const store = createDrizzleStore(db as unknown as Db, transactionAtomic(db));
  return { store, close: () => sqlite.close(), durability };
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
  /** The server's clock (tests move it); the system clock by default. */
  clock?: { now(): number };
  /** Also serve the same app over HTTPS on `port` (0: any free port) with this key and certificate. */
  tls?: { key: string; cert: string; port: number };
};

/** `httpsPort`: where HTTPS listens, when `tls` was given. */
export type RunningServer = { port: number; httpsPort?: number; close: () => Promise<void> };

/** Node answers a request it cannot parse (headers over its limit, broken framing) itself, with an empty
 * body; this answers it with the API's error body instead, in Vietnamese (the headers were not read). */
function clientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const overflow = error.code === 'HPE_HEADER_OVERFLOW';
  const code = overflow ? 'headers_too_large' : 'bad_request';
  const body = JSON.stringify({ error: { code, message: messages[code].vi } });
  socket.end(
    [
      overflow ? 'HTTP/1.1 431 Request Header Fields Too Large' : 'HTTP/1.1 400 Bad Request',
      'Content-Type: application/json',
      'Content-Language: vi',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const keys = { receipt: await loadReceiptKey(options.store) };
  const assets = options.assetsFolder
    ? serveStatic({ root: options.assetsFolder, rewriteRequestPath: assetPathFor })
    : undefined;
  const app = createApp({
    store: options.store,
    clock: options.clock ?? { now: () => Date.now() },
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
    documentFonts: packagedDocumentFonts,
    assets,
  });
  const hostname = options.hostname ?? '0.0.0.0';
  const listening = (
    extra: Partial<Parameters<typeof serve>[0]>,
    port: number,
  ): Promise<{ port: number; close: () => Promise<void> }> =>
    new Promise((resolvePromise) => {
      const server = serve({ fetch: app.fetch, port, hostname, ...extra }, (info) => {
        resolvePromise({
          port: info.port,
          close: () =>
            new Promise((done) => {
              server.close(() => done());
            }),
        });
      });
      server.on('clientError', clientError);
    });
  const http = await listening({}, options.port);
  if (!options.tls) return http;
  const { key, cert, port } = options.tls;
  const https = await listening({ createServer: createHttpsServer, serverOptions: { key, cert } }, port);
  return {
    port: http.port,
    httpsPort: https.port,
    close: async () => {
      await Promise.all([http.close(), https.close()]);
    },
  };
}
