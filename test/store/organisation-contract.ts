// The organisations aggregate's contract (src/store/organisation-store.ts), for every backend: the tree,
// each chi bộ's roster, and the committee's versioned decisions.
import { beforeEach, describe, expect, it } from 'vitest';
import { type Decision, type Member, StaleDecisionError, type Store } from '../../src/store/store.ts';
import type { OpenStore } from './contracts.ts';

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

    it('replaces a branch roster whole, in order, per branch', async () => {
      const members = Array.from(
        { length: 120 },
        (_, i): Member => ({
          id: `m${i}`,
          name: `Đảng viên ${i}`,
          status: i % 10 === 0 ? 'probationary' : 'official',
          role: 'member',
          proposedLevel: 'httnv',
          exclusion: null,
          facts: i === 3 ? [{ code: 'discipline', source: 'QĐ số 1' }] : [],
        }),
      );
      await store.replaceRoster('a', members);
      await store.replaceRoster('c', members.slice(0, 2));
      expect(await store.roster('a')).toEqual(members);
      await store.replaceRoster('a', members.slice(5, 7));
      expect((await store.roster('a')).map((m) => m.id)).toEqual(['m5', 'm6']);
      expect(await store.roster('c')).toHaveLength(2);
    });
  });
}
