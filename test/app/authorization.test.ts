// The authorization matrix, driven by the app's own route list: every API route is in the access table,
// and every account outside a route's role or place in the tree is refused (401, 403 or 404) with nothing
// stored changed. Invitations work once, and not after they expire.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS } from '../../src/http/access.ts';
import { assetPathFor, pageFor } from '../../src/shared/page-routes.ts';
import type { Client, MeetingDriver } from './helpers.ts';
import { accept, invite, meetingOf, type Org, orgServer } from './org-helpers.ts';

let org: Org;
let meetingB: MeetingDriver;

beforeAll(async () => {
  org = await orgServer();
  meetingB = await meetingOf(org.t, org.organisers.b, 4);
  await meetingB.cards(2);
  await org.organisers.a.put('/api/roster', {
    members: [{ id: 'a1', name: 'Nguyễn Văn A', status: 'official' }],
  });
});
afterAll(() => org.t.close());

/** Everything a refused request could have changed. */
async function snapshot(): Promise<string> {
  const { store } = org.t;
  const branches = [];
  for (const id of ['main', 'a', 'b', 'c']) {
    const meetings = [];
    for (const m of await store.meetings(id)) {
      meetings.push({
        m,
        head: await store.head(m.id),
        cards: await store.cards(m.id),
        code: await store.trusteeCodeHash(m.id),
      });
    }
    branches.push({ id, roster: await store.roster(id), meetings });
  }
  return JSON.stringify({
    branches,
    organisations: await store.organisations(),
    accounts: await store.accounts(),
    invitations: await store.openInvitations(org.t.clock.now()),
    decisions: await store.decisions(['a', 'b', 'c'], 2026),
  });
}

const apiRoutes = () =>
  org.t.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .map((r) => `${r.method} ${r.path.slice(4)}`);

function target(path: string): string {
  return `/api${path.replace(':id', meetingB.id).replace(':serial', '1')}`;
}

async function expectRefused(
  client: Client,
  method: string,
  path: string,
  statuses: number[],
): Promise<void> {
  const before = await snapshot();
  const reply = await client.request(method, target(path), method === 'GET' ? undefined : {});
  expect(statuses, `${method} ${path} answered ${reply.status}`).toContain(reply.status);
  expect(reply.body.error.message).toBeTruthy();
  expect(await snapshot()).toBe(before);
}

describe('authorization', () => {
  it('lists every route of the app in the access table, and nothing else', () => {
    const table = ROUTE_ACCESS.map((r) => `${r.method} ${r.path}`);
    expect([...new Set(apiRoutes())].sort()).toEqual([...table].sort());
  });

  const guarded = ROUTE_ACCESS.filter((r) => r.access !== 'public' && r.access !== 'trustee');

  it.each(guarded)('refuses $method $path without a session (401)', async ({ method, path }) => {
    await expectRefused(org.t.client(), method, path, [401]);
  });

  it.each(ROUTE_ACCESS.filter((r) => r.access === 'organiser' && r.path.includes(':id')))(
    "refuses chi bộ A's organiser on chi bộ B's meeting: $method $path (404)",
    async ({ method, path }) => {
      await expectRefused(org.organisers.a, method, path, [404]);
    },
  );

  it.each(ROUTE_ACCESS.filter((r) => r.access === 'organiser'))(
    "refuses a committee member on a chi bộ's roster and meetings: $method $path (403)",
    async ({ method, path }) => {
      await expectRefused(org.committees.x, method, path, [403]);
    },
  );

  it.each(ROUTE_ACCESS.filter((r) => r.access === 'committee' || r.access === 'admin'))(
    'refuses an organiser on committee and admin routes: $method $path (403)',
    async ({ method, path }) => {
      await expectRefused(org.organisers.a, method, path, [403]);
    },
  );

  it.each(ROUTE_ACCESS.filter((r) => r.access === 'admin'))(
    'refuses a committee member on admin routes: $method $path (403)',
    async ({ method, path }) => {
      await expectRefused(org.committees.x, method, path, [403]);
    },
  );

  it('finds nothing at a malformed address or a route missing from the table', async () => {
    expect((await org.organisers.b.get('/api/meetings/%E0%A4%A')).status).toBe(404);
    expect((await org.organisers.b.request('DELETE', '/api/roster')).status).toBe(404);
  });

  it('refuses a state change without the CSRF token', async () => {
    const { organisers } = org;
    const before = await snapshot();
    const reply = await organisers.b.request(
      'POST',
      `/api/meetings/${meetingB.id}/trustee-code`,
      {},
      { 'x-csrf-token': 'wrong' },
    );
    expect(reply.status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it("keeps each organiser to its own chi bộ's roster and meetings", async () => {
    const { a, b } = org.organisers;
    expect((await a.get('/api/roster')).body.members.map((m: { id: string }) => m.id)).toEqual(['a1']);
    expect((await b.get('/api/roster')).body.members).toHaveLength(4);
    expect((await a.get('/api/meetings')).body.meetings).toEqual([]);
    expect((await b.get('/api/meetings')).body.meetings.map((m: { id: string }) => m.id)).toEqual([
      meetingB.id,
    ]);
  });

  it("refuses a committee on another đảng ủy's chi bộ, changing nothing", async () => {
    const y = org.committees.y;
    const meetings = (await y.get('/api/committee/meetings')).body;
    expect(meetings.branches.map((b: { id: string }) => b.id)).toEqual(['c']);
    expect(meetings.meetings).toEqual([]);
    const before = await snapshot();
    const decision = await y.post('/api/committee/decisions', {
      branchId: 'b',
      memberId: 'm1',
      assessmentYear: 2026,
      level: 'htnv',
      reason: 'thử',
      supersedes: null,
    });
    expect(decision.status).toBe(404);
    const table = await y.post('/api/committee/classification', {
      assessmentYear: 2026,
      groups: [{ name: 'Khoa Toán', branchIds: ['a', 'b'] }],
    });
    expect(table.status).toBe(404);
    expect(table.body.error.message).toContain('Khoa Toán');
    expect(await snapshot()).toBe(before);
  });

  it('shows each account only its part of the tree', async () => {
    const ids = async (client: Client) =>
      (await client.get('/api/organisations')).body.organisations.map((o: { id: string }) => o.id).sort();
    expect(await ids(org.committees.x)).toEqual(['a', 'b', 'x']);
    expect(await ids(org.organisers.c)).toEqual(['c']);
    expect(await ids(org.admin)).toEqual(['a', 'b', 'c', 'db', 'main', 'x', 'y']);
  });
});

describe('invitations', () => {
  it('open the setup page of web/ (the link /invite#token), as /setup does', () => {
    expect(pageFor('/invite')).toBe('setup');
    expect(pageFor('/setup')).toBe('setup');
    expect(assetPathFor('/invite')).toBe('/pages/setup.html');
  });

  it('work once: a reused link is refused and creates nothing', async () => {
    const token = await invite(org.admin, 'organiser', 'a');
    await accept(org.t, token, 'to-chuc-a-2');
    const before = await snapshot();
    const again = await org.t
      .client()
      .post('/api/auth/invitation', { token, account: 'nguoi-khac', password: 'mật khẩu đủ dài' });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('invitation_used');
    expect(await snapshot()).toBe(before);
  });

  it('tell each reason a link makes no account apart, and a taken name leaves the link usable', async () => {
    const token = await invite(org.admin, 'committee', 'x');
    const check = await org.t.client().post('/api/auth/invitation/check', { token });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      role: 'committee',
      organisation: { id: 'x', name: 'Đảng ủy Khoa Toán' },
    });
    const password = 'mật khẩu đủ dài';
    const taken = await org.t
      .client()
      .post('/api/auth/invitation', { token, account: 'uy-vien-x', password });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'account_name_taken' });
    expect(taken.body.error.message).toContain('uy-vien-x');
    const made = await org.t
      .client()
      .post('/api/auth/invitation', { token, account: 'uy-vien-x-2', password });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      role: 'committee',
      organisationId: 'x',
      organisationName: 'Đảng ủy Khoa Toán',
    });
    const used = await org.t.client().post('/api/auth/invitation/check', { token });
    expect([used.status, used.body.error.code]).toEqual([410, 'invitation_used']);
    const unknown = await org.t.client().post('/api/auth/invitation/check', { token: 'khong-co' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'invitation_unknown']);
  });

  it('are listed for the admin without their links, and a revoked one is refused', async () => {
    const made = (await org.admin.post('/api/invitations', { role: 'organiser', organisationId: 'b' })).body;
    const listed = (await org.admin.get('/api/invitations')).body.invitations;
    expect(listed.map((i: { id: string }) => i.id)).toContain(made.id);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    const revoked = await org.admin.post(`/api/invitations/${made.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(
      (await org.admin.get('/api/invitations')).body.invitations.map((i: { id: string }) => i.id),
    ).not.toContain(made.id);
    const before = await snapshot();
    const again = await org.admin.post(`/api/invitations/${made.id}/revoke`, {});
    expect([again.status, again.body.error.code]).toEqual([404, 'invitation_not_open']);
    const refused = await org.t.client().post('/api/auth/invitation', {
      token: made.token,
      account: 'to-chuc-thu-hoi',
      password: 'mật khẩu đủ dài',
    });
    expect([refused.status, refused.body.error.code]).toEqual([410, 'invitation_revoked']);
    expect(await snapshot()).toBe(before);
  });

  it('make accounts the admin can disable: the session ends and the password no longer logs in', async () => {
    const client = await accept(org.t, await invite(org.admin, 'organiser', 'b'), 'to-chuc-se-khoa');
    expect((await client.get('/api/roster')).status).toBe(200);
    const account = (await org.t.store.accounts()).find((a) => a.name === 'to-chuc-se-khoa')!;
    const disabled = await org.admin.post(`/api/accounts/${account.id}/disable`, {});
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).toBeGreaterThan(0);
    expect((await client.get('/api/roster')).status).toBe(401);
    const login = await org.t.client().post('/api/auth/login', {
      account: 'to-chuc-se-khoa',
      password: 'mật khẩu đủ dài',
    });
    expect(login.status).toBe(401);
    const twice = await org.admin.post(`/api/accounts/${account.id}/disable`, {});
    expect([twice.status, twice.body.error.code]).toEqual([409, 'account_disabled_already']);
    const adminId = (await org.t.store.accounts()).find((a) => a.role === 'admin')!.id;
    const self = await org.admin.post(`/api/accounts/${adminId}/disable`, {});
    expect([self.status, self.body.error.code]).toEqual([400, 'account_self']);
  });

  it('give the new account exactly its role and place', async () => {
    const session = (await org.organisers.c.get('/api/auth/session')).body;
    expect(session).toMatchObject({ loggedIn: true, role: 'organiser', branchId: 'c' });
    const committee = (await org.committees.x.get('/api/auth/session')).body;
    expect(committee).toMatchObject({ role: 'committee', branchId: 'x' });
  });

  it('belong to a place fit for the role', async () => {
    const wrong = await org.admin.post('/api/invitations', { role: 'committee', organisationId: 'a' });
    expect(wrong.status).toBe(400);
    const nested = await org.admin.post('/api/organisations', {
      id: 'z',
      name: 'Z',
      kind: 'dang-bo-co-so',
      parentId: 'a',
    });
    expect(nested.status).toBe(400);
  });

  it('are accepted until the last millisecond of their days, and refused from then on (the last test: the clock moves past every session)', async () => {
    const early = await invite(org.admin, 'committee', 'y', 1);
    const token = await invite(org.admin, 'committee', 'y', 1);
    org.t.clock.advance(24 * 60 * 60 * 1000 - 1);
    await accept(org.t, early, 'dung-han');
    org.t.clock.advance(1);
    const before = await snapshot();
    const late = await org.t.client({ 'accept-language': 'en' }).post('/api/auth/invitation', {
      token,
      account: 'tre-han',
      password: 'mật khẩu đủ dài',
    });
    expect(late.status).toBe(410);
    expect(late.body.error.message).toContain('expired');
    expect(await snapshot()).toBe(before);
  });
});
