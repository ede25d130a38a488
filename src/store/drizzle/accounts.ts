// The accounts aggregate on drizzle (src/store/account-store.ts): server keys, setup, passwords,
// sessions, the login rate limit, invitations.
import { and, asc, count, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Account, AccountStore, Invitation } from '../account-store.ts';
import { type Atomic, uniqueViolation } from '../atomic.ts';
import type { Db } from '../drizzle-store.ts';
import * as schema from '../schema.ts';

const { accountPasswords, accounts, loginFailures } = schema;

export function accountStore(db: Db, atomic: Atomic): AccountStore {
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

  const store: AccountStore = {
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
  };
  return store;
}
