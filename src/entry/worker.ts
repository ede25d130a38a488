// The Workers entry: the only file that uses the D1 binding. Once per isolate it builds the drizzle store on
// env.DB, the server's keys from its secrets, and createApp() with ballots checked inside the request (the
// inline verifier); the built pages come from the static assets binding, and the PDF exports' fonts are
// bundled with the Worker as a data module (wrangler.toml [[rules]]), since there is no file system.
import dejaVuSans from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf';
import serif from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed.ttf';
import serifBold from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-Bold.ttf';
import serifItalic from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-Italic.ttf';
import { drizzle } from 'drizzle-orm/d1';
import type { Hono, MiddlewareHandler } from 'hono';
import { ed25519PublicKey, fromBase64url } from '../../crypto/index.ts';
import { createApp } from '../app.ts';
import type { Env, Keys } from '../http/context.ts';
import { secretHash } from '../http/ids.ts';
import { loadReceiptKey } from '../meeting/receipt-key.ts';
import { assetPathFor } from '../shared/page-routes.ts';
import { batchAtomic } from '../store/atomic.ts';
import { createDrizzleStore, type Db } from '../store/drizzle-store.ts';
import * as schema from '../store/schema.ts';
import type { Store } from '../store/store.ts';

type Fetcher = { fetch(request: Request): Promise<Response> };

/** The bindings of wrangler.toml; the keys are secrets (`wrangler secret put`, or .dev.vars locally). */
export type WorkerEnv = {
  DB: Parameters<typeof drizzle>[0];
  ASSETS?: Fetcher;
  /** The receipt Ed25519 secret key, 32 bytes base64url; without it the key is made once and kept in D1. */
  RECEIPT_KEY?: string;
  /** Whoever holds it may open sandbox branches (`phieukin simulate --operator-key`). */
  OPERATOR_KEY?: string;
  /** The one-time token of the organiser's setup link `<PUBLIC_URL>/setup#<token>`, until setup is done. */
  SETUP_TOKEN?: string;
  PUBLIC_URL?: string;
  BRANCH_NAME?: string;
};

async function receiptKey(env: WorkerEnv, store: Store): Promise<Keys['receipt']> {
  if (!env.RECEIPT_KEY) return loadReceiptKey(store);
  const secretKey = fromBase64url(env.RECEIPT_KEY.trim(), 32);
  return { secretKey, publicKey: ed25519PublicKey(secretKey) };
}

function assetsFrom(assets: Fetcher): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    url.pathname = assetPathFor(url.pathname);
    const response = await assets.fetch(new Request(url, c.req.raw));
    if (response.status === 404) return next();
    return new Response(response.body, response);
  };
}

async function build(env: WorkerEnv): Promise<Hono<Env>> {
  const db = drizzle(env.DB, { schema });
  const store = createDrizzleStore(db as unknown as Db, batchAtomic(db));
  const now = Date.now();
  const publicUrl = env.PUBLIC_URL?.replace(/\/$/, '');
  const branch = { id: 'main', name: env.BRANCH_NAME ?? 'Chi bộ' };
  await store.ensureBranch(branch, now);
  if (env.OPERATOR_KEY) await store.replaceOperatorKey(secretHash(env.OPERATOR_KEY.trim()), now);
  if (env.SETUP_TOKEN && !(await store.hasOrganiser(branch.id))) {
    await store.createSetupToken(branch.id, secretHash(env.SETUP_TOKEN.trim()), now);
  }
  return createApp({
    store,
    clock: { now: () => Date.now() },
    config: {
      publicUrl,
      branch,
      secureCookies: publicUrl?.startsWith('https://') === true,
      clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
    },
    keys: { receipt: await receiptKey(env, store) },
    assets: env.ASSETS ? assetsFrom(env.ASSETS) : undefined,
    font: async () => new Uint8Array(dejaVuSans),
    documentFonts: async () => ({
      regular: new Uint8Array(serif),
      bold: new Uint8Array(serifBold),
      italic: new Uint8Array(serifItalic),
    }),
  });
}

let app: Promise<Hono<Env>> | null = null;

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    app ??= build(env).catch((error) => {
      app = null;
      throw error;
    });
    return (await app).fetch(request);
  },
};
