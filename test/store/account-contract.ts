// The accounts aggregate's contract (src/store/account-store.ts), for every backend: the server's keys, the
// first start's setup link, accounts and their passwords, sessions, the login rate limit, invitations.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Account, OrganisationKind, Store } from '../../src/store/store.ts';
import type { OpenStore } from './contracts.ts';

const NOW = Date.UTC(2026, 10, 23);
const password = { hash: 'h', salt: 's', params: '{}' };

export function accountContract(name: string, open: OpenStore): void {
  describe(`Store contract, accounts: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      const opened = open();
      store = opened.store;
      await store.ensureBranch({ id: 'b1', name: 'Chi bộ 1' }, NOW);
      const node = (id: string, name: string, kind: OrganisationKind, parentId: string | null) =>
        store.createOrganisation({ id, name, kind, parentId }, NOW);
      await node('db', 'Đảng bộ', 'cap-tren-co-so', null);
      await node('x', 'Đảng ủy X', 'dang-bo-co-so', 'db');
      await node('a', 'Chi bộ A', 'chi-bo', 'x');
      return opened.close;
    });

    it('creates the receipt key once and keeps it', async () => {
      const first = await store.receiptKey(() => ({ secretKey: 's1', publicKey: 'p1' }));
      const second = await store.receiptKey(() => ({ secretKey: 's2', publicKey: 'p2' }));
      expect(first).toEqual({ secretKey: 's1', publicKey: 'p1' });
      expect(second).toEqual(first);
    });

    it('keeps only the latest operator key', async () => {
      await store.replaceOperatorKey('old', NOW);
      await store.replaceOperatorKey('new', NOW);
      expect(await store.hasOperatorKey('new')).toBe(true);
      expect(await store.hasOperatorKey('old')).toBe(false);
    });

    it('spends a setup token once, creating the server admin at home in the branch', async () => {
      await store.createSetupToken('b1', 'token-hash', NOW);
      const input = {
        tokenHash: 'token-hash',
        maxAge: 60_000,
        account: { id: 'a1', name: 'organiser' },
        password: { hash: 'h', salt: 's', params: '{}' },
        now: NOW + 1000,
      };
      expect(await store.hasOrganiser('b1')).toBe(false);
      expect(await store.completeSetup(input)).toEqual({ accountId: 'a1', branchId: 'b1' });
      expect(await store.hasOrganiser('b1')).toBe(true);
      expect(await store.completeSetup({ ...input, account: { id: 'a2', name: 'other' } })).toBeNull();
      expect(await store.passwordFor('organiser')).toMatchObject({
        accountId: 'a1',
        branchId: 'b1',
        hash: 'h',
      });
      expect(await store.passwordFor('other')).toBeNull();
      expect(await store.account('a1')).toEqual({
        id: 'a1',
        name: 'organiser',
        role: 'admin',
        organisationId: 'b1',
        disabledAt: null,
      });
    });

    it('refuses an expired or replaced setup token', async () => {
      await store.createSetupToken('b1', 'first', NOW);
      await store.createSetupToken('b1', 'second', NOW);
      const input = {
        maxAge: 60_000,
        account: { id: 'a1', name: 'organiser' },
        password: { hash: 'h', salt: 's', params: '{}' },
        now: NOW + 1000,
      };
      expect(await store.completeSetup({ ...input, tokenHash: 'first' })).toBeNull();
      expect(await store.completeSetup({ ...input, tokenHash: 'second', now: NOW + 61_000 })).toBeNull();
      expect(await store.completeSetup({ ...input, tokenHash: 'second' })).not.toBeNull();
    });

    it('keeps sessions until they expire or end', async () => {
      await store.createOrganiser({
        branchId: 'b1',
        account: { id: 'a1', name: 'organiser' },
        password: { hash: 'h', salt: 's', params: '{}' },
        now: NOW,
      });
      const session = { accountId: 'a1', branchId: 'b1', csrfToken: 'c', expiresAt: NOW + 1000 };
      await store.createSession('s1', session, NOW);
      expect(await store.session('s1', NOW + 999)).toEqual({ ...session, role: 'organiser' });
      expect(await store.session('s1', NOW + 1000)).toBeNull();
      await store.endSession('s1');
      expect(await store.session('s1', NOW)).toBeNull();
    });

    it('refuses a second account with the same name', async () => {
      const input = {
        branchId: 'b1',
        account: { id: 'a1', name: 'organiser' },
        password: { hash: 'h', salt: 's', params: '{}' },
        now: NOW,
      };
      expect(await store.createOrganiser(input)).toEqual({ accountId: 'a1' });
      expect(await store.createOrganiser({ ...input, account: { id: 'a2', name: 'organiser' } })).toBeNull();
    });

    it('counts login failures within the window until cleared', async () => {
      await store.recordLoginFailure('ip', NOW);
      await store.recordLoginFailure('ip', NOW + 10);
      await store.recordLoginFailure('other', NOW + 10);
      expect(await store.loginFailures('ip', NOW - 1)).toBe(2);
      expect(await store.loginFailures('ip', NOW + 5)).toBe(1);
      await store.clearLoginFailures('ip');
      expect(await store.loginFailures('ip', NOW - 1)).toBe(0);
      expect(await store.loginFailures('other', NOW - 1)).toBe(1);
    });

    it('spends an invitation once, before it expires, creating the account of its role and place', async () => {
      const invite = { role: 'committee' as const, organisationId: 'x', invitedBy: null, now: NOW };
      await store.inviteAccount({ ...invite, tokenHash: 't1', expiresAt: NOW + 1000 });
      await store.inviteAccount({ ...invite, tokenHash: 't2', expiresAt: NOW + 1000 });
      const accept = { name: 'uy-vien', password, now: NOW + 10 };
      const account = await store.acceptInvitation({ ...accept, tokenHash: 't1' });
      expect(account).toMatchObject({
        name: 'uy-vien',
        role: 'committee',
        organisationId: 'x',
        disabledAt: null,
      });
      expect(await store.account((account as Account).id)).toEqual(account);
      expect(await store.acceptInvitation({ ...accept, name: 'other', tokenHash: 't1' })).toBe('used');
      expect(await store.acceptInvitation({ ...accept, tokenHash: 't2' })).toBe('name-taken');
      expect(await store.acceptInvitation({ ...accept, tokenHash: 't2', now: NOW + 1000 })).toBe('expired');
      expect(await store.acceptInvitation({ ...accept, tokenHash: 'nope' })).toBe('unknown');
      expect(await store.acceptInvitation({ ...accept, name: 'fresh', tokenHash: 't2' })).toMatchObject({
        name: 'fresh',
      });
      expect((await store.accounts()).map((a) => a.name)).toEqual(['uy-vien', 'fresh']);
    });

    it('lists the open invitations without their links, and a revoked one makes no account', async () => {
      const invite = { role: 'organiser' as const, organisationId: 'a', invitedBy: null, now: NOW };
      const kept = await store.inviteAccount({
        ...invite,
        tokenHash: 'hash-kept-0123456789',
        expiresAt: NOW + 1000,
      });
      const gone = await store.inviteAccount({
        ...invite,
        tokenHash: 'hash-gone-0123456789',
        expiresAt: NOW + 1000,
        now: NOW + 1,
      });
      await store.inviteAccount({ ...invite, tokenHash: 'hash-late-0123456789', expiresAt: NOW + 5 });
      expect(kept).toMatchObject({ role: 'organiser', organisationId: 'a', state: 'open' });
      expect(JSON.stringify(kept)).not.toContain('hash-kept-0123456789');
      expect((await store.openInvitations(NOW + 10)).map((i) => i.id)).toEqual([kept.id, gone.id]);
      expect(await store.revokeInvitation(gone.id, NOW + 20)).toBe(true);
      expect(await store.revokeInvitation(gone.id, NOW + 21)).toBe(false);
      expect(await store.revokeInvitation('no-such-id', NOW + 21)).toBe(false);
      expect((await store.openInvitations(NOW + 30)).map((i) => i.id)).toEqual([kept.id]);
      expect(await store.invitation('hash-gone-0123456789', NOW + 30)).toMatchObject({ state: 'revoked' });
      expect(await store.invitation('hash-late-0123456789', NOW + 30)).toMatchObject({ state: 'expired' });
      expect(await store.invitation('unknown', NOW + 30)).toBeNull();
      const accept = { name: 'to-chuc', password, now: NOW + 40 };
      expect(await store.acceptInvitation({ ...accept, tokenHash: 'hash-gone-0123456789' })).toBe('revoked');
      expect(await store.accounts()).toEqual([]);
      await store.acceptInvitation({ ...accept, tokenHash: 'hash-kept-0123456789' });
      expect(await store.invitation('hash-kept-0123456789', NOW + 50)).toMatchObject({ state: 'used' });
      expect(await store.revokeInvitation(kept.id, NOW + 50)).toBe(false);
    });

    it('a disabled account can no longer log in, and its sessions end', async () => {
      await store.createOrganiser({
        branchId: 'a',
        account: { id: 'u1', name: 'to-chuc-a' },
        password,
        now: NOW,
      });
      await store.createOrganiser({
        branchId: 'a',
        account: { id: 'u2', name: 'to-chuc-b' },
        password,
        now: NOW,
      });
      const session = { accountId: 'u1', branchId: 'a', csrfToken: 'c', expiresAt: NOW + 1000 };
      await store.createSession('s1', session, NOW);
      await store.createSession('s2', { ...session, accountId: 'u2' }, NOW);
      expect(await store.disableAccount('u1', NOW + 10)).toBe(true);
      expect(await store.disableAccount('u1', NOW + 11)).toBe(false);
      expect(await store.disableAccount('nobody', NOW + 11)).toBe(false);
      expect(await store.account('u1')).toMatchObject({ name: 'to-chuc-a', disabledAt: NOW + 10 });
      expect(await store.passwordFor('to-chuc-a')).toBeNull();
      expect(await store.session('s1', NOW + 20)).toBeNull();
      expect(await store.passwordFor('to-chuc-b')).not.toBeNull();
      expect(await store.session('s2', NOW + 20)).toMatchObject({ accountId: 'u2' });
    });
  });
}
