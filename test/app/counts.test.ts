// Live counts for the projector, as JSON and as Server-Sent Events, and the record export.
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingDriver, type TestApp, testApp } from './helpers.ts';

async function nextEvent(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<{ event: string; data: unknown }> {
  let text = '';
  for (;;) {
    const { value } = await reader.read();
    text += new TextDecoder().decode(value);
    const block = /event: (\S+)\ndata: (.*)\n/.exec(text);
    if (block) return { event: block[1]!, data: JSON.parse(block[2]!) };
  }
}

describe('live counts and the record', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('streams cards activated and ballots cast, and a new event when they change', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ready(2);
    await m.open();
    const response = await t.app.request(m.path('/counts/stream'));
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const { height } = await t.store.head(m.id);
    expect(await nextEvent(reader)).toEqual({
      event: 'counts',
      data: { status: 'open', activated: 2, cast: 0, height, signatures: 0 },
    });
    await m.vote(1);
    expect(await nextEvent(reader)).toEqual({
      event: 'counts',
      data: { status: 'open', activated: 2, cast: 1, height: height + 1, signatures: 0 },
    });
    await reader.cancel();
  });

  it('streams each trustee signature on the result, counted once', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ready(1);
    await m.open();
    await m.expectOk(m.vote(1));
    await m.close();
    await m.expectOk(m.share(1));
    await m.expectOk(m.share(2));
    const response = await t.app.request(m.path('/counts/stream'));
    const reader = response.body!.getReader();
    expect(await nextEvent(reader)).toMatchObject({ data: { status: 'decrypted', signatures: 0 } });
    await m.expectOk(m.certify(2));
    expect(await nextEvent(reader)).toMatchObject({ data: { status: 'decrypted', signatures: 1 } });
    expect((await m.certify(2)).status).toBe(409);
    await m.expectOk(m.certify(1));
    const { height } = await t.store.head(m.id);
    expect(await nextEvent(reader)).toMatchObject({ data: { signatures: 2, height } });
    await reader.cancel();
  });

  it('answers the polling fallback and unknown meetings', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    expect((await t.client().get(m.path('/counts'))).body).toEqual({
      status: 'ceremony',
      activated: 0,
      cast: 0,
      height: (await t.store.head(m.id)).height,
      signatures: 0,
    });
    expect((await t.client().get('/api/meetings/nope/counts')).status).toBe(404);
    expect((await t.client().get('/api/meetings/nope/counts/stream')).status).toBe(404);
  });

  it('exports the record as SPEC §6 says, to anyone', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    await m.ready(1);
    const reply = await t.client().get(m.path('/record'));
    expect(reply.status).toBe(200);
    expect(reply.body.protocol).toBe('phieukin/v1');
    expect(reply.body.events.map((e: { type: string }) => e.type)).toEqual([
      'manifest',
      'trustee-commitments',
      'trustee-commitments',
      'trustee-commitments',
      'trustee-shares',
      'trustee-shares',
      'trustee-shares',
      'trustee-ack',
      'trustee-ack',
      'trustee-ack',
      'joint-key',
      'attendance',
      'credentials-activated',
    ]);
    expect(Object.keys(reply.body.events[1])).toEqual(['height', 'parent', 'type', 'payload']);
  });
});
