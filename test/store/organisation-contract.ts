// The Store contract for the organisation tree, accounts with roles, one-time invitations and the
// committee's versioned decisions: every backend must pass it, as it passes the meeting contract.
import { beforeEach, describe, expect, it } from 'vitest';
import { type Account, type Decision, StaleDecisionError, type Store } from '../../src/store/store.ts';
import type { OpenStore } from './contract.ts';

const NOW = Date.UTC(2026, 10, 23);
const password = { hash: 'h', salt: 's', params: '{}' };

export function organisationContract(name: string, open: OpenStore): void {
  describe(`Store contract, organisations: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      const opened = open();
      store = opened.store;
      await store.createOrganisation(
        { id: 'db', name: 'Đảng bộ', kind: 'cap-tren-co-so', parentId: null },
        NOW,
      );
      await store.createOrganisation(
        { id: 'x', name: 'Đảng ủy X', kind: 'dang-bo-co-so', parentId: 'db' },
        NOW,
      );
      await store.createOrganisation({ id: 'a', name: 'Chi bộ A', kind: 'chi-bo', parentId: 'x' }, NOW);
      await store.createOrganisation(
        { id: 'c', name: 'Chi bộ C', kind: 'chi-bo-co-so', parentId: 'db' },
        NOW,
      );
      return opened.close;
    });

    it('keeps the tree, and a chi bộ is a branch meetings and rosters can name', async () => {
      expect(await store.organisation('a')).toEqual({
        id: 'a',
        name: 'Chi bộ A',
        kind: 'chi-bo',
        parentId: 'x',
      });
      expect((await store.organisations()).map((o) => o.id).sort()).toEqual(['a', 'c', 'db', 'x']);
      expect(
        await store.createOrganisation({ id: 'a', name: 'again', kind: 'chi-bo', parentId: null }, NOW),
      ).toBe(false);
      await store.createMeeting({
        id: 'm1',
        branchId: 'a',
        title: 'Họp',
        kind: 'classification',
        ruleSet: 'none',
        trustees: { n: 1, k: 1 },
        manifest: '{}',
        manifestHash: 'h',
        createdAt: NOW,
        assessmentYear: 2026,
      });
      expect(await store.meeting('m1')).toMatchObject({ branchId: 'a', assessmentYear: 2026 });
    });

    it('a branch made the old way is a chi bộ at the root', async () => {
      await store.ensureBranch({ id: 'main', name: 'Chi bộ' }, NOW);
      expect(await store.organisation('main')).toEqual({
        id: 'main',
        name: 'Chi bộ',
        kind: 'chi-bo',
        parentId: null,
      });
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

    it('versions decisions: an amendment supersedes the current one, a stale one changes nothing', async () => {
      await store.createOrganiser({ branchId: 'x', account: { id: 'u1', name: 'u1' }, password, now: NOW });
      const first: Omit<Decision, 'version'> = {
        id: 'd1',
        committeeId: 'x',
        branchId: 'a',
        memberId: 'm1',
        memberName: 'Đảng viên 1',
        assessmentYear: 2026,
        level: 'httnv',
        reason: 'Vượt giới hạn 20%',
        proposal: 'htxsnv',
        meetingId: null,
        supersedes: null,
        authorId: 'u1',
        createdAt: NOW,
        override: null,
        capGroup: null,
      };
      expect((await store.recordDecision(first)).version).toBe(1);
      await expect(store.recordDecision({ ...first, id: 'd1b' })).rejects.toBeInstanceOf(StaleDecisionError);
      const capGroup = {
        name: 'Toàn đảng ủy',
        percent: 20,
        base: 'httnv',
        rounding: 'floor',
        counted: 4,
        max: 0,
        missing: ['Chi bộ C'],
      };
      const override = 'Nghị quyết của ban thường vụ số 12';
      const amended = await store.recordDecision({
        ...first,
        id: 'd2',
        level: 'htxsnv',
        supersedes: 'd1',
        override,
        capGroup,
      });
      expect(amended.version).toBe(2);
      await expect(store.recordDecision({ ...first, id: 'd3', supersedes: 'd1' })).rejects.toBeInstanceOf(
        StaleDecisionError,
      );
      await store.recordDecision({ ...first, id: 'e1', memberId: 'm2', assessmentYear: 2025 });
      const listed = await store.decisions(['a', 'c'], 2026);
      expect(listed.map((d) => [d.id, d.version, d.supersedes])).toEqual([
        ['d1', 1, null],
        ['d2', 2, 'd1'],
      ]);
      expect(listed[1]).toMatchObject({ override, capGroup });
      expect(await store.decisions(['c'], 2026)).toEqual([]);
    });
  });
}
