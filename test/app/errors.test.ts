// What every response shares: JSON errors in the client's language, body limits, security headers, and
// no caching of API answers; a request whose headers Node refuses gets the same error shape.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, startServer } from '../../src/entry/node.ts';
import { messages } from '../../src/http/messages.ts';
import { MeetingDriver, type TestApp, testApp } from './helpers.ts';

describe('errors and headers', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('answers in Vietnamese by default and in English when the client prefers it', async () => {
    t = testApp();
    const vi = await t.client().get('/api/roster');
    expect(vi.body).toEqual({
      error: { code: 'unauthenticated', message: 'Cần đăng nhập (người tổ chức, cấp ủy hoặc quản trị)' },
    });
    expect(vi.headers.get('content-language')).toBe('vi');
    const en = await t.client({ 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' }).get('/api/roster');
    expect(en.body.error.message).toBe('You need to log in (organiser, committee or admin)');
    const viFirst = await t.client({ 'accept-language': 'vi-VN,en;q=0.8' }).get('/api/roster');
    expect(viFirst.body.error.message).toBe('Cần đăng nhập (người tổ chức, cấp ủy hoặc quản trị)');
  });

  it('answers unknown addresses with a JSON 404', async () => {
    t = testApp();
    const api = await t.client().get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
    expect((await t.client().get('/not-a-page')).status).toBe(404);
    const meeting = await t.client().get('/api/meetings/unknown/record');
    expect(meeting.status).toBe(404);
    expect(meeting.body.error.code).toBe('meeting_not_found');
  });

  it('refuses malformed JSON and oversized bodies', async () => {
    t = testApp();
    const organiser = await t.organiser();
    const bad = await organiser.request('PUT', '/api/roster', '{"members": [', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_json');
    const huge = await organiser.request('PUT', '/api/roster', `{"members":"${'x'.repeat(1100 * 1024)}"}`);
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('body_too_large');
    expect(huge.body.error.message).toContain('1048576');
  });

  it('sends security headers everywhere and no-store on API answers, voter routes included', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    for (const path of [`/api/vote/${m.id}`, `/api/meetings/${m.id}/counts`, '/no-such-page']) {
      const reply = await t.client().get(path);
      expect(reply.status).toBe(path.startsWith('/api') ? 200 : 404);
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
      if (path.startsWith('/api')) expect(reply.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('a request Node cannot read, on the real server', () => {
  /** A raw HTTP/1.1 exchange, so the client side sets no header limit of its own. */
  async function exchange(port: number, request: string): Promise<{ head: string; body: string }> {
    const socket = connect(port, '127.0.0.1');
    socket.end(request);
    let text = '';
    for await (const chunk of socket) text += chunk;
    const [head = '', body = ''] = text.split('\r\n\r\n');
    return { head, body };
  }

  it.each([
    { header: 'Cookie', value: `phieukin_session=${'a'.repeat(70_000)}` },
    { header: 'Accept-Language', value: 'en;q=0.9, '.repeat(7_000) },
  ])(
    'answers 431 headers_too_large in the API’s error shape for a $header of about 70 KB',
    async ({ header, value }) => {
      const { store, close } = openDatabase(':memory:');
      const server = await startServer({ store, port: 0, hostname: '127.0.0.1', config: {} });
      try {
        const reply = await exchange(
          server.port,
          `GET /api/auth/session HTTP/1.1\r\nHost: x\r\n${header}: ${value}\r\n\r\n`,
        );
        expect(reply.head).toMatch(/^HTTP\/1\.1 431 /);
        expect(reply.head).toContain('Content-Type: application/json');
        expect(JSON.parse(reply.body)).toEqual({
          error: { code: 'headers_too_large', message: messages.headers_too_large.vi },
        });
        const fine = await fetch(`http://127.0.0.1:${server.port}/api/auth/session`);
        expect(fine.status).toBe(200);
      } finally {
        await server.close();
        close();
      }
    },
  );
});
