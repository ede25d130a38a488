// What every route needs, built once by createApp: the store, the clock, the resolved configuration,
// the server's keys, the ballot verifier and the per-meeting write queue.
import type { Context } from 'hono';
import type { Verifier } from '../check-pool/verifier.ts';
import type { MeetingQueue } from '../meeting/queue.ts';
import type { DocumentFonts } from '../pdf/layout.ts';
import type { Session, Store } from '../store/store.ts';
import type { Scope } from './access.ts';
import { clientAddressOf } from './client-address.ts';

export type Clock = { now(): number };

export type AppConfig = {
  /** The origin phones and trustees reach the server at, for the links the server hands out. */
  publicUrl?: string;
  /** The branch (chi bộ) this server serves. */
  branch?: { id: string; name: string };
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  sessionTtlMs?: number;
  setupTokenTtlMs?: number;
  /** scrypt cost as log2(N). */
  passwordCost?: number;
  loginLimit?: { failures: number; windowMs: number };
  /** How often the live counts stream looks for a change. */
  liveIntervalMs?: number;
  /** The client's address, for the login rate limit (the runtime's entry knows how to find it). */
  clientAddress?: (c: Context) => string;
};

export type ResolvedConfig = Required<Omit<AppConfig, 'publicUrl'>> & { publicUrl: string | undefined };

export function resolveConfig(config: AppConfig): ResolvedConfig {
  return {
    publicUrl: config.publicUrl,
    branch: config.branch ?? { id: 'main', name: 'Chi bộ' },
    secureCookies: config.secureCookies ?? false,
    sessionTtlMs: config.sessionTtlMs ?? 12 * 60 * 60 * 1000,
    setupTokenTtlMs: config.setupTokenTtlMs ?? 7 * 24 * 60 * 60 * 1000,
    passwordCost: config.passwordCost ?? 15,
    loginLimit: config.loginLimit ?? { failures: 10, windowMs: 15 * 60 * 1000 },
    liveIntervalMs: config.liveIntervalMs ?? 1000,
    clientAddress:
      config.clientAddress ?? ((c) => clientAddressOf(undefined, c.req.header('x-forwarded-for'), true)),
  };
}

/** The server's receipt key (SPEC §7), Ed25519, raw 32-byte secret and public keys. */
export type Keys = { receipt: { secretKey: Uint8Array; publicKey: Uint8Array } };

export type Deps = {
  store: Store;
  clock: Clock;
  config: ResolvedConfig;
  keys: Keys;
  verifier: Verifier;
  queue: MeetingQueue;
  /** The Unicode font (TrueType bytes) the PDF exports embed. */
  font: () => Promise<Uint8Array>;
  /** The serif family (regular, bold, italic) the biên bản is set in. */
  documentFonts: () => Promise<DocumentFonts>;
};

export type Env = { Variables: { session: Session; scope: Scope } };
