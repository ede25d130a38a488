// Check `chain` (SPEC §8.1): heights consecutive from 0, each parent the hash of the event before, and
// each event type where the meeting's order allows it; read one event at a time as the record streams in.
import { base64url as b64 } from '../bytes.ts';
import type { EventType } from '../payloads.ts';
import { eventHash, type RecordEvent } from '../record.ts';
import { type Reason, reason } from './reasons.ts';

/** Where a record stands, as the verifier reads it from the events alone. */
export type Phase = 'setup' | 'open' | 'closed' | 'tallied' | 'resulted';

/**
 * The phases in which each type may appear, and the phase it moves the meeting to. The server's lifecycle
 * (src/meeting/lifecycle.ts) is tested against this table, so the two cannot drift.
 */
export const EVENT_PHASES: Record<EventType, { in: readonly Phase[]; to?: Phase }> = {
  manifest: { in: [] },
  'trustee-commitments': { in: ['setup'] },
  'trustee-shares': { in: ['setup'] },
  'trustee-ack': { in: ['setup'] },
  'joint-key': { in: ['setup'] },
  attendance: { in: ['setup'] },
  'credentials-activated': { in: ['setup', 'open'] },
  'credential-voided': { in: ['setup', 'open'] },
  'poll-opened': { in: ['setup'], to: 'open' },
  ballot: { in: ['open'] },
  'poll-closed': { in: ['open'], to: 'closed' },
  'encrypted-tally': { in: ['closed'], to: 'tallied' },
  'decryption-share': { in: ['tallied'] },
  result: { in: ['tallied'], to: 'resulted' },
  certification: { in: ['resulted'] },
};

/** An event's hash, or the reason it has none (a parent that is not 64 bytes of base64url). */
export function hashOrError(event: RecordEvent): string | Error {
  try {
    return b64(eventHash(event));
  } catch (e) {
    return e as Error;
  }
}

/** The chain read one event at a time; `hash` is the event's own hash (hashOrError). */
export class ChainCheck {
  readonly problems: Reason[] = [];
  private phase: Phase = 'setup';
  private jointKeys = 0;
  /** The hash the next event must name as its parent; undefined after an event that cannot be hashed. */
  private parent: string | null | undefined = null;
  private count = 0;

  add(e: RecordEvent, hash: string | Error): void {
    const i = this.count++;
    const at = { index: i, type: e.type };
    const problems = this.problems;
    if (e.height !== i) problems.push(reason('chain.height', { ...at, height: e.height }));
    if (e.parent !== this.parent) problems.push(reason('chain.parent', at));
    if (i === 0) {
      if (e.type !== 'manifest') problems.push(reason('chain.first', at));
    } else if (e.type === 'manifest' || !EVENT_PHASES[e.type].in.includes(this.phase)) {
      problems.push(reason('chain.order', { ...at, phase: this.phase }));
    } else {
      if (e.type === 'joint-key') this.jointKeys++;
      if (e.type === 'poll-opened' && this.jointKeys === 0)
        problems.push(reason('chain.poll_before_key', at));
      this.phase = EVENT_PHASES[e.type].to ?? this.phase;
    }
    this.parent = typeof hash === 'string' ? hash : undefined;
  }

  finish(): Reason[] {
    return this.jointKeys > 1 ? [...this.problems, reason('chain.joint_keys', {})] : this.problems;
  }
}
