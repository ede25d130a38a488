// Small reads every meeting route shares: the latest attendance, and keys sorted by their bytes.

import type { Store } from '../store/store.ts';
import { base64url, compareBytes, fromBase64url } from './protocol.ts';

/** The counts the rules read; `details` (what the minutes name) travels with them unread. */
export type Attendance = { summoned: number; present: number; excluded: number; details?: unknown };

/** The last attendance event counts (SPEC §6); null if none was entered. */
export async function latestAttendance(store: Store, meetingId: string): Promise<Attendance | null> {
  const events = await store.events(meetingId, { types: ['attendance'] });
  const last = events.at(-1);
  return last ? (JSON.parse(last.payload) as Attendance) : null;
}

/** Base64url keys sorted by their bytes (base64url's alphabet is not in byte order). */
export function sortByBytes(keys: string[]): string[] {
  return keys
    .map((k) => fromBase64url(k))
    .sort(compareBytes)
    .map((b) => base64url(b));
}
