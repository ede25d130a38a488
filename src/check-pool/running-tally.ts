// The pool's running tally (SPEC §5: ciphertexts add, so the server keeps the sum as ballots arrive). A
// checked ballot's ciphertexts wait here, by ballot hash, until the store accepts the ballot at a height;
// they are then added in. At close the running sum is used only when the heights it holds are exactly
// those of the stored ballots; otherwise (a restart, a ballot accepted by another process) the caller sums
// the stored ballots afresh. The record's tally event is the same either way, and the verifier recomputes
// it from the ballots.
import { type CiphertextSums, emptySums } from '../meeting/protocol.ts';
import { addCoordinates, type CiphertextCoordinates, contextFor } from './jobs.ts';
import type { MeetingRef } from './verifier.ts';

type Running = {
  checked: Map<string, CiphertextCoordinates>;
  sums: CiphertextSums;
  heights: Set<number>;
  /** False once an accepted ballot could not be added: the sum no longer covers the stored ballots. */
  whole: boolean;
};

const MEETINGS = 16;

export function runningTallies() {
  const meetings = new Map<string, Running>();

  function running(meeting: MeetingRef): Running {
    const found = meetings.get(meeting.jointKey);
    if (found) return found;
    if (meetings.size >= MEETINGS) meetings.delete(meetings.keys().next().value!);
    const fresh: Running = {
      checked: new Map(),
      sums: emptySums(contextFor(meeting)),
      heights: new Set(),
      whole: true,
    };
    meetings.set(meeting.jointKey, fresh);
    return fresh;
  }

  return {
    checked(meeting: MeetingRef, ballotHash: string, ciphertexts: CiphertextCoordinates): void {
      running(meeting).checked.set(ballotHash, ciphertexts);
    },
    /** Never throws: the ballot is already stored when this is called. */
    accepted(meeting: MeetingRef, ballotHash: string, height: number): void {
      const r = running(meeting);
      const ciphertexts = r.checked.get(ballotHash);
      r.checked.delete(ballotHash);
      if (!ciphertexts || r.heights.has(height)) {
        r.whole = false;
        return;
      }
      try {
        addCoordinates(r.sums, ciphertexts);
        r.heights.add(height);
      } catch {
        r.whole = false; // the ballot is stored all the same; the sum at close is then made afresh
      }
    },
    /** The running sums when they cover exactly the ballots at these heights; the meeting is then let go. */
    take(meeting: MeetingRef, heights: number[]): CiphertextSums | null {
      const r = meetings.get(meeting.jointKey);
      meetings.delete(meeting.jointKey);
      if (!r?.whole || r.heights.size !== heights.length || !heights.every((h) => r.heights.has(h)))
        return null;
      return r.sums;
    },
  };
}
