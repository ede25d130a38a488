// The meeting's lifecycle, as one table: for each command the server takes about a meeting, the statuses
// it is taken in, the refusal it gets in any other, and the events it may append with the status they lead
// to. `step` (step.ts) checks a command against this table under the meeting's queue before it decides
// anything else, and test/meeting/lifecycle.test.ts runs every row through the verifier's own phase table
// (crypto/checks/chain.ts), so what the server writes is what the verifier accepts (SPEC §6, §8.1).
import type { EventType } from '../../crypto/index.ts';
import type { MessageCode } from '../http/messages.ts';
import type { MeetingStatus } from '../shared/domain.ts';

export type Command =
  | 'ceremony'
  | 'attendance'
  | 'activate-cards'
  | 'void-card'
  | 'open-poll'
  | 'cast-ballot'
  | 'close-poll'
  | 'decryption-share'
  | 'certify';

/** One way a command may write: the events in order, and the status after them (unchanged when absent). */
export type Write = { events: readonly EventType[]; to?: MeetingStatus };

export type Transition = {
  /** The statuses the command is taken in. */
  in: readonly MeetingStatus[];
  /** The refusal in any other status: one code, or one per status with a default. */
  refusal: MessageCode | ({ default: MessageCode } & Partial<Record<MeetingStatus, MessageCode>>);
  writes: readonly Write[];
};

export const LIFECYCLE: Record<Command, Transition> = {
  // SPEC §2: commitments, encrypted shares, then acknowledgements; the last one publishes the joint key.
  // A complaint is an acknowledgement too: it restarts the ceremony with a new round.
  ceremony: {
    in: ['ceremony'],
    refusal: 'ceremony_done',
    writes: [
      { events: ['trustee-commitments'] },
      { events: ['trustee-shares'] },
      { events: ['trustee-ack'] },
      { events: ['trustee-ack', 'joint-key'], to: 'ready' },
    ],
  },
  // Who was summoned and present is fixed before the poll opens: the quorum to open is judged on it.
  attendance: {
    in: ['ceremony', 'ready'],
    refusal: 'attendance_after_open',
    writes: [{ events: ['attendance'] }],
  },
  // Cards are handed out and voided until the poll closes (SPEC §3).
  'activate-cards': {
    in: ['ceremony', 'ready', 'open'],
    refusal: 'poll_closed',
    // A batch of cards and paper ballots writes one event for each medium (SPEC §3.1).
    writes: [
      { events: ['credentials-activated'] },
      { events: ['credentials-activated', 'credentials-activated'] },
    ],
  },
  // A card never activated has no key in the record, so voiding it writes nothing.
  'void-card': {
    in: ['ceremony', 'ready', 'open'],
    refusal: 'poll_closed',
    writes: [{ events: [] }, { events: ['credential-voided'] }],
  },
  'open-poll': {
    in: ['ready'],
    refusal: { default: 'poll_already_open', ceremony: 'ceremony_incomplete' },
    writes: [{ events: ['poll-opened'], to: 'open' }],
  },
  'cast-ballot': {
    in: ['open'],
    refusal: 'poll_not_open',
    writes: [{ events: ['ballot'] }],
  },
  // The close and the encrypted tally are one write: a closed meeting always has its tally (SPEC §5).
  'close-poll': {
    in: ['open'],
    refusal: 'poll_not_open',
    writes: [{ events: ['poll-closed', 'encrypted-tally'], to: 'closed' }],
  },
  // The k-th valid share comes with the result (SPEC §5, §7).
  'decryption-share': {
    in: ['closed'],
    refusal: { default: 'not_closed', decrypted: 'result_exists' },
    writes: [{ events: ['decryption-share'] }, { events: ['decryption-share', 'result'], to: 'decrypted' }],
  },
  certify: {
    in: ['decrypted'],
    refusal: 'result_missing',
    writes: [{ events: ['certification'] }],
  },
};

/** The refusal `command` gets in `status`, or null when the lifecycle allows it there. */
export function refusalOf(command: Command, status: MeetingStatus): MessageCode | null {
  const transition = LIFECYCLE[command];
  if (transition.in.includes(status)) return null;
  const { refusal } = transition;
  return typeof refusal === 'string' ? refusal : (refusal[status] ?? refusal.default);
}

/** Whether `events`, written by `command` from `from`, is one of the writes the table allows, and to where. */
export function statusAfter(
  command: Command,
  from: MeetingStatus,
  events: readonly string[],
): MeetingStatus | null {
  if (refusalOf(command, from) !== null) return null;
  const write = LIFECYCLE[command].writes.find((w) => w.events.join() === events.join());
  return write ? (write.to ?? from) : null;
}
