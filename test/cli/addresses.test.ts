// What `npm start` prints and puts on the cards: the public URL when set, else the LAN address the server
// really listens on; never a LAN address for a server listening on loopback only, which is flagged.
import { describe, expect, it } from 'vitest';
import { serverAddresses } from '../../src/commands/addresses.ts';

const lan = '192.168.1.20';

describe('server addresses', () => {
  it('uses PHIEUKIN_PUBLIC_URL for cards and the console link whatever the server listens on', () => {
    const a = serverAddresses({
      publicUrl: 'https://phieu.example.vn',
      hostname: '127.0.0.1',
      port: 3000,
      lan,
    });
    expect(a).toEqual({
      cards: 'https://phieu.example.vn',
      console: 'https://phieu.example.vn',
      loopbackOnly: false,
    });
  });

  it('puts the LAN address on the cards of a server listening on every interface', () => {
    const a = serverAddresses({ publicUrl: undefined, hostname: '0.0.0.0', port: 3000, lan });
    expect(a).toEqual({
      cards: 'http://192.168.1.20:3000',
      console: 'http://192.168.1.20:3000',
      loopbackOnly: false,
    });
  });

  it('prints 127.0.0.1 and flags it when the server listens on loopback only', () => {
    for (const hostname of ['127.0.0.1', 'localhost', '::1']) {
      const a = serverAddresses({ publicUrl: undefined, hostname, port: 3000, lan });
      expect(a).toEqual({ cards: undefined, console: 'http://127.0.0.1:3000', loopbackOnly: true });
    }
  });

  it('flags a machine with no network and a public URL that is loopback', () => {
    expect(
      serverAddresses({ publicUrl: undefined, hostname: '0.0.0.0', port: 3000, lan: null }).loopbackOnly,
    ).toBe(true);
    expect(
      serverAddresses({ publicUrl: 'http://localhost:3000', hostname: '0.0.0.0', port: 3000, lan })
        .loopbackOnly,
    ).toBe(true);
  });

  it('uses the one address a server is bound to', () => {
    const a = serverAddresses({ publicUrl: undefined, hostname: '10.0.0.5', port: 8080, lan });
    expect(a.cards).toBe('http://10.0.0.5:8080');
  });
});
