// The record (SPEC §6): an append-only chain of events, each hashing its height, its parent's hash, its
// type and its payload string exactly as stored.
import { base64url as b64, fromBase64url, utf8ToBytes } from './bytes.ts';
import { H, type HashInput, hashInput, TAG, type Tag } from './hash.ts';
import { PROTOCOL } from './manifest.ts';
import type { EventType } from './payloads.ts';
import { RecordSplitter } from './record-stream.ts';

export type RecordEvent = { height: number; parent: string | null; type: EventType; payload: string };
export type MeetingRecord = { protocol: typeof PROTOCOL; events: RecordEvent[] };

/** H's arguments for an event: its tag, h, parentBytes (empty at height 0), type, payloadBytes. */
function eventHashArguments(event: RecordEvent): [Tag, ...HashInput[]] {
  const parent = event.parent === null ? new Uint8Array(0) : fromBase64url(event.parent, 64);
  return [TAG.event, event.height, parent, event.type, utf8ToBytes(event.payload)];
}

/** eventHash = H("phieukin/v1/event", h, parentBytes, type, payloadBytes) (SPEC §6). */
export const eventHash = (event: RecordEvent): Uint8Array => H(...eventHashArguments(event));

/** The bytes whose SHA-512 is the eventHash, for a platform's own SHA-512 (hashInput). */
export const eventHashInput = (event: RecordEvent): Uint8Array => hashInput(...eventHashArguments(event));

/** The event that follows `previous` (null: the first event). The payload is stored as given if a string. */
export function nextEvent(
  previous: RecordEvent | null,
  type: EventType,
  payload: string | object,
): { event: RecordEvent; hash: string } {
  const event: RecordEvent = {
    height: previous === null ? 0 : previous.height + 1,
    parent: previous === null ? null : b64(eventHash(previous)),
    type,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  };
  return { event, hash: b64(eventHash(event)) };
}

/** Appends to an in-memory chain (demo, tests, simulator); the server appends through its Store. */
export function appendEvent(events: RecordEvent[], type: EventType, payload: string | object): RecordEvent {
  const { event } = nextEvent(events.at(-1) ?? null, type, payload);
  events.push(event);
  return event;
}

/** The record's events from its whole text (record-stream.ts's reader); throws with the first problem. */
export function parseRecord(text: string): MeetingRecord {
  const splitter = new RecordSplitter();
  const events = splitter.push(text);
  splitter.end();
  return { protocol: PROTOCOL, events };
}
