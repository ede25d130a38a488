// One server holding two đảng ủy with three chi bộ between them: each organiser runs a classification to a
// certified result; each committee sees exactly its own chi bộ, computes the combined cap, records a
// decision that differs from a proposal, amends it (the earlier version stays visible) and exports them.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../src/shared/xlsx/read.ts';
import { accept, certified, invite, meetingOf, type Org, orgServer } from './org-helpers.ts';

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
  // D, a third chi bộ of X, holds its classification but has no certified result yet.
  await org.admin.post('/api/organisations', {
    id: 'd',
    name: 'Chi bộ Hình học',
    kind: 'chi-bo',
    parentId: 'x',
  });
  const d = await accept(org.t, await invite(org.admin, 'organiser', 'd'), 'to-chuc-d');
  meetings.d = (await meetingOf(org.t, d, 2)).id;
}, 120_000);
afterAll(() => org.t.close());

const table = (body: object = {}) =>
  org.committees.x.post('/api/committee/classification', { assessmentYear: 2026, ...body });

describe('the committee of a đảng ủy', () => {
  it("sees exactly its own chi bộ's meetings, certified, with links to verify them", async () => {
    const x = (await org.committees.x.get('/api/committee/meetings')).body;
    expect(x.branches.map((b: { id: string }) => b.id)).toEqual(['a', 'b', 'd']);
    expect(x.meetings.map((m: { id: string }) => m.id).sort()).toEqual(
      [meetings.a, meetings.b, meetings.d].sort(),
    );
    expect(
      x.meetings
        .filter((m: { id: string }) => m.id !== meetings.d)
        .every((m: { certified: boolean; status: string }) => m.certified && m.status === 'decrypted'),
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
    expect(whole.missing).toEqual([{ id: 'd', name: 'Chi bộ Hình học' }]);
    expect(reply.body.branches.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
      ['a', 'certified'],
      ['b', 'certified'],
      ['d', 'open'],
    ]);
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
    const amend = {
      branchId: 'a',
      memberId: 'm2',
      assessmentYear: 2026,
      level: 'htxsnv',
      reason: 'Đảng ủy cho phép tỉ lệ 25%',
      supersedes: first.body.id,
    };
    const refused = await x.post('/api/committee/decisions', amend);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('decision_over_cap');
    expect(refused.body.error.message).toContain('tối đa 0 HTXSNV');
    const amended = await x.post('/api/committee/decisions', {
      ...amend,
      override: 'Nghị quyết ban thường vụ số 12 cho phép 25%',
    });
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({
      version: 2,
      supersedes: first.body.id,
      override: 'Nghị quyết ban thường vụ số 12 cho phép 25%',
      capGroup: { name: 'Toàn đảng ủy', max: 0, missing: ['Chi bộ Hình học'] },
    });
    const above = await x.post('/api/committee/decisions', {
      branchId: 'a',
      memberId: 'm3',
      assessmentYear: 2026,
      level: 'htxsnv',
      reason: 'Thành tích nổi bật',
      supersedes: null,
    });
    expect(above.body.error.code).toBe('decision_over_cap');
    const noReason = await x.post('/api/committee/decisions', {
      branchId: 'a',
      memberId: 'm3',
      assessmentYear: 2026,
      level: 'htnv',
      supersedes: null,
    });
    expect(noReason.body.error.code).toBe('decision_reason_required');
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
    expect(listed[0].current.authorId).toBeTruthy();
    expect(listed[0].current.version).toBe(2);
    expect(listed[0].history.map((d: { level: string }) => d.level)).toEqual(['httnv', 'htxsnv']);
    const row = (await table()).body.groups[0].rows.find(
      (r: { memberId: string; branchId: string }) => r.branchId === 'a' && r.memberId === 'm2',
    );
    expect(row.decision).toMatchObject({ level: 'htxsnv', version: 2 });
    expect((await org.committees.y.get('/api/committee/decisions?year=2026')).body.members).toEqual([]);
  });

  it('approves, in one action, every undecided proposal the cap allows, without a reason', async () => {
    const x = org.committees.x;
    const reply = await x.post('/api/committee/decisions/approve', { assessmentYear: 2026 });
    expect(reply.status).toBe(200);
    const recorded = reply.body.recorded.map((d: { branchId: string; memberId: string; level: string }) =>
      [d.branchId, d.memberId, d.level].join(' '),
    );
    expect(recorded.sort()).toEqual(['a m3 httnv', 'b m1 httnv', 'b m2 httnv']);
    expect(reply.body.left.map((r: { memberId: string; cap: string }) => [r.memberId, r.cap])).toEqual([
      ['m3', 'exceeds-cap'],
      ['m1', 'exceeds-cap'],
    ]);
    expect(reply.body.recorded[0].reason).toBe('');
  });

  it('exports the decisions as XLSX and as a PDF with its Unicode font embedded', async () => {
    const x = org.committees.x;
    const xlsx = await org.t.app.request('/api/committee/decisions.xlsx?year=2026', {
      headers: { cookie: x.cookie },
    });
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    const rows = readXlsxRows(bytes);
    const header = rows[1]!;
    const members = rows.slice(2);
    expect(members).toHaveLength(6);
    const col = (name: string) => header.indexOf(name);
    const m2 = members.find(
      (r) => r[col('Chi bộ')] === 'Chi bộ Giải tích' && r[col('Mã đảng viên')] === 'm2',
    )!;
    expect(m2[col('Quyết định')]).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(m2[col('Căn cứ vượt giới hạn, đề xuất')]).toBe('Nghị quyết ban thường vụ số 12 cho phép 25%');
    expect(m2[col('Người ghi')]).toBe('uy-vien-x');
    expect(m2[col('Lần')]).toBe('2');
    expect(members.filter((r) => r[col('Quyết định')] === 'Chưa quyết định')).toHaveLength(2);
    const files = unzipSync(bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<c r="F3"><v>\d+<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="P\d+" s="1"><v>\d+\.\d+<\/v><\/c>/);
    expect(strFromU8(files['xl/worksheets/sheet3.xml']!)).toContain('Hội nghị chưa có kết quả xác nhận');
    const history = strFromU8(files['xl/worksheets/sheet4.xml']!);
    expect(history).toContain('Vượt giới hạn 20% số HTTNV của đảng ủy');
    expect(history).toContain('uy-vien-x');
    const pdf = await org.t.app.request('/api/committee/decisions.pdf?year=2026', {
      headers: { cookie: x.cookie },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = Buffer.from(await pdf.arrayBuffer());
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.toString('latin1')).toMatch(/\/BaseFont \/DejaVuSans/);
    expect(file.toString('latin1')).toContain('/ToUnicode');
    writeFileSync(join(tmpdir(), 'phieukin-quyet-dinh.pdf'), file);
    const text = execFileSync('pdftotext', ['-layout', join(tmpdir(), 'phieukin-quyet-dinh.pdf'), '-'], {
      encoding: 'utf8',
    });
    for (const part of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số:',
      'Căn cứ',
      'Điều 1',
      'Chi bộ Hình học',
      'Nơi nhận',
      'BÍ THƯ',
    ])
      expect(text).toContain(part);
    expect(text).toContain('Chưa quyết định');
    expect(text).toContain('uy-vien-x');
    expect(text).toContain('(sửa đổi');
    expect((await x.get('/api/committee/decisions.pdf?year=19')).status).toBe(400);
  });
});
