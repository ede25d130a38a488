// The meetings aggregate on drizzle (src/store/meeting-store.ts): every change appends its events to
// the meeting's chain in the same atomic write, against the head the caller read.
import { and, asc, count, desc, eq, gte, inArray, sum } from 'drizzle-orm';
import { base64url, type EventType, eventHashInput } from '../../../crypto/index.ts';
import { type Atomic, chunk, chunkRows, MAX_PARAMS, type Statement, uniqueViolation } from '../atomic.ts';
import type { Db } from '../drizzle-store.ts';
import {
  type Card,
  CredentialSpentError,
  DuplicateCardError,
  type Head,
  type Meeting,
  type MeetingStore,
  type NewEvent,
  StaleHeadError,
} from '../meeting-store.ts';
import * as schema from '../schema.ts';

const { ballots, cards, events, meetings } = schema;

/**
 * The event's hash (SPEC §6) by the platform's native SHA-512 (Web Crypto, in Node and in Workers): for a
 * 230 KB ballot 0.3 ms off the event loop where the JavaScript SHA-512 took 3–8 ms on it, during a burst
 * the time the checks' threads lose to the main thread. The same bytes as crypto's eventHash.
 */
async function eventHash(height: number, parent: string | null, type: string, payload: string) {
  const input = eventHashInput({ height, parent, type: type as EventType, payload });
  // a fresh array made by concatBytes, never on a SharedArrayBuffer
  const digest = await crypto.subtle.digest('SHA-512', input as Uint8Array<ArrayBuffer>);
  return base64url(new Uint8Array(digest));
}

export function meetingStore(db: Db, atomic: Atomic): MeetingStore {
  /** Appends `newEvents` after `at` together with `more`, or throws StaleHeadError if `at` is not the head. */
  async function commit(
    meetingId: string,
    at: Head,
    newEvents: NewEvent[],
    more: Statement[],
  ): Promise<Head> {
    let height = at.height;
    let parent = at.hash;
    const inserts: Statement[] = [];
    for (const event of newEvents) {
      height += 1;
      const hash = await eventHash(height, parent, event.type, event.payload);
      inserts.push(db.insert(events).values({ meetingId, height, parent, ...event, hash }));
      parent = hash;
    }
    try {
      await atomic([...inserts, ...more]);
    } catch (error) {
      if (uniqueViolation(error)?.startsWith('events.')) throw new StaleHeadError();
      throw error;
    }
    return { height, hash: parent };
  }

  function setStatus(meetingId: string, values: Partial<typeof meetings.$inferInsert>): Statement {
    return db.update(meetings).set(values).where(eq(meetings.id, meetingId));
  }

  function toMeeting(row: typeof meetings.$inferSelect): Meeting {
    const { trusteesN, trusteesK, ...rest } = row;
    return { ...rest, trustees: { n: trusteesN, k: trusteesK } };
  }

  const store: MeetingStore = {
    async meeting(id) {
      const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
      return row ? toMeeting(row) : null;
    },

    async meetings(branchId) {
      const rows = await db
        .select()
        .from(meetings)
        .where(eq(meetings.branchId, branchId))
        .orderBy(desc(meetings.createdAt));
      return rows.map(toMeeting);
    },

    async head(meetingId) {
      const [row] = await db
        .select({ height: events.height, hash: events.hash })
        .from(events)
        .where(eq(events.meetingId, meetingId))
        .orderBy(desc(events.height))
        .limit(1);
      if (!row) throw new Error(`no chain for meeting ${meetingId}`);
      return row;
    },

    async events(meetingId, options = {}) {
      const conditions = [eq(events.meetingId, meetingId)];
      if (options.types) conditions.push(inArray(events.type, options.types));
      if (options.fromHeight !== undefined) conditions.push(gte(events.height, options.fromHeight));
      return db
        .select({
          height: events.height,
          parent: events.parent,
          type: events.type,
          payload: events.payload,
          hash: events.hash,
        })
        .from(events)
        .where(and(...conditions))
        .orderBy(asc(events.height));
    },

    async cards(meetingId, options = {}) {
      const select = () =>
        db
          .select({ serial: cards.serial, pk: cards.pk, state: cards.state, medium: cards.medium })
          .from(cards);
      if (!options.serials) {
        return select().where(eq(cards.meetingId, meetingId)).orderBy(asc(cards.serial));
      }
      const found: Card[] = [];
      for (const serials of chunk(options.serials, MAX_PARAMS - 1)) {
        found.push(
          ...(await select().where(and(eq(cards.meetingId, meetingId), inArray(cards.serial, serials)))),
        );
      }
      return found.sort((a, b) => a.serial - b.serial);
    },

    async cardByKey(meetingId, pk) {
      const [row] = await db
        .select({ serial: cards.serial, pk: cards.pk, state: cards.state, medium: cards.medium })
        .from(cards)
        .where(and(eq(cards.meetingId, meetingId), eq(cards.pk, pk)));
      return row ?? null;
    },

    async spentCredential(meetingId, pk) {
      const [row] = await db
        .select({ pk: ballots.pk, ballotHash: ballots.ballotHash, height: ballots.height })
        .from(ballots)
        .where(and(eq(ballots.meetingId, meetingId), eq(ballots.pk, pk)));
      return row ?? null;
    },

    spentCredentials(meetingId) {
      return db
        .select({ pk: ballots.pk, ballotHash: ballots.ballotHash, height: ballots.height })
        .from(ballots)
        .where(eq(ballots.meetingId, meetingId))
        .orderBy(asc(ballots.height));
    },

    async counts(meetingId) {
      const byState = await db
        .select({ state: cards.state, n: count() })
        .from(cards)
        .where(eq(cards.meetingId, meetingId))
        .groupBy(cards.state);
      const [cast] = await db
        .select({ n: count(), decidedByHand: sum(ballots.decidedByHand) })
        .from(ballots)
        .where(eq(ballots.meetingId, meetingId));
      const [paperCast] = await db
        .select({ n: count() })
        .from(ballots)
        .innerJoin(cards, and(eq(cards.meetingId, ballots.meetingId), eq(cards.pk, ballots.pk)))
        .where(and(eq(ballots.meetingId, meetingId), eq(cards.medium, 'paper')));
      const n = (state: string) => byState.find((r) => r.state === state)?.n ?? 0;
      return {
        issued: n('issued'),
        activated: n('active'),
        voided: n('voided'),
        cast: cast?.n ?? 0,
        paperCast: paperCast?.n ?? 0,
        decidedByHand: Number(cast?.decidedByHand ?? 0),
      };
    },

    async trusteeCodeHash(meetingId) {
      const [row] = await db
        .select({ codeHash: schema.trusteeCodes.codeHash })
        .from(schema.trusteeCodes)
        .where(eq(schema.trusteeCodes.meetingId, meetingId));
      return row?.codeHash ?? null;
    },

    async createMeeting(meeting) {
      const { trustees, ...rest } = meeting;
      const hash = await eventHash(0, null, 'manifest', meeting.manifest);
      await atomic([
        db.insert(meetings).values({
          ...rest,
          trusteesN: trustees.n,
          trusteesK: trustees.k,
          status: 'ceremony',
          round: 1,
        }),
        db.insert(events).values({
          meetingId: meeting.id,
          height: 0,
          parent: null,
          type: 'manifest',
          payload: meeting.manifest,
          hash,
        }),
      ]);
      return { height: 0, hash };
    },

    async setTrusteeCode(meetingId, codeHash) {
      await db
        .insert(schema.trusteeCodes)
        .values({ meetingId, codeHash })
        .onConflictDoUpdate({ target: schema.trusteeCodes.meetingId, set: { codeHash } });
    },

    async addCards(meetingId, newCards) {
      const rows = newCards.map((c) => ({
        meetingId,
        serial: c.serial,
        pk: c.pk,
        state: 'issued' as const,
        medium: c.medium ?? 'card',
      }));
      try {
        await atomic(chunkRows(rows, 5).map((part) => db.insert(cards).values(part)));
      } catch (error) {
        if (uniqueViolation(error)?.startsWith('cards.')) throw new DuplicateCardError();
        throw error;
      }
    },

    appendEvent(meetingId, at, event) {
      return commit(meetingId, at, [event], []);
    },

    recordCeremony(meetingId, at, newEvents, outcome) {
      const more: Statement[] = [];
      if (outcome.kind === 'restart') more.push(setStatus(meetingId, { round: outcome.round }));
      if (outcome.kind === 'joint-key') {
        more.push(setStatus(meetingId, { status: 'ready', jointKey: outcome.jointKey, ctx: outcome.ctx }));
      }
      return commit(meetingId, at, newEvents, more);
    },

    activateCards(meetingId, at, serials, newEvents) {
      const updates = chunk(serials, MAX_PARAMS - 2).map((part) =>
        db
          .update(cards)
          .set({ state: 'active' })
          .where(and(eq(cards.meetingId, meetingId), inArray(cards.serial, part))),
      );
      return commit(meetingId, at, newEvents, updates);
    },

    voidCard(meetingId, at, serial, event) {
      return commit(meetingId, at, event ? [event] : [], [
        db
          .update(cards)
          .set({ state: 'voided' })
          .where(and(eq(cards.meetingId, meetingId), eq(cards.serial, serial))),
      ]);
    },

    openPoll(meetingId, at, event) {
      return commit(meetingId, at, [event], [setStatus(meetingId, { status: 'open' })]);
    },

    async castBallot(meetingId, at, ballot) {
      const height = at.height + 1;
      try {
        return await commit(
          meetingId,
          at,
          [ballot.event],
          [
            db.insert(ballots).values({
              meetingId,
              pk: ballot.pk,
              ballotHash: ballot.ballotHash,
              height,
              decidedByHand: ballot.decidedByHand ?? 0,
            }),
          ],
        );
      } catch (error) {
        if (!uniqueViolation(error)?.startsWith('ballots.')) throw error;
        const spent = await store.spentCredential(meetingId, ballot.pk);
        if (!spent) throw error;
        throw new CredentialSpentError(spent);
      }
    },

    closePoll(meetingId, at, newEvents) {
      return commit(meetingId, at, newEvents, [setStatus(meetingId, { status: 'closed' })]);
    },

    addDecryptionShare(meetingId, at, share, result) {
      if (!result) return commit(meetingId, at, [share], []);
      return commit(meetingId, at, [share, result], [setStatus(meetingId, { status: 'decrypted' })]);
    },
  };
  return store;
}
