// One server holding two đảng ủy with three chi bộ between them: each organiser runs a classification to a
// certified result; each committee sees exactly its own chi bộ, computes the combined cap, records a
// decision that differs from a proposal, amends it (the earlier version stays visible) and exports them.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certified, meetingOf, type Org, orgServer } from './org-helpers.ts';

let org: Org;
const meetings: Record<string, string> = {};

beforeAll(async () => {
  org = await orgServer();
  const { a, b, c } = org.organisers;
  // A: m1 and m2 proposed HTXSNV (m2 by 3 of 4), m3 HTTNV; B: m1, m2 HTTNV, m3 HTXSNV; C: both HTTNV.
  const plans = [
    { id: 'a', client: a, members: 3, choices: (card: number) => (card === 4 ? [0, 1, 1] : [0, 0, 1]) },
    { id: 'b', client: b, members: 3, choices: () => [1, 1, 0] },
    { id: 'c', client: c, members: 2, choices: () => [1, 1] },
  ];
  for (const plan of plans) {
    const driver = await meetingOf(org.t, plan.client, plan.members);
    await certified(driver, 4, plan.choices);
    meetings[plan.id] = driver.id;
  }
}, 120_000);
afterAll(() => org.t.close());

const table = (body: object = {}) =>
  org.committees.x.post('/api/committee/classification', { assessmentYear: 2026, ...body });

describe('the committee of a đảng ủy', () => {
  it("sees exactly its own chi bộ's meetings, certified, with links to verify them", async () => {
    const x = (await org.committees.x.get('/api/committee/meetings')).body;
    expect(x.branches.map((b: { id: string }) => b.id)).toEqual(['a', 'b']);
    expect(x.meetings.map((m: { id: string }) => m.id).sort()).toEqual([meetings.a, meetings.b].sort());
    expect(
      x.meetings.every(
        (m: { certified: boolean; status: string }) => m.certified && m.status === 'decrypted',
      ),
    ).toBe(true);
    expect(x.meetings[0].links.verify).toMatch(/^\/verify\?meeting=/);
    const y = (await org.committees.y.get('/api/committee/meetings')).body;
    expect(y.meetings.map((m: { id: string }) => m.id)).toEqual([meetings.c]);
  });

  it('computes the cap over the whole đảng ủy: 3 HTTNV allow no HTXSNV, all three marked, ranked by vote share', async () => {
    const reply = await table();
    expect(reply.status).toBe(200);
    const [whole] = reply.body.groups;
    expect(whole).toMatchObject({ name: 'Toàn đảng ủy', base: 3, max: 0, proposedBest: 3 });
    const best = whole.rows.filter((r: { proposal: string }) => r.proposal === 'htxsnv');
    expect(
      best.map((r: { branchId: string; memberId: string; rank: number; cap: string }) => [
        r.branchId,
        r.memberId,
        r.rank,
        r.cap,
      ]),
    ).toEqual([
      ['b', 'm3', 1, 'exceeds-cap'],
      ['a', 'm1', 1, 'exceeds-cap'],
      ['a', 'm2', 3, 'exceeds-cap'],
    ]);
  });

  it('applies 25% over HTTNV and better, over groups it defines', async () => {
    const reply = await table({
      capPercent: 25,
      capBase: 'httnv-and-better',
      groups: [{ name: 'Giải tích', branchIds: ['a'] }],
    });
    const groups = reply.body.groups;
    expect(groups.map((g: { name: string; base: number; max: number }) => [g.name, g.base, g.max])).toEqual([
      ['Giải tích', 3, 0],
      ['Ngoài các nhóm', 3, 0],
    ]);
    const wide = (await table({ capPercent: 25, capBase: 'httnv-and-better' })).body.groups[0];
    expect([wide.base, wide.max]).toEqual([6, 1]);
    expect(wide.rows.filter((r: { cap: string }) => r.cap === 'tied-at-cap')).toHaveLength(2);
    expect(
      wide.rows.find((r: { memberId: string; branchId: string }) => r.branchId === 'a' && r.memberId === 'm2')
        .cap,
    ).toBe('exceeds-cap');
  });

  it('records a decision that differs from the proposal, amends it, and keeps the history', async () => {
    const x = org.committees.x;
    const first = await x.post('/api/committee/decisions', {
      branchId: 'a',
      memberId: 'm2',
      assessmentYear: 2026,
      level: 'httnv',
      reason: 'Vượt giới hạn 20% số HTTNV của đảng ủy',
      supersedes: null,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      version: 1,
      proposal: 'htxsnv',
      level: 'httnv',
      meetingId: meetings.a,
    });
    const amended = await x.post('/api/committee/decisions', {
      branchId: 'a',
      memberId: 'm2',
      assessmentYear: 2026,
      level: 'htxsnv',
      reason: 'Đảng ủy cho phép tỉ lệ 25%',
      supersedes: first.body.id,
    });
    expect(amended.body).toMatchObject({ version: 2, supersedes: first.body.id });
    const stale = await x.post('/api/committee/decisions', {
      branchId: 'a',
      memberId: 'm2',
      assessmentYear: 2026,
      level: 'htnv',
      reason: 'muộn',
      supersedes: first.body.id,
    });
    expect(stale.status).toBe(409);
    const unknown = await x.post('/api/committee/decisions', {
      branchId: 'a',
      memberId: 'm9',
      assessmentYear: 2026,
      level: 'htnv',
      reason: 'không có',
      supersedes: null,
    });
    expect(unknown.status).toBe(404);
    const listed = (await x.get('/api/committee/decisions?year=2026')).body.members;
    expect(listed).toHaveLength(1);
    expect(listed[0].current.version).toBe(2);
    expect(listed[0].history.map((d: { level: string }) => d.level)).toEqual(['httnv', 'htxsnv']);
    const row = (await table()).body.groups[0].rows.find(
      (r: { memberId: string; branchId: string }) => r.branchId === 'a' && r.memberId === 'm2',
    );
    expect(row.decision).toMatchObject({ level: 'htxsnv', version: 2 });
    expect((await org.committees.y.get('/api/committee/decisions?year=2026')).body.members).toEqual([]);
  });

  it('exports the decisions as XLSX and as a PDF with its Unicode font embedded', async () => {
    const x = org.committees.x;
    const xlsx = await org.t.app.request('/api/committee/decisions.xlsx?year=2026', {
      headers: { cookie: x.cookie },
    });
    expect(xlsx.status).toBe(200);
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('Đảng viên 2');
    expect(sheet).toContain('Hoàn thành xuất sắc nhiệm vụ');
    expect(sheet).toContain('Đảng ủy cho phép tỉ lệ 25%');
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toContain('Vượt giới hạn 20% số HTTNV của đảng ủy');
    const pdf = await org.t.app.request('/api/committee/decisions.pdf?year=2026', {
      headers: { cookie: x.cookie },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/DejaVuSans/);
    expect(bytes.toString('latin1')).toContain('/ToUnicode');
    expect((await x.get('/api/committee/decisions.pdf?year=19')).status).toBe(400);
  });
});
