// The login rate limit counts per client. Behind a reverse proxy every socket peer is the proxy, so a
// stranger's failed logins must not lock out the whole room, and a client must not choose its own address
// by sending X-Forwarded-For: only the entry our proxy appended (the rightmost) counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, startServer } from '../../src/entry/node.ts';
import { clientAddressOf } from '../../src/server/client-address.ts';

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
  async function failedLogins(trustProxy: boolean) {
    const folder = mkdtempSync(join(tmpdir(), 'phieukin-proxy-'));
    const { store, close } = openDatabase(join(folder, 'db.sqlite'));
    const server = await startServer({
      store,
      port: 0,
      hostname: '127.0.0.1',
      trustProxy,
      config: { passwordCost: 4, loginLimit: { failures: 2, windowMs: 60_000 } },
    });
    const login = (forwardedFor: string) =>
      fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ password: 'không phải mật khẩu' }),
      }).then((r) => r.status);
    try {
      const stranger = [
        await login('198.51.100.4'),
        await login('198.51.100.4'),
        await login('198.51.100.4'),
      ];
      const spoofing = await login('203.0.113.9, 198.51.100.4');
      const neighbour = await login('198.51.100.5');
      return { stranger, spoofing, neighbour };
    } finally {
      await server.close();
      close();
      rmSync(folder, { recursive: true, force: true });
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
});
