// Check `certification` (SPEC §8.9): at least k valid Ed25519 signatures by distinct trustees over this
// result, and no invalid one.
import { certificationValid } from '../certify.ts';
import type { MeetingContext } from '../meeting.ts';
import type { CertificationPayload } from '../payloads.ts';
import type { RecordEvent } from '../record.ts';
import { type Reason, reason } from './reasons.ts';

export function certificationCheck(
  events: RecordEvent[],
  mc: MeetingContext,
  signingKeys: Map<number, Uint8Array>,
): { problems: Reason[]; signed: number } {
  const result = events.find((e) => e.type === 'result');
  if (!result) return { problems: [], signed: 0 };
  const problems: Reason[] = [];
  const signed = new Set<number>();
  for (const e of events.filter((x) => x.type === 'certification')) {
    const c = JSON.parse(e.payload) as CertificationPayload;
    const key = signingKeys.get(c.index);
    const at = { height: e.height, trustee: c.index };
    if (!key) problems.push(reason('certification.not_trustee', { ...at, trustee: String(c.index) }));
    else if (signed.has(c.index)) problems.push(reason('certification.twice', at));
    else if (!certificationValid(mc.manifestHash, result.payload, c.signature, key))
      problems.push(reason('certification.signature', at));
    else signed.add(c.index);
  }
  return { problems, signed: signed.size };
}
