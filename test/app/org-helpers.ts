// A server holding a đảng bộ: two đảng ủy (X over chi bộ A and B, Y over chi bộ C), an organiser for
// each chi bộ and a committee member for each đảng ủy, all invited by the admin through app.request().
import { type Client, MeetingDriver, type Reply, roster, type TestApp, testApp } from './helpers.ts';

export type Org = {
  t: TestApp;
  admin: Client;
  organisers: Record<'a' | 'b' | 'c', Client>;
  committees: Record<'x' | 'y', Client>;
};

export const TREE = [
  { id: 'db', name: 'Đảng bộ Trường', kind: 'cap-tren-co-so' },
  { id: 'x', name: 'Đảng ủy Khoa Toán', kind: 'dang-bo-co-so', parentId: 'db' },
  { id: 'y', name: 'Đảng ủy Khoa Lý', kind: 'dang-bo-co-so', parentId: 'db' },
  { id: 'a', name: 'Chi bộ Giải tích', kind: 'chi-bo', parentId: 'x' },
  { id: 'b', name: 'Chi bộ Đại số', kind: 'chi-bo', parentId: 'x' },
  { id: 'c', name: 'Chi bộ Quang học', kind: 'chi-bo', parentId: 'y' },
];

function expectStatus(reply: Reply, status: number): Reply {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

export async function invite(
  admin: Client,
  role: string,
  organisationId: string,
  days?: number,
): Promise<string> {
  return expectStatus(await admin.post('/api/invitations', { role, organisationId, days }), 201).body.token;
}

/** Accepts an invitation on a fresh client, which is then logged in. */
export async function accept(t: TestApp, token: string, account: string): Promise<Client> {
  const client = t.client();
  const reply = expectStatus(
    await client.post('/api/auth/invitation', { token, account, password: 'mật khẩu đủ dài' }),
    201,
  );
  client.csrf = reply.body.csrfToken;
  return client;
}

export async function orgServer(): Promise<Org> {
  return buildOrg(testApp());
}

/** The tree, its organisers and committee members, on a test app (in memory, or a real server). */
export async function buildOrg(t: TestApp): Promise<Org> {
  const admin = await t.organiser();
  for (const node of TREE) expectStatus(await admin.post('/api/organisations', node), 201);
  const organisers = {
    a: await accept(t, await invite(admin, 'organiser', 'a'), 'to-chuc-a'),
    b: await accept(t, await invite(admin, 'organiser', 'b'), 'to-chuc-b'),
    c: await accept(t, await invite(admin, 'organiser', 'c'), 'to-chuc-c'),
  };
  const committees = {
    x: await accept(t, await invite(admin, 'committee', 'x'), 'uy-vien-x'),
    y: await accept(t, await invite(admin, 'committee', 'y'), 'uy-vien-y'),
  };
  return { t, admin, organisers, committees };
}

/** A classification meeting of `members` (all classified) in the organiser's chi bộ, ready for trustees. */
export async function meetingOf(
  t: TestApp,
  organiser: Client,
  members: number,
  year = 2026,
): Promise<MeetingDriver> {
  const driver = new MeetingDriver(t, organiser);
  expectStatus(await organiser.put('/api/roster', roster(members)), 200);
  const created = expectStatus(
    await organiser.post('/api/meetings', {
      title: 'Kiểm điểm, xếp loại đảng viên',
      kind: 'classification',
      trustees: { n: 2, k: 2 },
      assessmentYear: year,
    }),
    201,
  );
  driver.id = created.body.id;
  driver.manifest = created.body.manifest;
  driver.trusteeCode = expectStatus(await organiser.post(driver.path('/trustee-code')), 201).body.code;
  return driver;
}

/** Runs the meeting to a certified result: card n votes `choices(n)` (an option index per member). */
export async function certified(
  driver: MeetingDriver,
  voters: number,
  choices: (card: number) => number[],
): Promise<void> {
  await driver.ready(voters);
  await driver.open();
  for (let card = 1; card <= voters; card++) expectStatus(await driver.vote(card, choices(card)), 201);
  await driver.close();
  expectStatus(await driver.share(1), 201);
  expectStatus(await driver.share(2), 201);
  expectStatus(await driver.certify(1), 201);
  expectStatus(await driver.certify(2), 201);
}
