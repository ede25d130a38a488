// Check `certification` (SPEC §8.9): at least k valid Ed25519 signatures by distinct trustees over this
// result, and no invalid one.
import { certificationValid } from '../certify.ts';
import type { MeetingContext } from '../meeting.ts';
import type { CertificationPayload } from '../payloads.ts';
import type { RecordEvent } from '../record.ts';

export function certificationCheck(
  events: RecordEvent[],
  mc: MeetingContext,
  signingKeys: Map<number, Uint8Array>,
): { problems: string[]; signed: number } {
  const result = events.find((e) => e.type === 'result');
  if (!result) return { problems: [], signed: 0 };
  const problems: string[] = [];
  const signed = new Set<number>();
  for (const e of events.filter((x) => x.type === 'certification')) {
    const c = JSON.parse(e.payload) as CertificationPayload;
    const key = signingKeys.get(c.index);
    if (!key) problems.push(`certification at height ${e.height}: ${c.index} is not a trustee`);
    else if (signed.has(c.index))
      problems.push(`certification at height ${e.height}: trustee ${c.index} signed twice`);
    else if (!certificationValid(mc.manifestHash, result.payload, c.signature, key))
      problems.push(
        `certification at height ${e.height}: trustee ${c.index}’s signature is not over this result`,
      );
    else signed.add(c.index);
  }
  return { problems, signed: signed.size };
}
