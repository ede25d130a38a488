// The login rate limit counts per client. Behind a reverse proxy every socket peer is the proxy, so a
// stranger's failed logins must not lock out the whole room, and a client must not choose its own address
// by sending X-Forwarded-For: only the entry our proxy appended (the rightmost) counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, startServer } from '../../src/entry/node.ts';
import { clientAddressOf } from '../../src/http/client-address.ts';

describe('clientAddressOf', () => {
  it('is the socket peer when no proxy is trusted, whatever the client claims', () => {
    expect(clientAddressOf('192.0.2.7', '203.0.113.9', false)).toBe('192.0.2.7');
  });
  it('is the rightmost forwarded entry behind a trusted proxy (entries left of it are the client’s claims)', () => {
    expect(clientAddressOf('127.0.0.1', '203.0.113.9, 198.51.100.4', true)).toBe('198.51.100.4');
  });
  it('falls back to the peer when a trusted proxy sent no header', () => {
    expect(clientAddressOf('127.0.0.1', undefined, true)).toBe('127.0.0.1');
    expect(clientAddressOf(undefined, undefined, true)).toBe('unknown');
  });
});

describe('phieukin serve behind a reverse proxy (PHIEUKIN_TRUST_PROXY=1)', { timeout: 60_000 }, () => {
  /** A real server on a SQLite file, its clock in the test's hands. */
  async function proxiedServer(trustProxy: boolean) {
    const folder = mkdtempSync(join(tmpdir(), 'phieukin-proxy-'));
    const { store, close } = openDatabase(join(folder, 'db.sqlite'));
    let now = Date.UTC(2026, 10, 23, 8);
    const server = await startServer({
      store,
      port: 0,
      hostname: '127.0.0.1',
      trustProxy,
      clock: { now: () => now },
      config: { passwordCost: 4, loginLimit: { failures: 2, windowMs: 60_000 } },
    });
    const login = (forwardedFor: string) =>
      fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ password: 'không phải mật khẩu' }),
      });
    return {
      login: async (forwardedFor: string) => (await login(forwardedFor)).status,
      loginReply: login,
      advance: (ms: number) => {
        now += ms;
      },
      stop: async () => {
        await server.close();
        close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }

  async function failedLogins(trustProxy: boolean) {
    const s = await proxiedServer(trustProxy);
    try {
      const stranger = [
        await s.login('198.51.100.4'),
        await s.login('198.51.100.4'),
        await s.login('198.51.100.4'),
      ];
      const spoofing = await s.login('203.0.113.9, 198.51.100.4');
      const neighbour = await s.login('198.51.100.5');
      return { stranger, spoofing, neighbour };
    } finally {
      await s.stop();
    }
  }

  it('limits each forwarded client on its own, and a client cannot escape by claiming another address', async () => {
    const r = await failedLogins(true);
    expect(r.stranger).toEqual([401, 401, 429]);
    expect(r.spoofing).toBe(429);
    expect(r.neighbour).toBe(401);
  });

  it('without the setting, every request through the proxy counts as one client', async () => {
    const r = await failedLogins(false);
    expect(r.stranger).toEqual([401, 401, 429]);
    expect(r.neighbour).toBe(429);
  });

  it('lifts a forwarded client’s limit when Retry-After has passed on the server’s clock, not a millisecond before', async () => {
    const s = await proxiedServer(true);
    try {
      expect([await s.login('198.51.100.4'), await s.login('198.51.100.4')]).toEqual([401, 401]);
      const limited = await s.loginReply('198.51.100.4');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('60');
      s.advance(59_999);
      expect(await s.login('198.51.100.4')).toBe(429);
      s.advance(1);
      expect(await s.login('198.51.100.4')).toBe(401);
    } finally {
      await s.stop();
    }
  });
});
