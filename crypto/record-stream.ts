// Reading a record (SPEC §6) as it arrives, a piece of text at a time: each event is handed on as soon as its
// closing brace is read, so a verifier holds one event's text, never the whole record. The text outside the
// events list ({"protocol": …}) is kept and checked at the end as parseRecord checks it.
import { PROTOCOL } from './manifest.ts';
import { EVENT_TYPES, type EventType } from './payloads.ts';
import type { RecordEvent } from './record.ts';

const isEventType = (t: unknown): t is EventType => EVENT_TYPES.includes(t as EventType);

/** Throws with parseRecord's message when `e` is not an event of the record's shape. */
export function checkedEvent(e: unknown, index: number): RecordEvent {
  const event = e as RecordEvent;
  if (
    typeof event !== 'object' ||
    event === null ||
    !Number.isInteger(event.height) ||
    !(event.parent === null || typeof event.parent === 'string') ||
    !isEventType(event.type) ||
    typeof event.payload !== 'string'
  )
    throw new Error(`record: event ${index} is malformed`);
  return event;
}

const SPECIAL = /["\\{}[\]]/g;
const STRING_END = /["\\]/g;

/**
 * Splits the record's text into events. `push` returns the events completed by this piece; `end` throws
 * when the text stops early (a truncated download) or its outer shape is not a record.
 */
export class RecordSplitter {
  /** The text outside the events list, with the list left empty. */
  private outer: string[] = [];
  /** Where the reader is: before the list, between its events, inside one, or after the list. */
  private mode: 'outer' | 'between' | 'event' | 'after' = 'outer';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The last string read at the outer object's top level, and whether a colon followed it (a key). */
  private lastString = '';
  private key: string | null = null;
  private piece: string[] = [];
  private expectEvent = true;
  private count = 0;

  push(text: string): RecordEvent[] {
    const events: RecordEvent[] = [];
    let i = 0;
    while (i < text.length) {
      if (this.mode === 'event') i = this.scanEvent(text, i, events);
      else if (this.mode === 'between') i = this.scanBetween(text, i);
      else i = this.scanOuter(text, i);
    }
    return events;
  }

  end(): void {
    if (this.mode === 'event' || this.mode === 'between')
      throw new Error(
        `record: the text ends inside the events list, after ${this.count} events (truncated?)`,
      );
    const r = JSON.parse(this.outer.join('')) as { protocol?: unknown; events?: unknown };
    if (typeof r !== 'object' || r === null || r.protocol !== PROTOCOL || !Array.isArray(r.events))
      throw new Error(`record: expected { "protocol": "${PROTOCOL}", "events": [...] }`);
  }

  /** Outside the events list: copied to `outer`, watching for the key "events" and its opening bracket. */
  private scanOuter(text: string, start: number): number {
    for (let i = start; i < text.length; i++) {
      const ch = text[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        if (this.depth === 1) this.lastString += ch;
        continue;
      }
      if (ch === '"') {
        this.inString = true;
        if (this.depth === 1) this.lastString = ch;
      } else if (ch === ':' && this.depth === 1) {
        this.key = this.lastString;
      } else if (ch === ',' && this.depth === 1) {
        this.key = null;
      } else if (ch === '{' || ch === '[') {
        if (ch === '[' && this.depth === 1 && this.mode === 'outer' && this.key !== null && keyIs(this.key)) {
          this.outer.push(text.slice(start, i + 1));
          this.mode = 'between';
          this.depth++;
          return i + 1;
        }
        this.depth++;
      } else if (ch === '}' || ch === ']') {
        this.depth--;
      }
    }
    this.outer.push(text.slice(start));
    return text.length;
  }

  /** Between events: blanks, one comma between two events, the closing bracket. */
  private scanBetween(text: string, start: number): number {
    for (let i = start; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
      if (ch === ']' && (this.expectEvent ? this.count === 0 : true)) {
        this.outer.push(']');
        this.mode = 'after';
        this.depth--;
        this.key = null;
        return i + 1;
      }
      if (ch === ',' && !this.expectEvent) {
        this.expectEvent = true;
        continue;
      }
      if (ch === '{' && this.expectEvent) {
        this.mode = 'event';
        this.eventDepth = 0;
        return i;
      }
      throw new Error(`record: event ${this.count} is malformed`);
    }
    return text.length;
  }

  private eventDepth = 0;

  /** Inside one event: its text is gathered until the brace that closes it, then parsed. */
  private scanEvent(text: string, start: number, events: RecordEvent[]): number {
    let i = start;
    while (i < text.length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        STRING_END.lastIndex = i;
        const end = STRING_END.exec(text);
        if (!end) break;
        i = end.index + 1;
        if (end[0] === '\\') this.escaped = true;
        else this.inString = false;
        continue;
      }
      SPECIAL.lastIndex = i;
      const found = SPECIAL.exec(text);
      if (!found) break;
      i = found.index + 1;
      const ch = found[0];
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.eventDepth++;
      else if (ch === '}' || ch === ']') {
        this.eventDepth--;
        if (this.eventDepth === 0) {
          this.piece.push(text.slice(start, i));
          const eventText = this.piece.join('');
          this.piece = [];
          events.push(checkedEvent(JSON.parse(eventText), this.count));
          this.count++;
          this.expectEvent = false;
          this.mode = 'between';
          return i;
        }
      }
    }
    this.piece.push(text.slice(start));
    return text.length;
  }
}

function keyIs(key: string): boolean {
  try {
    return JSON.parse(key) === 'events';
  } catch {
    return false;
  }
}

/** A record's text, given whole or in pieces, as its events one at a time. */
export function* eventsOfText(text: string): Generator<RecordEvent> {
  const splitter = new RecordSplitter();
  yield* splitter.push(text);
  splitter.end();
}
