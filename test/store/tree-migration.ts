// The tree of a server made before QĐ 294 (kinds đảng bộ, đảng ủy, chi bộ), with a meeting, a committee
// account, an invitation and a decision in it: the rows as the migrations before 0002 left them, and what
// must hold once 0002 has run, on SQLite and on D1 alike.
import { expect } from 'vitest';
import { branchesDecidedBy, decidingNode } from '../../src/shared/organisation-tree.ts';
import type { Store } from '../../src/store/store.ts';

/** The migrations before the one under test. */
export const BEFORE = 2;

export const OLD_ROWS = [
  `INSERT INTO branches (id, name, created_at, kind, parent_id) VALUES
    ('main', 'Chi bộ', 1, 'chi-bo', NULL),
    ('db', 'Đảng bộ Trường', 1, 'dang-bo', NULL),
    ('x', 'Đảng ủy Khoa Toán', 1, 'dang-uy', 'db'),
    ('a', 'Chi bộ Giải tích', 1, 'chi-bo', 'x'),
    ('c', 'Chi bộ Văn phòng', 1, 'chi-bo', 'db')`,
  `INSERT INTO accounts (id, branch_id, name, role, created_at) VALUES
    ('u1', 'x', 'uy-vien-x', 'committee', 1),
    ('u2', 'a', 'to-chuc-a', 'organiser', 1)`,
  `INSERT INTO invitations (token_hash, role, organisation_id, invited_by, created_at, expires_at) VALUES
    ('t1', 'organiser', 'c', NULL, 1, 9999999999999)`,
  `INSERT INTO meetings (id, branch_id, title, kind, rule_set, trustees_n, trustees_k, manifest,
    manifest_hash, status, round, created_at, assessment_year) VALUES
    ('m1', 'a', 'Xếp loại 2025', 'classification', 'QD366-2025', 1, 1, '{}', 'h', 'decrypted', 0, 1, 2025)`,
  `INSERT INTO events (meeting_id, height, parent, type, payload, hash) VALUES ('m1', 0, NULL, 'manifest', '{}', 'h')`,
  `INSERT INTO decisions (id, committee_id, branch_id, member_id, member_name, assessment_year, level,
    reason, proposal, meeting_id, version, supersedes, author_id, created_at) VALUES
    ('d1', 'x', 'a', 'm2', 'Đảng viên 2', 2025, 'httnv', 'Vượt giới hạn', 'htxsnv', 'm1', 1, NULL, 'u1', 1)`,
];

export async function expectMigrated(store: Store): Promise<void> {
  const tree = await store.organisations();
  const kinds = Object.fromEntries(tree.map((o) => [o.id, o.kind]));
  expect(kinds).toEqual({
    main: 'chi-bo',
    db: 'cap-tren-co-so',
    x: 'dang-bo-co-so',
    a: 'chi-bo',
    c: 'chi-bo-co-so',
  });
  const node = (id: string) => tree.find((o) => o.id === id)!;
  expect(decidingNode(tree, node('a'))?.id).toBe('x');
  expect(decidingNode(tree, node('c'))?.id).toBe('c');
  expect(branchesDecidedBy(tree, node('x')).map((b) => b.id)).toEqual(['a']);
  expect(await store.meeting('m1')).toMatchObject({
    branchId: 'a',
    assessmentYear: 2025,
    status: 'decrypted',
  });
  expect(await store.decisions(['a'], 2025)).toMatchObject([{ id: 'd1', committeeId: 'x', level: 'httnv' }]);
  expect((await store.accounts()).map((a) => [a.name, a.role, a.organisationId]).sort()).toEqual([
    ['to-chuc-a', 'organiser', 'a'],
    ['uy-vien-x', 'committee', 'x'],
  ]);
}
