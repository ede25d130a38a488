// Meetings: the manifest built from the roster and kept as its exact string, the checks on creation,
// attendance, and when the poll may open and close.
import { afterEach, describe, expect, it } from 'vitest';
import { base64url, manifestHash } from '../../crypto/index.ts';
import { applyRuleSet } from '../../src/shared/rules/index.ts';
import { MeetingDriver, roster, type TestApp, testApp } from './helpers.ts';

describe('meetings', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('builds the manifest from the roster and keeps its exact string as the record’s first event', async () => {
    t = testApp();
    const organiser = await t.organiser();
    const members = roster(5).members;
    members[4] = { ...members[4]!, status: 'probationary' };
    await organiser.put('/api/roster', {
      members: [...members, { id: 'x', name: 'Miễn', status: 'official', exclusion: 'exempt' }],
    });
    const reply = await organiser.post('/api/meetings', {
      title: 'Đánh giá, xếp loại 2025',
      kind: 'classification',
      trustees: { n: 3, k: 2 },
      settings: { denominator: { value: 'present', basis: 'Nghị quyết chi bộ số 3' } },
    });
    expect(reply.status).toBe(201);
    const manifest = JSON.parse(reply.body.manifest);
    expect(manifest).toMatchObject({
      protocol: 'phieukin/v1',
      meetingId: reply.body.id,
      kind: 'classification',
      ruleSet: 'QD366-2025',
      electorate: 4,
      trustees: { n: 3, k: 2 },
    });
    expect(manifest.settings.denominator).toEqual({ value: 'present', basis: 'Nghị quyết chi bộ số 3' });
    expect(manifest.assessmentYear).toBe(reply.body.assessmentYear);
    expect(manifest.questions.map((q: { subjectId: string }) => q.subjectId)).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
    ]);
    expect(manifest.questions[0]).toMatchObject({ role: 'secretary', proposed: 'httnv' });
    expect(manifest.questions[0].options.map((o: { id: string }) => o.id)).toEqual([
      'htxsnv',
      'httnv',
      'htnv',
      'khtnv',
    ]);
    expect(reply.body.manifestHash).toBe(base64url(manifestHash(reply.body.manifest)));
    const record = await t.client().get(`/api/meetings/${reply.body.id}/record`);
    expect(record.body.events).toEqual([
      { height: 0, parent: null, type: 'manifest', payload: reply.body.manifest },
    ]);
    const listed = await organiser.get('/api/meetings');
    expect(listed.body.meetings.map((m: { id: string }) => m.id)).toEqual([reply.body.id]);
    const one = await organiser.get(`/api/meetings/${reply.body.id}`);
    expect(one.body).toMatchObject({
      status: 'ceremony',
      counts: { activated: 0, cast: 0 },
      attendance: null,
      height: 0,
    });
    expect(one.body.links.vote).toBe(`http://localhost/v/${reply.body.id}`);
  });

  it('links a confidence result held without its 2/3 quorum only with the warning that it will not be applied', async () => {
    t = testApp();
    const organiser = await t.organiser();
    await organiser.put('/api/roster', roster(3));
    const short = applyRuleSet({
      ruleSet: 'QD96-2023',
      meeting: { summoned: 9, present: 5, activated: 5, ballots: 5 },
      subjects: [
        { id: 'm1', name: 'Đảng viên 1', role: 'secretary', facts: [], counts: { thap: 5 }, blank: 0 },
      ],
    });
    const reply = await organiser.post('/api/meetings', {
      title: 'Xếp loại 2025',
      kind: 'classification',
      trustees: { n: 1, k: 1 },
      linkedConfidence: short,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.warnings.map((w: { code: string }) => w.code)).toEqual(['linked-confidence-invalid']);
    expect(reply.body.warnings[0].message.vi).toContain('QĐ 96-QĐ/TW Điều 3');
  });

  it('binds the assessment year in the manifest, and warns when the rule set is not for that year', async () => {
    t = testApp();
    const organiser = await t.organiser();
    await organiser.put('/api/roster', roster(3));
    const reply = await organiser.post('/api/meetings', {
      title: 'Xếp loại theo quy định cũ',
      kind: 'classification',
      ruleSet: 'QD124-2023',
      assessmentYear: 2026,
      trustees: { n: 1, k: 1 },
    });
    expect(reply.status).toBe(201);
    expect(JSON.parse(reply.body.manifest).assessmentYear).toBe(2026);
    expect(reply.body.warnings.map((w: { code: string }) => w.code)).toContain('rule-set-year');
    const motion = await organiser.post('/api/meetings', {
      title: 'Biểu quyết',
      kind: 'motion',
      motions: [{ prompt: 'Thông qua nghị quyết?' }],
      trustees: { n: 1, k: 1 },
    });
    expect(JSON.parse(motion.body.manifest).assessmentYear).toBeUndefined();
  });

  it('asks one question per leader in a confidence meeting and per motion in a motion meeting', async () => {
    t = testApp();
    const organiser = await t.organiser();
    await organiser.put('/api/roster', roster(4));
    const confidence = await organiser.post('/api/meetings', {
      title: 'Tín nhiệm',
      kind: 'confidence',
      trustees: { n: 1, k: 1 },
    });
    expect(confidence.status).toBe(201);
    const cm = JSON.parse(confidence.body.manifest);
    expect(cm.ruleSet).toBe('QD96-2023');
    expect(cm.questions.map((q: { subjectId: string }) => q.subjectId)).toEqual(['m1']);
    const motion = await organiser.post('/api/meetings', {
      title: 'Biểu quyết',
      kind: 'motion',
      trustees: { n: 2, k: 2 },
      motions: [{ prompt: 'Thông qua nghị quyết tháng 12' }],
    });
    expect(motion.status).toBe(201);
    const mm = JSON.parse(motion.body.manifest);
    expect(mm.questions).toEqual([
      {
        id: 'q1',
        prompt: 'Thông qua nghị quyết tháng 12',
        options: [
          { id: 'yes', label: 'Tán thành' },
          { id: 'no', label: 'Không tán thành' },
          { id: 'abstain', label: 'Không biểu quyết' },
        ],
      },
    ]);
  });

  it('refuses what the roster or the rule set cannot satisfy, creating nothing', async () => {
    t = testApp();
    const organiser = await t.organiser();
    const base = { title: 'Họp', kind: 'classification', trustees: { n: 3, k: 2 } };
    const expectRefused = async (body: object, code: string, status = 400) => {
      const reply = await organiser.post('/api/meetings', { ...base, ...body });
      expect(reply.status, JSON.stringify(reply.body)).toBe(status);
      expect(reply.body.error.code).toBe(code);
    };
    await expectRefused({}, 'roster_empty');
    await organiser.put('/api/roster', roster(3));
    await expectRefused({ trustees: { n: 2, k: 3 } }, 'trustees_invalid');
    await expectRefused({ ruleSet: 'QD999' }, 'rule_set_unknown');
    await expectRefused({ ruleSet: 'QD96-2023' }, 'rule_set_kind');
    await expectRefused({ settings: { nonsense: 1 } }, 'setting_unknown');
    await expectRefused({ settings: { denominator: 'everyone' } }, 'invalid-setting');
    await expectRefused({ subjects: ['m9'] }, 'subject_unknown');
    await expectRefused({ kind: 'motion' }, 'motions_required');
    await expectRefused({ kind: 'meeting' }, 'invalid_body');
    expect((await organiser.get('/api/meetings')).body.meetings).toEqual([]);
  });

  it('records attendance as events until the poll opens', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    const bad = await m.organiser.put(m.path('/attendance'), { summoned: 5, present: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('attendance_invalid');
    expect((await m.organiser.put(m.path('/attendance'), { summoned: 6, present: 5 })).status).toBe(200);
    const again = await m.organiser.put(m.path('/attendance'), { summoned: 6, present: 6, excluded: 1 });
    expect(again.body).toEqual({ attendance: { summoned: 6, present: 6, excluded: 1 }, height: 2 });
    expect((await m.organiser.get(m.path(''))).body.attendance).toEqual({
      summoned: 6,
      present: 6,
      excluded: 1,
    });
    await m.ceremony();
    await m.cards(2);
    await m.organiser.post(m.path('/cards/activate'), { serials: [1, 2] });
    await m.open();
    const late = await m.organiser.put(m.path('/attendance'), { summoned: 6, present: 6 });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('attendance_after_open');
  });

  it('refuses to open the poll, with the reason, until ceremony, cards, attendance and quorum are there', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t, {
      members: 6,
      body: { kind: 'confidence', subjects: ['m1', 'm2'], trustees: { n: 2, k: 1 } },
    });
    const open = () => m.organiser.post(m.path('/open'));
    const en = { 'accept-language': 'en' };
    let reply = await m.organiser.post(m.path('/open'), {}, en);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toEqual({
      code: 'ceremony_incomplete',
      message: 'The vote-counting board has not finished the key ceremony; the poll cannot open',
    });
    await m.ceremony();
    expect((await open()).body.error.code).toBe('no_active_card');
    await m.cards(3);
    await m.organiser.post(m.path('/cards/activate'), { from: 1, to: 3 });
    expect((await open()).body.error.code).toBe('attendance_missing');
    await m.organiser.put(m.path('/attendance'), { summoned: 6, present: 3 });
    reply = await m.organiser.post(m.path('/open'), {}, en);
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('quorum-not-met');
    expect(reply.body.error.message).toContain('QĐ 96-QĐ/TW');
    expect((await t.store.meeting(m.id))?.status).toBe('ready');
    await m.organiser.put(m.path('/attendance'), { summoned: 6, present: 4 });
    reply = await open();
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('open');
    expect((await open()).body.error.code).toBe('poll_already_open');
  });

  it('closes an open poll only, publishing the encrypted tally', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    expect((await m.organiser.post(m.path('/close'))).body.error.code).toBe('poll_not_open');
    await m.ready(2);
    await m.open();
    await m.vote(1);
    await m.close();
    const events = (await m.record()).events.map((e: { type: string }) => e.type);
    expect(events.slice(-3)).toEqual(['ballot', 'poll-closed', 'encrypted-tally']);
    expect((await m.organiser.post(m.path('/close'))).status).toBe(409);
  });

  it('hands out a fresh trustee code, the old one stops working', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    const old = m.trustee;
    const reply = await m.organiser.post(m.path('/trustee-code'));
    expect(reply.status).toBe(201);
    expect(reply.body.url).toBe(`http://localhost/t/${m.id}#${reply.body.code}`);
    const refused = await old.post(m.path('/ceremony/commitments'), {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('trustee_code_invalid');
  });
});
