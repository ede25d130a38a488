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
    expect(await nextEvent(reader)).toEqual({
      event: 'counts',
      data: { status: 'open', activated: 2, cast: 0 },
    });
    await m.vote(1);
    expect(await nextEvent(reader)).toEqual({
      event: 'counts',
      data: { status: 'open', activated: 2, cast: 1 },
    });
    await reader.cancel();
  });

  it('answers the polling fallback and unknown meetings', async () => {
    t = testApp();
    const m = await MeetingDriver.create(t);
    expect((await t.client().get(m.path('/counts'))).body).toEqual({
      status: 'ceremony',
      activated: 0,
      cast: 0,
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
