// Check `chain` (SPEC §8.1): heights consecutive from 0, each parent the hash of the event before, and
// each event type where the meeting's order allows it.
import { base64url as b64 } from '../bytes.ts';
import type { EventType } from '../payloads.ts';
import { eventHash, type RecordEvent } from '../record.ts';

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

/** The hash the next event must name; undefined when the previous event cannot be hashed (bad parent). */
function parentOf(previous: RecordEvent | null): string | null | undefined {
  if (previous === null) return null;
  try {
    return b64(eventHash(previous));
  } catch {
    return undefined;
  }
}

export function chainProblems(events: RecordEvent[]): string[] {
  const problems: string[] = [];
  let phase: Phase = 'setup';
  let jointKeys = 0;
  let previous: RecordEvent | null = null;
  events.forEach((e, i) => {
    const at = `event ${i} (${e.type})`;
    if (e.height !== i) problems.push(`${at}: height ${e.height}, expected ${i}`);
    if (e.parent !== parentOf(previous))
      problems.push(`${at}: parent does not match the hash of the event before`);
    if (i === 0) {
      if (e.type !== 'manifest') problems.push(`${at}: the record must start with the manifest`);
    } else if (e.type === 'manifest' || !EVENT_PHASES[e.type].in.includes(phase)) {
      problems.push(`${at}: not allowed while the meeting is ${phase}`);
    } else {
      if (e.type === 'joint-key') jointKeys++;
      if (e.type === 'poll-opened' && jointKeys === 0)
        problems.push(`${at}: the poll opened before the joint key`);
      phase = EVENT_PHASES[e.type].to ?? phase;
    }
    previous = e;
  });
  if (jointKeys > 1) problems.push('more than one joint-key event');
  return problems;
}
