// The Workers entry itself, through its fetch handler: the pages from the assets binding, the organiser's
// setup link from SETUP_TOKEN, sandbox branches for OPERATOR_KEY, and a whole meeting whose receipts are
// signed by the key in RECEIPT_KEY and whose record verifies.
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { base64url, ed25519PublicKey, fromBase64url, receiptValid } from '../../crypto/index.ts';
import { MeetingDriver, PASSWORD, verify } from '../app/helpers.ts';
import { ORIGIN, throughEntry } from './through-entry.ts';

describe('the Workers entry', () => {
  it('serves the pages with the security headers, and answers unknown addresses in Vietnamese', async () => {
    const page = await SELF.fetch(`${ORIGIN}/v/some-meeting`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<html');
    const missing = await SELF.fetch(`${ORIGIN}/api/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: 'Không tìm thấy địa chỉ này' },
    });
  });

  it('lets the organiser set a password once with the SETUP_TOKEN link', async () => {
    const client = throughEntry().client();
    const body = { token: env.SETUP_TOKEN, password: PASSWORD };
    expect((await client.post('/api/auth/setup', { ...body, token: 'wrong' })).status).toBe(403);
    expect((await client.post('/api/auth/setup', body)).status).toBe(201);
    expect((await client.post('/api/auth/setup', body)).status).toBe(403);
  });

  it('runs a whole meeting: receipts signed by RECEIPT_KEY, and the record verifies', async () => {
    const t = throughEntry();
    const m = await MeetingDriver.create(t);
    await m.ready(3);
    await m.open();
    const receiptKey = base64url(ed25519PublicKey(fromBase64url(env.RECEIPT_KEY!, 32)));
    expect(m.serverKey).toBe(receiptKey);
    for (let card = 1; card <= 3; card++) {
      const reply = await m.vote(card, [card % 4, null]);
      expect(reply.status).toBe(201);
      expect(receiptValid(reply.body.receipt, receiptKey)).toBe(true);
    }
    expect((await m.vote(1, [0, 0])).status).toBe(409);
    await m.close();
    await m.share(1);
    expect((await m.share(2)).body.result.ballots).toBe(3);
    await m.certify(1);
    await m.certify(2);
    const report = verify(await m.record());
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.ballots).toBe(3);
  });
});
