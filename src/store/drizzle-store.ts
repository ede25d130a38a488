// The one Store implementation, written for both better-sqlite3 and D1: every query is awaited, every
// multi-statement write goes through `atomic`, bulk inserts are chunked to at most 100 bound parameters,
// and uniqueness (a card spent once, one event per height) is left to the database's constraints.
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, sum } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { base64url, type EventType, eventHash as hashEvent } from '../../crypto/index.ts';
import { type Atomic, chunk, chunkRows, MAX_PARAMS, type Statement, uniqueViolation } from './atomic.ts';
import * as schema from './schema.ts';
import {
  type Account,
  type Card,
  CredentialSpentError,
  type Decision,
  DuplicateCardError,
  type Head,
  type Invitation,
  type Meeting,
  type Member,
  type NewEvent,
  type Organisation,
  StaleDecisionError,
  StaleHeadError,
  type Store,
} from './store.ts';

export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>;

function eventHash(height: number, parent: string | null, type: string, payload: string): string {
  return base64url(hashEvent({ height, parent, type: type as EventType, payload }));
}

const { accountPasswords, accounts, ballots, branches, cards, events, loginFailures, meetings, members } =
  schema;

const organisationColumns = {
  id: branches.id,
  name: branches.name,
  kind: branches.kind,
  parentId: branches.parentId,
} satisfies Record<keyof Organisation, unknown>;

export function createDrizzleStore(db: Db, atomic: Atomic): Store {
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
      const hash = eventHash(height, parent, event.type, event.payload);
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

  function toAccount(row: typeof accounts.$inferSelect): Account {
    const { branchId, createdAt: _, ...rest } = row;
    return { ...rest, organisationId: branchId };
  }

  /** The id the admin sees for an invitation: a prefix of its link's hash. */
  const invitationId = (tokenHash: string) => tokenHash.slice(0, 16);

  function toInvitation(row: typeof schema.invitations.$inferSelect, now: number): Invitation {
    const state = row.usedAt ? 'used' : row.revokedAt ? 'revoked' : row.expiresAt <= now ? 'expired' : 'open';
    const { tokenHash, role, organisationId, invitedBy, createdAt, expiresAt } = row;
    return { id: invitationId(tokenHash), role, organisationId, invitedBy, createdAt, expiresAt, state };
  }

  function toMeeting(row: typeof meetings.$inferSelect): Meeting {
    const { trusteesN, trusteesK, ...rest } = row;
    return { ...rest, trustees: { n: trusteesN, k: trusteesK } };
  }

  const store: Store = {
    async receiptKey(generate) {
      const [found] = await db.select().from(schema.serverKeys).where(eq(schema.serverKeys.id, 'receipt'));
      if (found) return { secretKey: found.secretKey, publicKey: found.publicKey };
      const key = generate();
      await db
        .insert(schema.serverKeys)
        .values({ id: 'receipt', ...key, createdAt: Date.now() })
        .onConflictDoNothing();
      return store.receiptKey(() => key);
    },

    async replaceOperatorKey(keyHash, now) {
      await atomic([
        db.delete(schema.operatorKeys),
        db.insert(schema.operatorKeys).values({ keyHash, createdAt: now }),
      ]);
    },

    async hasOperatorKey(keyHash) {
      const rows = await db
        .select({ keyHash: schema.operatorKeys.keyHash })
        .from(schema.operatorKeys)
        .where(eq(schema.operatorKeys.keyHash, keyHash));
      return rows.length > 0;
    },

    async createOrganisation(organisation, now) {
      try {
        await db.insert(branches).values({ ...organisation, createdAt: now });
      } catch (error) {
        if (uniqueViolation(error)) return false;
        throw error;
      }
      return true;
    },

    async organisation(id) {
      const [row] = await db.select(organisationColumns).from(branches).where(eq(branches.id, id));
      return row ?? null;
    },

    async organisations() {
      return db.select(organisationColumns).from(branches).orderBy(asc(branches.createdAt), asc(branches.id));
    },

    async account(id) {
      const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
      return row ? toAccount(row) : null;
    },

    async accounts() {
      return (await db.select().from(accounts).orderBy(asc(accounts.createdAt))).map(toAccount);
    },

    async inviteAccount({ tokenHash, role, organisationId, invitedBy, expiresAt, now }) {
      const row = { tokenHash, role, organisationId, invitedBy, createdAt: now, expiresAt };
      await db.insert(schema.invitations).values(row);
      return toInvitation({ ...row, usedAt: null, revokedAt: null }, now);
    },

    async invitation(tokenHash, now) {
      const [row] = await db
        .select()
        .from(schema.invitations)
        .where(eq(schema.invitations.tokenHash, tokenHash));
      return row ? toInvitation(row, now) : null;
    },

    async openInvitations(now) {
      const { invitations } = schema;
      const rows = await db
        .select()
        .from(invitations)
        .where(and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
        .orderBy(asc(invitations.createdAt), asc(invitations.tokenHash));
      return rows.map((row) => toInvitation(row, now));
    },

    async revokeInvitation(id, now) {
      const { invitations } = schema;
      const open = await db
        .select({ tokenHash: invitations.tokenHash })
        .from(invitations)
        .where(
          and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
        );
      const found = open.find((row) => invitationId(row.tokenHash) === id);
      if (!found) return false;
      const updated = await db
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.tokenHash, found.tokenHash), isNull(invitations.usedAt)))
        .returning({ tokenHash: invitations.tokenHash });
      return updated.length > 0;
    },

    async acceptInvitation({ tokenHash, name, password, now }) {
      const { invitations } = schema;
      const invitation = await store.invitation(tokenHash, now);
      if (!invitation) return 'unknown';
      if (invitation.state !== 'open') return invitation.state;
      const account: Account = {
        id: `inv-${tokenHash.slice(0, 22)}`,
        name,
        role: invitation.role,
        organisationId: invitation.organisationId,
        disabledAt: null,
      };
      try {
        await atomic([
          db.update(invitations).set({ usedAt: now }).where(eq(invitations.tokenHash, tokenHash)),
          db.insert(accounts).values({
            id: account.id,
            name,
            role: account.role,
            branchId: account.organisationId,
            createdAt: now,
          }),
          db.insert(accountPasswords).values({ accountId: account.id, ...password }),
        ]);
      } catch (error) {
        const violated = uniqueViolation(error);
        if (violated === 'accounts.name') return 'name-taken';
        if (violated) return 'used';
        throw error;
      }
      return account;
    },

    async disableAccount(id, now) {
      const updated = await db
        .update(accounts)
        .set({ disabledAt: now })
        .where(and(eq(accounts.id, id), isNull(accounts.disabledAt)))
        .returning({ id: accounts.id });
      if (updated.length === 0) return false;
      await db.delete(schema.sessions).where(eq(schema.sessions.accountId, id));
      return true;
    },

    async recordDecision(decision) {
      const { decisions } = schema;
      const [current] = await db
        .select({ id: decisions.id, version: decisions.version })
        .from(decisions)
        .where(
          and(
            eq(decisions.branchId, decision.branchId),
            eq(decisions.memberId, decision.memberId),
            eq(decisions.assessmentYear, decision.assessmentYear),
          ),
        )
        .orderBy(desc(decisions.version))
        .limit(1);
      if ((current?.id ?? null) !== decision.supersedes) throw new StaleDecisionError();
      const stored: Decision = { ...decision, version: (current?.version ?? 0) + 1 };
      try {
        await db.insert(decisions).values(stored);
      } catch (error) {
        if (uniqueViolation(error)?.startsWith('decisions.')) throw new StaleDecisionError();
        throw error;
      }
      return stored;
    },

    async decisions(branchIds, assessmentYear) {
      const { decisions } = schema;
      const found: Decision[] = [];
      for (const part of chunk(branchIds, MAX_PARAMS - 1)) {
        found.push(
          ...(await db
            .select()
            .from(decisions)
            .where(and(eq(decisions.assessmentYear, assessmentYear), inArray(decisions.branchId, part)))),
        );
      }
      return found.sort((a, b) => a.createdAt - b.createdAt || a.version - b.version);
    },

    async ensureBranch(branch, now) {
      await db
        .insert(branches)
        .values({ ...branch, createdAt: now })
        .onConflictDoNothing();
    },

    async hasOrganiser(branchId) {
      const rows = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.branchId, branchId));
      return rows.length > 0;
    },

    async createSetupToken(branchId, tokenHash, now) {
      await atomic([
        db
          .delete(schema.setupTokens)
          .where(and(eq(schema.setupTokens.branchId, branchId), isNull(schema.setupTokens.usedAt))),
        db.insert(schema.setupTokens).values({ tokenHash, branchId, createdAt: now }),
      ]);
    },

    async completeSetup({ tokenHash, maxAge, account, password, now }) {
      const [token] = await db
        .select()
        .from(schema.setupTokens)
        .where(
          and(
            eq(schema.setupTokens.tokenHash, tokenHash),
            isNull(schema.setupTokens.usedAt),
            gt(schema.setupTokens.createdAt, now - maxAge),
          ),
        );
      if (!token || (await store.hasOrganiser(token.branchId))) return null;
      try {
        await atomic([
          db
            .update(schema.setupTokens)
            .set({ usedAt: now })
            .where(eq(schema.setupTokens.tokenHash, tokenHash)),
          db.insert(accounts).values({ ...account, branchId: token.branchId, role: 'admin', createdAt: now }),
          db.insert(accountPasswords).values({ accountId: account.id, ...password }),
        ]);
      } catch (error) {
        if (uniqueViolation(error)) return null;
        throw error;
      }
      return { accountId: account.id, branchId: token.branchId };
    },

    async createOrganiser({ branchId, account, password, now }) {
      try {
        await atomic([
          db.insert(accounts).values({ ...account, branchId, role: 'organiser', createdAt: now }),
          db.insert(accountPasswords).values({ accountId: account.id, ...password }),
        ]);
      } catch (error) {
        if (uniqueViolation(error)) return null;
        throw error;
      }
      return { accountId: account.id };
    },

    async passwordFor(accountName) {
      const [row] = await db
        .select({
          accountId: accounts.id,
          branchId: accounts.branchId,
          hash: accountPasswords.hash,
          salt: accountPasswords.salt,
          params: accountPasswords.params,
        })
        .from(accounts)
        .innerJoin(accountPasswords, eq(accountPasswords.accountId, accounts.id))
        .where(and(eq(accounts.name, accountName), isNull(accounts.disabledAt)));
      return row ?? null;
    },

    async createSession(idHash, session, now) {
      await atomic([
        db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, now)),
        db.insert(schema.sessions).values({ idHash, ...session, createdAt: now }),
      ]);
    },

    async session(idHash, now) {
      const { sessions } = schema;
      const [row] = await db
        .select({
          accountId: sessions.accountId,
          branchId: sessions.branchId,
          role: accounts.role,
          csrfToken: sessions.csrfToken,
          expiresAt: sessions.expiresAt,
        })
        .from(sessions)
        .innerJoin(accounts, eq(accounts.id, sessions.accountId))
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), isNull(accounts.disabledAt)));
      return row ?? null;
    },

    async endSession(idHash) {
      await db.delete(schema.sessions).where(eq(schema.sessions.idHash, idHash));
    },

    async loginFailures(key, since) {
      const [row] = await db
        .select({ n: count() })
        .from(loginFailures)
        .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
      return row?.n ?? 0;
    },

    async recordLoginFailure(key, now) {
      await db.insert(loginFailures).values({ key, at: now });
    },

    async clearLoginFailures(key) {
      await db.delete(loginFailures).where(eq(loginFailures.key, key));
    },

    async replaceRoster(branchId, roster) {
      const rows = roster.map((m, position) => ({
        branchId,
        id: m.id,
        position,
        name: m.name,
        status: m.status,
        role: m.role,
        proposedLevel: m.proposedLevel,
        exclusion: m.exclusion,
        facts: JSON.stringify(m.facts),
      }));
      await atomic([
        db.delete(members).where(eq(members.branchId, branchId)),
        ...chunkRows(rows, 9).map((part) => db.insert(members).values(part)),
      ]);
    },

    async roster(branchId) {
      const rows = await db
        .select()
        .from(members)
        .where(eq(members.branchId, branchId))
        .orderBy(asc(members.position));
      return rows.map(
        (r): Member => ({
          id: r.id,
          name: r.name,
          status: r.status,
          role: r.role,
          proposedLevel: r.proposedLevel,
          exclusion: r.exclusion,
          facts: JSON.parse(r.facts),
        }),
      );
    },

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
      const hash = eventHash(0, null, 'manifest', meeting.manifest);
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
