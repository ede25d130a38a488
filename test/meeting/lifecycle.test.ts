// The server's lifecycle (src/meeting/lifecycle.ts) against the verifier's phase table
// (crypto/checks/chain.ts): every write the server may make, from every status it may make it in, is an
// order of events the verifier accepts and leads to the phase the new status stands for; then a whole
// meeting is driven through the app and each request's new events are matched to the table.
import { describe, expect, it } from 'vitest';
import { EVENT_PHASES, type Phase } from '../../crypto/checks/chain.ts';
import { EVENT_TYPES } from '../../crypto/index.ts';
import { type Command, LIFECYCLE, refusalOf, statusAfter } from '../../src/meeting/lifecycle.ts';
import { createMeetingQueue } from '../../src/meeting/queue.ts';
import { step } from '../../src/meeting/step.ts';
import { MEETING_STATUSES, type MeetingStatus } from '../../src/shared/domain.ts';
import { MeetingDriver, type TestApp, testApp } from '../app/helpers.ts';

/**
 * The verifier's phase for each status. The server writes the close and the encrypted tally in one step,
 * so a closed meeting is already `tallied` to the verifier; `closed` alone is never a resting state.
 */
const PHASE_OF: Record<MeetingStatus, Phase> = {
  ceremony: 'setup',
  ready: 'setup',
  open: 'open',
  closed: 'tallied',
  decrypted: 'resulted',
};

/** The phase the verifier reaches after `events` from `phase`, or the first event it refuses. */
function replay(phase: Phase, events: readonly string[]): { phase: Phase } | { refused: string } {
  let at = phase;
  for (const type of events) {
    const rule = EVENT_PHASES[type as keyof typeof EVENT_PHASES];
    if (!rule?.in.includes(at)) return { refused: `${type} in ${at}` };
    at = rule.to ?? at;
  }
  return { phase: at };
}

const rows = Object.entries(LIFECYCLE).flatMap(([command, transition]) =>
  transition.in.flatMap((from) =>
    transition.writes.map((write) => ({ command: command as Command, from, write })),
  ),
);

describe('every write of the lifecycle is one the verifier accepts', () => {
  it.each(rows.map((r) => [r.command, r.from, r.write.events.join(' + ') || 'nothing', r] as const))(
    '%s in %s writes %s',
    (_, __, ___, { from, write }) => {
      const to = write.to ?? from;
      expect(replay(PHASE_OF[from], write.events)).toEqual({ phase: PHASE_OF[to] });
    },
  );

  it('every event type but the manifest (written at creation) is written by some command', () => {
    const written = new Set(rows.flatMap((r) => r.write.events));
    expect(EVENT_TYPES.filter((type) => type !== 'manifest' && !written.has(type))).toEqual([]);
  });

  it('a status change happens only where the verifier changes phase too', () => {
    for (const { from, write } of rows)
      if (write.to && PHASE_OF[write.to] !== PHASE_OF[from])
        expect(write.events.some((type) => EVENT_PHASES[type].to !== undefined)).toBe(true);
  });
});

describe('refusalOf', () => {
  it('names what is wrong in each status a command is not taken in', () => {
    expect(refusalOf('open-poll', 'ceremony')).toBe('ceremony_incomplete');
    expect(refusalOf('open-poll', 'open')).toBe('poll_already_open');
    expect(refusalOf('decryption-share', 'decrypted')).toBe('result_exists');
    expect(refusalOf('decryption-share', 'open')).toBe('not_closed');
    expect(refusalOf('activate-cards', 'closed')).toBe('poll_closed');
    expect(refusalOf('cast-ballot', 'ready')).toBe('poll_not_open');
    expect(refusalOf('attendance', 'open')).toBe('attendance_after_open');
  });

  it('takes each command exactly in its statuses', () => {
    for (const [command, transition] of Object.entries(LIFECYCLE))
      for (const status of MEETING_STATUSES)
        expect(refusalOf(command as Command, status) === null).toBe(transition.in.includes(status));
  });
});

describe('step', () => {
  const meeting = { id: 'm', status: 'open' as MeetingStatus };
  const deps = (status: MeetingStatus) => ({
    store: {
      head: async () => ({ height: 3, hash: 'h' }),
      meeting: async () => ({ ...meeting, status }),
    } as never,
    queue: createMeetingQueue(),
  });

  it('refuses a command the status does not take, before deciding anything', async () => {
    let decided = false;
    const run = step(deps('closed'), 'm', 'cast-ballot', () => {
      decided = true;
      return { answer: null };
    });
    await expect(run).rejects.toMatchObject({ status: 409 });
    expect(decided).toBe(false);
  });

  it('will not write events the lifecycle does not allow for the command', async () => {
    let written = false;
    const run = step(deps('open'), 'm', 'cast-ballot', () => ({
      answer: null,
      events: [{ type: 'poll-closed', payload: '{}' }],
      write: async () => {
        written = true;
        return { height: 4, hash: 'x' };
      },
    }));
    await expect(run).rejects.toThrow('cast-ballot may not write [poll-closed] while the meeting is open');
    expect(written).toBe(false);
  });
});

describe('a whole meeting through the app follows the table, action by action', () => {
  /** The status after `events`, read as one or more writes of `command` (longest first), or null. */
  function afterWrites(command: Command, from: MeetingStatus, events: string[]): MeetingStatus | null {
    if (events.length === 0) return from;
    for (let n = events.length; n > 0; n--) {
      const to = statusAfter(command, from, events.slice(0, n));
      if (to !== null) return afterWrites(command, to, events.slice(n));
    }
    return null;
  }

  async function observed(t: TestApp, id: string, command: Command, act: () => Promise<unknown>) {
    const before = (await t.store.meeting(id))!.status;
    const height = (await t.store.head(id)).height;
    await act();
    const after = (await t.store.meeting(id))!.status;
    const events = (await t.store.events(id)).filter((e) => e.height > height).map((e) => e.type);
    expect({ command, from: before, events, to: afterWrites(command, before, events) }).toEqual({
      command,
      from: before,
      events,
      to: after,
    });
  }

  it('from the ceremony to the last certification', async () => {
    const t = testApp();
    const d = await MeetingDriver.create(t, { members: 4 });
    const see = (command: Command, act: () => Promise<unknown>) => observed(t, d.id, command, act);
    await see('ceremony', () => d.commitments());
    await see('ceremony', () => d.shares());
    await see('ceremony', () => d.acks());
    await d.cards(4);
    await see('attendance', () =>
      d.expectOk(d.organiser.put(d.path('/attendance'), { summoned: 4, present: 4 }), 200),
    );
    await see('activate-cards', () =>
      d.expectOk(d.organiser.post(d.path('/cards/activate'), { from: 1, to: 3 }), 200),
    );
    await see('void-card', () => d.expectOk(d.organiser.post(d.path('/cards/4/void')), 200));
    await see('void-card', () => d.expectOk(d.organiser.post(d.path('/cards/3/void')), 200));
    await see('open-poll', () => d.open());
    await see('cast-ballot', () => d.expectOk(d.vote(1)));
    await see('cast-ballot', () => d.expectOk(d.vote(2)));
    await see('close-poll', () => d.close());
    await see('decryption-share', () => d.expectOk(d.share(1)));
    await see('decryption-share', () => d.expectOk(d.share(2)));
    await see('certify', () => d.expectOk(d.certify(1)));
    await see('certify', () => d.expectOk(d.certify(2)));
    t.close();
  });
});
