// Check `credentials` (SPEC §8.4): activated keys decode, are sorted within each event and distinct across
// the record, each event names its medium (cards or paper ballots, SPEC §3.1); a voided key was activated
// before and is voided once.
import { compareBytes, fromBase64url } from '../bytes.ts';
import { decodePoint } from '../group.ts';
import type { ActivationPayload, VoidPayload } from '../payloads.ts';
import type { RecordEvent } from '../record.ts';
import { type Reason, reason } from './reasons.ts';

/** When each credential key became able to vote, and when it stopped (voided), by record height. */
export type Activations = Map<string, { activatedAt: number; voidedAt: number | null; paper: boolean }>;

export function credentialsCheck(events: RecordEvent[]): { problems: Reason[]; activations: Activations } {
  const problems: Reason[] = [];
  const activations: Activations = new Map();
  for (const e of events) {
    const height = e.height;
    if (e.type === 'credentials-activated') {
      const { keys, medium } = JSON.parse(e.payload) as ActivationPayload;
      if (!Array.isArray(keys)) {
        problems.push(reason('credentials.keys', { height }));
        continue;
      }
      if (medium !== undefined && medium !== 'card' && medium !== 'paper')
        problems.push(reason('credentials.medium', { height }));
      let previous: Uint8Array | null = null;
      for (const key of keys) {
        let bytes: Uint8Array;
        try {
          bytes = fromBase64url(key, 32);
          decodePoint(bytes);
        } catch (err) {
          problems.push(
            reason('credentials.key', { height, key: String(key), detail: (err as Error).message }),
          );
          continue;
        }
        if (previous && compareBytes(previous, bytes) >= 0)
          problems.push(reason('credentials.unsorted', { height }));
        previous = bytes;
        const first = activations.get(key);
        if (first)
          problems.push(reason('credentials.activated_twice', { height, key, first: first.activatedAt }));
        else activations.set(key, { activatedAt: height, voidedAt: null, paper: medium === 'paper' });
      }
    } else if (e.type === 'credential-voided') {
      const { key } = JSON.parse(e.payload) as VoidPayload;
      const entry = activations.get(key);
      if (!entry) problems.push(reason('credentials.void_unknown', { height, key: String(key) }));
      else if (entry.voidedAt !== null)
        problems.push(reason('credentials.voided_twice', { height, key, first: entry.voidedAt }));
      else entry.voidedAt = height;
    }
  }
  return { problems, activations };
}

/** Keys that may vote at the end of the record (activated and not voided). */
export const liveCredentials = (activations: Activations): number =>
  [...activations.values()].filter((a) => a.voidedAt === null).length;
