// Check `credentials` (SPEC §8.4): activated keys decode, are sorted within each event and distinct across
// the record, each event names its medium (cards or paper ballots, SPEC §3.1); a voided key was activated
// before and is voided once.
import { compareBytes, fromBase64url } from '../bytes.ts';
import { decodePoint } from '../group.ts';
import type { ActivationPayload, VoidPayload } from '../payloads.ts';
import type { RecordEvent } from '../record.ts';

/** When each credential key became able to vote, and when it stopped (voided), by record height. */
export type Activations = Map<string, { activatedAt: number; voidedAt: number | null; paper: boolean }>;

export function credentialsCheck(events: RecordEvent[]): { problems: string[]; activations: Activations } {
  const problems: string[] = [];
  const activations: Activations = new Map();
  for (const e of events) {
    if (e.type === 'credentials-activated') {
      const { keys, medium } = JSON.parse(e.payload) as ActivationPayload;
      if (!Array.isArray(keys)) {
        problems.push(`event ${e.height}: keys must be a list`);
        continue;
      }
      if (medium !== undefined && medium !== 'card' && medium !== 'paper')
        problems.push(`event ${e.height}: medium must be "card" or "paper"`);
      let previous: Uint8Array | null = null;
      for (const key of keys) {
        let bytes: Uint8Array;
        try {
          bytes = fromBase64url(key, 32);
          decodePoint(bytes);
        } catch (err) {
          problems.push(`event ${e.height}: key ${key}: ${(err as Error).message}`);
          continue;
        }
        if (previous && compareBytes(previous, bytes) >= 0)
          problems.push(`event ${e.height}: keys are not sorted by their bytes`);
        previous = bytes;
        if (activations.has(key)) problems.push(`event ${e.height}: key ${key} activated twice`);
        else activations.set(key, { activatedAt: e.height, voidedAt: null, paper: medium === 'paper' });
      }
    } else if (e.type === 'credential-voided') {
      const { key } = JSON.parse(e.payload) as VoidPayload;
      const entry = activations.get(key);
      if (!entry) problems.push(`event ${e.height}: voided key ${key} was never activated`);
      else if (entry.voidedAt !== null) problems.push(`event ${e.height}: key ${key} voided twice`);
      else entry.voidedAt = e.height;
    }
  }
  return { problems, activations };
}

/** Keys that may vote at the end of the record (activated and not voided). */
export const liveCredentials = (activations: Activations): number =>
  [...activations.values()].filter((a) => a.voidedAt === null).length;
