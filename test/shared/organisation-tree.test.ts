// The tree after QĐ 294-QĐ/TW: cấp tỉnh → đảng bộ xã (a chi bộ thôn directly under it; a đảng bộ cơ sở of a
// school inside it, with a đảng bộ bộ phận holding a chi bộ) and a chi bộ cơ sở. The deciding level is found
// by walking up from each chi bộ, so each committee decides on exactly its own chi bộ, at any depth.
import { describe, expect, it } from 'vitest';
import {
  branchesDecidedBy,
  branchesUnder,
  decidingNode,
  type OrganisationKind,
  PARENT_KINDS,
  type TreeNode,
} from '../../src/shared/organisation-tree.ts';

const node = (id: string, kind: OrganisationKind, parentId: string | null): TreeNode => ({
  id,
  kind,
  parentId,
});
const TREE = [
  node('tinh', 'tinh', null),
  node('xa', 'xa', 'tinh'),
  node('thon-1', 'chi-bo', 'xa'),
  node('truong', 'dang-bo-co-so', 'xa'),
  node('to-toan', 'dang-bo-bo-phan', 'truong'),
  node('gv-toan', 'chi-bo', 'to-toan'),
  node('van-phong', 'chi-bo', 'truong'),
  node('cty', 'chi-bo-co-so', 'tinh'),
];
const at = (id: string) => TREE.find((n) => n.id === id)!;

describe('the deciding level, walking up the tree', () => {
  it('is the nearest grassroots organisation above a chi bộ, at any depth', () => {
    expect(decidingNode(TREE, at('thon-1'))?.id).toBe('xa');
    expect(decidingNode(TREE, at('gv-toan'))?.id).toBe('truong');
    expect(decidingNode(TREE, at('van-phong'))?.id).toBe('truong');
  });

  it('is the chi bộ cơ sở itself, and none for a chi bộ standing alone', () => {
    expect(decidingNode(TREE, at('cty'))?.id).toBe('cty');
    expect(decidingNode([node('main', 'chi-bo', null)], node('main', 'chi-bo', null))).toBeNull();
  });

  it('gives each committee exactly the chi bộ it decides on; a đảng bộ xã reads those of the school too', () => {
    expect(branchesDecidedBy(TREE, at('xa')).map((b) => b.id)).toEqual(['thon-1']);
    expect(branchesDecidedBy(TREE, at('truong')).map((b) => b.id)).toEqual(['van-phong', 'gv-toan']);
    expect(branchesDecidedBy(TREE, at('tinh'))).toEqual([]);
    expect(branchesUnder(TREE, at('xa')).map((b) => b.id)).toEqual(['thon-1', 'van-phong', 'gv-toan']);
  });

  it('has no district level: a đảng bộ xã sits under the province, and nothing between', () => {
    expect(PARENT_KINDS.xa).toEqual([null, 'tinh']);
    expect(PARENT_KINDS['chi-bo']).not.toContain('tinh');
  });

  it('stops on a loop instead of walking forever', () => {
    const loop = [
      node('p', 'dang-bo-bo-phan', 'q'),
      node('q', 'dang-bo-bo-phan', 'p'),
      node('c', 'chi-bo', 'p'),
    ];
    expect(decidingNode(loop, loop[2]!)).toBeNull();
  });
});
