// The roster import: validated whole, replacing the previous one; a refused import changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { roster, type TestApp, testApp } from './helpers.ts';

describe('roster', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('imports members with status, role, proposed level and facts with their source', async () => {
    t = testApp();
    const organiser = await t.organiser();
    const members = [
      { id: 'DV-001', name: 'Nguyễn Văn A', status: 'official', role: 'secretary', proposedLevel: 'htxsnv' },
      {
        id: 'DV-002',
        name: 'Trần Thị B',
        status: 'official',
        facts: [{ code: 'discipline', source: 'Quyết định kỷ luật số 12/QĐ-UBKT' }],
      },
      { id: 'DV-003', name: 'Lê Văn C', status: 'probationary', exclusion: 'new' },
    ];
    const reply = await organiser.put('/api/roster', { members });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ members: 3 });
    const read = await organiser.get('/api/roster');
    expect(read.body.members).toEqual([
      { ...members[0], proposedLevel: 'htxsnv', exclusion: null, facts: [] },
      { ...members[1], role: 'member', proposedLevel: null, exclusion: null },
      { ...members[2], role: 'member', proposedLevel: null, facts: [] },
    ]);
  });

  it('refuses a bad member, naming it, and keeps the roster it had', async () => {
    t = testApp();
    const organiser = await t.organiser();
    await organiser.put('/api/roster', roster(3));
    const bad = roster(4);
    (bad.members[2] as { status: string }).status = 'chính thức';
    const reply = await organiser.put('/api/roster', bad);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_body');
    expect(reply.body.error.message).toContain('members[2].status');
    const level = roster(2);
    (level.members[1] as { proposedLevel: string }).proposedLevel = 'xuat-sac';
    expect((await organiser.put('/api/roster', level)).status).toBe(400);
    const twice = roster(2);
    twice.members[1]!.id = 'm1';
    const duplicate = await organiser.put('/api/roster', twice);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.code).toBe('roster_duplicate_member');
    expect((await organiser.put('/api/roster', { members: [] })).status).toBe(400);
    expect((await organiser.get('/api/roster')).body.members).toHaveLength(3);
  });

  it('replaces the previous roster', async () => {
    t = testApp();
    const organiser = await t.organiser();
    await organiser.put('/api/roster', roster(5));
    await organiser.put('/api/roster', roster(2));
    expect((await organiser.get('/api/roster')).body.members.map((m: { id: string }) => m.id)).toEqual([
      'm1',
      'm2',
    ]);
  });
});
