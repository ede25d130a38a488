// Organiser accounts through the API: the one-time setup link, sessions in HttpOnly SameSite=Strict
// cookies, CSRF tokens on state-changing routes, the login rate limit, logout and the operator sandbox.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/entry/node.ts';
import { secretHash } from '../../src/http/ids.ts';
import { MeetingDriver, PASSWORD, type TestApp, testApp } from './helpers.ts';

describe('organiser accounts', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('sets the password through the setup link once, in an HttpOnly SameSite=Strict cookie', async () => {
    t = testApp();
    const client = t.client();
    expect((await client.get('/api/auth/session')).body).toEqual({ loggedIn: false, setupDone: false });
    const token = await t.setupToken();
    const reply = await client.post('/api/auth/setup', { token, password: PASSWORD });
    expect(reply.status).toBe(201);
    const cookie = reply.headers.get('set-cookie')!;
    expect(cookie).toMatch(/phieukin_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = await client.get('/api/auth/session');
    expect(session.body).toMatchObject({ loggedIn: true, setupDone: true, csrfToken: reply.body.csrfToken });
    const again = await t.client().post('/api/auth/setup', { token, password: PASSWORD });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('setup_invalid');
  });

  it('refuses a wrong setup token, a short password and a malformed body', async () => {
    t = testApp();
    const token = await t.setupToken();
    const wrong = await t.client().post('/api/auth/setup', { token: 'nope', password: PASSWORD });
    expect(wrong.status).toBe(403);
    const short = await t.client().post('/api/auth/setup', { token, password: 'ngắn' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('weak_password');
    const malformed = await t.client().post('/api/auth/setup', { token });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_body' });
    expect(malformed.body.error.message).toContain('password');
    expect(await t.store.hasOrganiser('main')).toBe(false);
  });

  it('logs in with the password and refuses a wrong one', async () => {
    t = testApp();
    await t.organiser();
    const wrong = await t.client().post('/api/auth/login', { password: 'sai mật khẩu rồi' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('login_failed');
    const client = t.client();
    const ok = await client.post('/api/auth/login', { password: PASSWORD });
    expect(ok.status).toBe(200);
    client.csrf = ok.body.csrfToken;
    expect((await client.get('/api/roster')).status).toBe(200);
  });

  it('rate-limits failed logins per client address, even with the right password, until the window passes', async () => {
    t = testApp({ loginLimit: { failures: 3, windowMs: 60_000 } });
    await t.organiser();
    const from = (ip: string) => t.client({ 'x-forwarded-for': ip });
    for (let i = 0; i < 3; i++)
      expect((await from('10.0.0.1').post('/api/auth/login', { password: 'sai sai sai' })).status).toBe(401);
    const limited = await from('10.0.0.1').post('/api/auth/login', { password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await from('10.0.0.2').post('/api/auth/login', { password: PASSWORD })).status).toBe(200);
    t.clock.advance(60_001);
    expect((await from('10.0.0.1').post('/api/auth/login', { password: PASSWORD })).status).toBe(200);
  });

  it('requires a session, and the CSRF token for changes', async () => {
    t = testApp();
    expect((await t.client().get('/api/roster')).status).toBe(401);
    const organiser = await t.organiser();
    const noToken = t.client();
    noToken.cookie = organiser.cookie;
    expect((await noToken.get('/api/roster')).status).toBe(200);
    const refused = await noToken.put('/api/roster', { members: [] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('csrf');
    noToken.csrf = 'not-the-token';
    expect((await noToken.post('/api/meetings', {})).status).toBe(403);
  });

  it('keeps a session until its TTL on the server clock, not a millisecond longer, and says so in Max-Age', async () => {
    t = testApp({ sessionTtlMs: 60_000 });
    const client = t.client();
    const reply = await client.post('/api/auth/setup', { token: await t.setupToken(), password: PASSWORD });
    expect(reply.headers.get('set-cookie')).toContain('Max-Age=60');
    t.clock.advance(59_999);
    expect((await client.get('/api/auth/session')).body.loggedIn).toBe(true);
    t.clock.advance(1);
    expect((await client.get('/api/auth/session')).body.loggedIn).toBe(false);
    expect((await client.get('/api/roster')).body.error.code).toBe('unauthenticated');
  });

  it('expires sessions', async () => {
    t = testApp({ sessionTtlMs: 1000 });
    const organiser = await t.organiser();
    t.clock.advance(1001);
    expect((await organiser.get('/api/roster')).status).toBe(401);
  });

  it('logs out', async () => {
    t = testApp();
    const organiser = await t.organiser();
    const reply = await organiser.post('/api/auth/logout');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await organiser.get('/api/roster')).status).toBe(401);
  });

  it('gives the operator key holder a sandbox branch that cannot see the main branch', async () => {
    t = testApp();
    await t.store.replaceOperatorKey(secretHash('operator-secret'), 0);
    const main = await MeetingDriver.create(t);
    expect((await t.client().post('/api/auth/operator', { key: 'wrong' })).status).toBe(401);
    const sandbox = t.client();
    const reply = await sandbox.post('/api/auth/operator', { key: 'operator-secret' });
    expect(reply.status).toBe(201);
    expect(reply.body.branchId).toMatch(/^sandbox-/);
    sandbox.csrf = reply.body.csrfToken;
    expect((await sandbox.get(`/api/meetings/${main.id}`)).status).toBe(404);
    expect((await sandbox.get('/api/meetings')).body.meetings).toEqual([]);
    expect((await sandbox.get('/api/roster')).body.members).toEqual([]);
  });
});

describe('setup state survives a restart', () => {
  it('does not issue a setup link once the organiser exists', async () => {
    const { store, close } = openDatabase(':memory:');
    const { issueSetupToken } = await import('../../src/accounts/setup.ts');
    const clock = { now: () => 0 };
    const token = await issueSetupToken(store, clock, { id: 'main', name: 'Chi bộ' });
    expect(token).toBeTypeOf('string');
    await store.completeSetup({
      tokenHash: secretHash(token!),
      maxAge: 1000,
      account: { id: 'a', name: 'organiser' },
      password: { hash: 'h', salt: 's', params: '{}' },
      now: 1,
    });
    expect(await issueSetupToken(store, clock, { id: 'main', name: 'Chi bộ' })).toBeNull();
    close();
  });
});
