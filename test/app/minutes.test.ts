// The minutes routes: public once the board has certified the result (409 result_not_certified before),
// the JSON the minutes page shows, and the PDF, CSV and XLSX downloads with their types and file names.
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesOf } from '../../src/shared/minutes/minutes.ts';
import { MeetingDriver, type TestApp, testApp } from './helpers.ts';

const DETAILS = {
  upper: 'Đảng bộ phường Bến Nghé',
  place: 'Phường Bến Nghé',
  chair: 'Nguyễn Văn An',
  secretary: 'Trần Thị Dung',
  absentWithLeave: 0,
  board: [
    { seat: 1, name: 'Phạm Ngọc Lan', position: 'head' },
    { seat: 3, name: 'Hoàng Thanh Quân', position: 'member' },
  ],
};

describe('minutes of a meeting', () => {
  let t: TestApp;
  let m: MeetingDriver;
  const minutesPaths = ['/minutes', '/minutes.pdf', '/minutes.csv', '/minutes.xlsx'];

  async function codes(): Promise<Array<[number, string]>> {
    const replies = await Promise.all(minutesPaths.map((p) => t.client().get(m.path(p))));
    return replies.map((r) => [r.status, r.body?.error?.code]);
  }

  beforeAll(async () => {
    t = testApp({ publicUrl: 'https://phieu.example' });
    m = await MeetingDriver.create(t);
    await m.ready(4);
    await m.expectOk(
      m.organiser.put(m.path('/attendance'), { summoned: 4, present: 4, details: DETAILS }),
      200,
    );
    await m.cards(2);
    await m.expectOk(m.organiser.post(m.path('/cards/activate'), { from: 5, to: 5 }), 200);
    await m.expectOk(m.organiser.post(m.path('/cards/5/void')), 200);
    await m.open();
    await m.vote(1, [0, 1]);
    await m.vote(2, [0, null]);
    await m.vote(3, [1, 1]);
  });
  afterAll(() => t.close());

  it('is refused (409 result_not_certified) while open, closed, decrypted and signed by fewer than k', async () => {
    const refused = minutesPaths.map(() => [409, 'result_not_certified']);
    expect(await codes()).toEqual(refused);
    await m.close();
    expect(await codes()).toEqual(refused);
    await m.share(2);
    await m.share(3);
    expect(await codes()).toEqual(refused);
    await m.expectOk(m.certify(3));
    expect(await codes()).toEqual(refused);
    await m.expectOk(m.certify(1));
    expect((await codes()).map(([s]) => s)).toEqual([200, 200, 200, 200]);
  });

  it('refuses board members on seats the board does not have, or two on one seat (400 board_seat_invalid)', async () => {
    for (const board of [
      [{ seat: 4, name: 'Ghế thứ tư', position: 'member' }],
      [
        { seat: 2, name: 'A', position: 'head' },
        { seat: 2, name: 'B', position: 'member' },
      ],
    ]) {
      const reply = await m.organiser.put(m.path('/attendance'), {
        summoned: 4,
        present: 4,
        details: { board },
      });
      expect([reply.status, reply.body.error.code]).toEqual([400, 'board_seat_invalid']);
    }
  });

  it('names the board, chủ tọa and thư ký as entered with the attendance, and the time of the count from the result', async () => {
    const body = (await t.client().get(m.path('/minutes'))).body;
    expect(body.details).toMatchObject({
      chair: DETAILS.chair,
      secretary: DETAILS.secretary,
      place: DETAILS.place,
    });
    expect(body.details.board).toEqual(DETAILS.board);
    const result = (await m.record()).events.find((e: { type: string }) => e.type === 'result')!;
    expect(JSON.parse(result.payload).countedAt).toBe(t.clock.now());
    expect(body.meeting.countedAt).toBe(t.clock.now());
  });

  it('serves the numbers as JSON to anyone, without logging in', async () => {
    const reply = await t.client().get(m.path('/minutes'));
    expect(reply.status).toBe(200);
    const body = reply.body;
    expect(body.meeting).toMatchObject({ id: m.id, title: 'Họp chi bộ tháng 12', ruleSet: 'QD366-2025' });
    expect(body.meeting.createdAtText).toMatch(/^\d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    expect(body.attendance).toMatchObject({ summoned: 4, present: 4 });
    // 6 printed, 5 activated of which 1 voided, 3 voted: 1 activated card was not used
    expect(body.cards).toEqual({ issued: 6, activated: 5, voided: 1, notUsed: 1 });
    expect(body.ballots).toEqual({ cast: 3, counted: 3, paper: 0, decidedByHand: 0 });
    expect(
      body.subjects.map((s: { options: { votes: number }[]; blank: number }) => [
        s.options.map((o) => o.votes),
        s.blank,
      ]),
    ).toEqual([
      [[2, 1, 0, 0], 0],
      [[0, 2, 0, 0], 1],
    ]);
    expect(body.board).toMatchObject({ n: 3, k: 2, trusteesUsed: [2, 3], certified: true });
    expect(body.board.signatures.map((s: { index: number }) => s.index)).toEqual([1, 3]);
    expect(body.verifyPath).toBe(`/verify?meeting=${m.id}`);
  });

  it('is what minutesOf gives on the whole public record, wherever it runs', async () => {
    const served = (await t.client().get(m.path('/minutes'))).body;
    const record = await m.record();
    const meeting = (await t.store.meeting(m.id))!;
    const local = minutesOf(record, { createdAt: meeting.createdAt, issued: 6 });
    expect(local).toEqual(served);
    expect(record.events.filter((e: { type: string }) => e.type === 'ballot')).toHaveLength(3);
  });

  it('downloads the CSV, XLSX and PDF with their types and file names bien-ban-<id>', async () => {
    const csv = await t.app.request(m.path('/minutes.csv'));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="bien-ban-${m.id}.csv"`);
    const csvBytes = new Uint8Array(await csv.arrayBuffer());
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csvBytes)).toContain(
      '"Hoàn thành xuất sắc nhiệm vụ","2","50,0%","4","0"',
    );

    const xlsx = await t.app.request(m.path('/minutes.xlsx'));
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="bien-ban-${m.id}.xlsx"`);
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toContain('Phạm Ngọc Lan');

    const pdf = await t.app.request(m.path('/minutes.pdf'));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="bien-ban-${m.id}.pdf"`);
    const doc = await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()));
    expect(doc.getTitle()).toBe('Biên bản kiểm phiếu: Họp chi bộ tháng 12');
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 for a meeting that does not exist', async () => {
    const reply = await t.client().get('/api/meetings/nope/minutes.pdf');
    expect(reply.status).toBe(404);
  });
});
