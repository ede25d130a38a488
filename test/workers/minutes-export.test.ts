// The minutes' PDF (and CSV) through the Worker's fetch handler: a meeting driven to certification over
// the API, then its biên bản drawn in the font the Worker bundles, with no file system.
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MeetingDriver } from '../app/helpers.ts';
import { ORIGIN, throughEntry } from './through-entry.ts';

describe('the Workers entry, minutes', () => {
  it('serves the certified minutes as PDF and CSV', async () => {
    const t = throughEntry();
    const m = await MeetingDriver.create(t);
    await m.ready(2);
    await m.open();
    await m.expectOk(m.vote(1, [0, 1]));
    await m.expectOk(m.vote(2, [0, null]));
    await m.close();
    await m.expectOk(m.share(1));
    await m.expectOk(m.share(2));
    await m.expectOk(m.certify(1));
    await m.expectOk(m.certify(2));

    const pdf = await SELF.fetch(`${ORIGIN}${m.path('/minutes.pdf')}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="bien-ban-${m.id}.pdf"`);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');

    const csv = await SELF.fetch(`${ORIGIN}${m.path('/minutes.csv')}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('"Hoàn thành xuất sắc nhiệm vụ","2","100,0%"');
    t.close();
  });
});
