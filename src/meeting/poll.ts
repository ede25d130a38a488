// The poll's own commands: the attendance the quorum is judged on, opening the poll (the quorum to open,
// the server's receipt key published), and closing it with its encrypted tally in the same write (SPEC §5).
import type { Deps } from '../http/context.ts';
import { fail, failWith } from '../http/errors.ts';
import { type Message, quorumToOpen } from '../shared/rules/index.ts';
import type { Head, Meeting, NewEvent } from '../store/store.ts';
import { NO_RULE_SET } from './manifest.ts';
import { base64url } from './protocol.ts';
import { type Attendance, latestAttendance } from './snapshot.ts';
import { step } from './step.ts';
import { encryptedTally } from './tally.ts';

export async function recordAttendance(
  deps: Pick<Deps, 'store' | 'queue'>,
  meeting: Meeting,
  attendance: Attendance,
): Promise<Head> {
  const { summoned, present } = attendance;
  if (present > summoned) throw fail(400, 'attendance_invalid', { summoned, present });
  const event = { type: 'attendance', payload: JSON.stringify(attendance) };
  const { head } = await step(deps, meeting.id, 'attendance', (_, at) => ({
    answer: null,
    events: [event],
    write: () => deps.store.appendEvent(meeting.id, at, event),
  }));
  return head!;
}

/** Opens the poll once the board holds the joint key, a card is active and the quorum to open is met. */
export async function openPoll(deps: Deps, meeting: Meeting): Promise<{ head: Head; warnings: Message[] }> {
  const { store } = deps;
  const { answer, head } = await step(deps, meeting.id, 'open-poll', async (current, at) => {
    const counts = await store.counts(meeting.id);
    if (counts.activated === 0) throw fail(409, 'no_active_card');
    const attendance = await latestAttendance(store, meeting.id);
    if (!attendance) throw fail(409, 'attendance_missing');
    let warnings: Message[] = [];
    if (current.ruleSet !== NO_RULE_SET) {
      const settings = (JSON.parse(current.manifest) as { settings: Record<string, never> }).settings;
      const quorum = quorumToOpen(current.ruleSet, settings, attendance);
      if (!quorum.ok) throw failWith(409, quorum.code, quorum.message);
      warnings = quorum.warnings;
    }
    const event = {
      type: 'poll-opened',
      payload: JSON.stringify({ serverKey: base64url(deps.keys.receipt.publicKey) }),
    };
    return { answer: warnings, events: [event], write: () => store.openPoll(meeting.id, at, event) };
  });
  return { head: head!, warnings: answer };
}

/** Closes the poll: the ballot count and the encrypted tally of every ballot, in one write. */
export async function closePoll(deps: Deps, meeting: Meeting): Promise<Head> {
  const { store } = deps;
  const { head } = await step(deps, meeting.id, 'close-poll', async (current, at) => {
    const ballots = await store.events(meeting.id, { types: ['ballot'] });
    const tally = await encryptedTally(deps, current, ballots);
    const events: [NewEvent, NewEvent] = [
      { type: 'poll-closed', payload: JSON.stringify({ ballots: ballots.length }) },
      { type: 'encrypted-tally', payload: JSON.stringify(tally) },
    ];
    return { answer: null, events, write: () => store.closePoll(meeting.id, at, events) };
  });
  return head!;
}
