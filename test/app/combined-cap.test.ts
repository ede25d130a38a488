// The cap on HTXSNV computed over a tree of three chi bộ (QĐ 366 Điều 11 k1.5: at most 20% of those
// proposed HTTNV, over the group the committee sets): the limit for 0, 1, 4, 5, 6 and 12 proposed HTTNV
// across the tree, the ranking by vote share across chi bộ, the marks beyond the cap, and groups.
import { describe, expect, it } from 'vitest';
import {
  approvable,
  type BranchProposals,
  combinedTable,
  decisionProblems,
  findMember,
} from '../../src/committee/combined-table.ts';
import type { SubjectOutcome } from '../../src/shared/rules/index.ts';
import type { Decision, Organisation } from '../../src/store/store.ts';

const branch = (id: string): Organisation => ({ id, name: `Chi bộ ${id}`, kind: 'chi-bo', parentId: 'x' });

function subject(id: string, proposal: string, htxsnv: number, denominator: number): SubjectOutcome {
  return {
    id,
    name: `Đảng viên ${id}`,
    role: 'member',
    proposal,
    tally: {
      denominator: { basis: 'summoned', value: denominator },
      options: [{ id: 'htxsnv', votes: htxsnv, percent: '' }],
      blank: 0,
      blankPercent: '0.0',
    },
    flags: [],
    trace: [],
  };
}

/** `httnv` members proposed HTTNV spread over chi bộ a, b, c; one HTXSNV in each, with shares 9/10, 16/20, 21/30. */
function tree(httnv: number): BranchProposals[] {
  const ids = ['a', 'b', 'c'];
  const best = [
    subject('a-best', 'htxsnv', 9, 10),
    subject('b-best', 'htxsnv', 16, 20),
    subject('c-best', 'htxsnv', 21, 30),
  ];
  return ids.map((id, i) => ({
    branch: branch(id),
    meetingId: `meeting-${id}`,
    subjects: [
      best[i]!,
      ...Array.from({ length: httnv }, (_, n) => n)
        .filter((n) => n % 3 === i)
        .map((n) => subject(`${id}-${n}`, 'httnv', 0, 10)),
      subject(`${id}-htnv`, 'htnv', 0, 10),
    ],
  }));
}

const cap = { percent: 20, base: 'httnv', rounding: 'floor' };

describe('the combined cap over three chi bộ', () => {
  it.each([
    [0, 0],
    [1, 0],
    [4, 0],
    [5, 1],
    [6, 1],
    [12, 2],
  ])(
    '%i proposed HTTNV allow %i HTXSNV; the rest are marked, ranked by vote share across chi bộ',
    (httnv, max) => {
      const [whole] = combinedTable({ branches: [], proposals: tree(httnv), groups: [], cap, decisions: [] });
      expect(whole).toMatchObject({ name: 'Toàn đảng ủy', base: httnv, max, proposedBest: 3 });
      const best = whole!.rows.filter((r) => r.proposal === 'htxsnv');
      expect(best.map((r) => [r.memberId, r.rank])).toEqual([
        ['a-best', 1],
        ['b-best', 2],
        ['c-best', 3],
      ]);
      expect(best.map((r) => r.cap)).toEqual(best.map((_, i) => (i < max ? 'within' : 'exceeds-cap')));
      expect(whole!.rows.filter((r) => r.cap !== null)).toHaveLength(3);
      expect(whole!.rows).toHaveLength(httnv + 6);
    },
  );

  it('counts HTXSNV in the base when the committee says so, and rounds as set', () => {
    const [whole] = combinedTable({
      branches: [],
      proposals: tree(12),
      groups: [],
      cap: { percent: 25, base: 'httnv-and-better', rounding: 'floor' },
      decisions: [],
    });
    expect(whole).toMatchObject({ base: 15, max: 3 });
    expect(whole!.rows.filter((r) => r.cap === 'within')).toHaveLength(3);
  });

  it('applies the cap over each group the committee defines, the rest in a group of their own', () => {
    const groups = combinedTable({
      branches: [],
      proposals: tree(12),
      groups: [{ name: 'Khối giảng dạy', branchIds: ['a', 'b'] }],
      cap,
      decisions: [],
    });
    expect(groups.map((g) => [g.name, g.base, g.max, g.proposedBest])).toEqual([
      ['Khối giảng dạy', 8, 1, 2],
      ['Ngoài các nhóm', 4, 0, 1],
    ]);
    expect(groups[0]!.rows.filter((r) => r.cap === 'within').map((r) => r.memberId)).toEqual(['a-best']);
  });

  it('marks ties at the cap for the committee to decide', () => {
    const proposals = tree(5).map((p) => ({
      ...p,
      subjects: p.subjects.map((s) => (s.proposal === 'htxsnv' ? subject(s.id, 'htxsnv', 8, 10) : s)),
    }));
    const [whole] = combinedTable({ branches: [], proposals, groups: [], cap, decisions: [] });
    expect(whole!.max).toBe(1);
    expect(whole!.rows.filter((r) => r.proposal === 'htxsnv').map((r) => [r.rank, r.cap])).toEqual([
      [1, 'tied-at-cap'],
      [1, 'tied-at-cap'],
      [1, 'tied-at-cap'],
    ]);
  });
});

const decided = (branchId: string, memberId: string, level: string): Decision => ({
  id: `${branchId}-${memberId}`,
  committeeId: 'x',
  branchId,
  memberId,
  memberName: memberId,
  assessmentYear: 2026,
  level,
  reason: '',
  proposal: level,
  meetingId: null,
  version: 1,
  supersedes: null,
  authorId: 'u',
  createdAt: 0,
  override: null,
  capGroup: null,
});

describe('decisions held to the cap and the proposal', () => {
  const missing = [{ id: 'd', name: 'Chi bộ d', status: 'open' as const, meetingId: 'm-d' }];

  it('names the chi bộ a group covers that have no certified result', () => {
    const [whole] = combinedTable({ branches: missing, proposals: tree(5), groups: [], cap, decisions: [] });
    expect(whole!.missing).toEqual([{ id: 'd', name: 'Chi bộ d' }]);
    const [named, others] = combinedTable({
      branches: missing,
      proposals: tree(5),
      groups: [{ name: 'A', branchIds: ['a'] }],
      cap,
      decisions: [],
    });
    expect([named!.missing, others!.missing]).toEqual([[], [{ id: 'd', name: 'Chi bộ d' }]]);
  });

  it('refuses a second HTXSNV where the cap allows one, and a level above the proposal', () => {
    const groups = combinedTable({
      branches: [],
      proposals: tree(5),
      groups: [],
      cap,
      decisions: [decided('a', 'a-best', 'htxsnv')],
    });
    const { group, row } = findMember(groups, 'b', 'b-best')!;
    expect([group.max, group.decidedBest]).toEqual([1, 1]);
    expect(decisionProblems(group, row, 'htxsnv')).toEqual(['over-cap']);
    expect(decisionProblems(group, row, 'httnv')).toEqual([]);
    const first = findMember(groups, 'a', 'a-best')!;
    expect(decisionProblems(first.group, first.row, 'htxsnv')).toEqual([]);
    const good = findMember(groups, 'a', 'a-0')!;
    expect(decisionProblems(good.group, good.row, 'htxsnv')).toEqual(['over-cap', 'above-proposal']);
    const fair = findMember(groups, 'a', 'a-htnv')!;
    expect(decisionProblems(fair.group, fair.row, 'httnv')).toEqual(['above-proposal']);
  });

  it('approves all within the cap: every lower proposal, and the best-ranked HTXSNV the room allows', () => {
    const [whole] = combinedTable({ branches: [], proposals: tree(5), groups: [], cap, decisions: [] });
    const picked = approvable(whole!);
    expect(picked.filter((r) => r.proposal === 'htxsnv').map((r) => r.memberId)).toEqual(['a-best']);
    expect(picked).toHaveLength(whole!.rows.length - 2);
    const [full] = combinedTable({
      branches: [],
      proposals: tree(5),
      groups: [],
      cap,
      decisions: [decided('c', 'c-best', 'htxsnv')],
    });
    expect(approvable(full!).filter((r) => r.proposal === 'htxsnv')).toEqual([]);
  });
});
