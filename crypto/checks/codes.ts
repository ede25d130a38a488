// The voter's small list (SPEC §7): every confirmation code of the meeting with the height of its ballot,
// which the server publishes so that a phone can find its code without downloading the record, and which
// reveals nothing of which code a phone looked for (every phone takes the whole list). The full verifier,
// given the list, checks it against the record (part of check `ballots`, SPEC §8.5).
import type { RecordedBallot } from './ballots.ts';
import { type Reason, reason } from './reasons.ts';

export type CodeList = {
  meetingId: string;
  /** The receipt key published when the poll opened (SPEC §7); null before. */
  serverKey: string | null;
  ballots: Array<{ height: number; code: string }>;
};

/**
 * What differs between the list and the record: every ballot of the record must be listed at its height
 * with its code, and every listed height the record reaches must hold that ballot. Entries above the
 * record's last height are ballots cast after the record was read.
 */
export function codeListProblems(
  list: CodeList,
  record: { meetingId: string; serverKey: string | null; lastHeight: number; ballots: RecordedBallot[] },
): Reason[] {
  const problems: Reason[] = [];
  if (list?.meetingId !== record.meetingId) problems.push(reason('codes.meeting', {}));
  if (!Array.isArray(list?.ballots)) return [...problems, reason('codes.no_ballots', {})];
  if (record.serverKey !== null && list.serverKey !== record.serverKey)
    problems.push(reason('codes.server_key', {}));
  const listed = new Map(list.ballots.map((b) => [b.height, b.code]));
  const recorded = new Map(record.ballots.map((b) => [b.height, b.confirmationCode]));
  for (const [height, code] of recorded)
    if (listed.get(height) !== code) problems.push(reason('codes.not_listed', { height, code }));
  for (const [height, code] of listed)
    if (height <= record.lastHeight && recorded.get(height) !== code)
      problems.push(reason('codes.not_recorded', { height, code: String(code) }));
  return problems;
}
