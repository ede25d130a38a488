// The Party's organisation tree since 1 July 2025 (QĐ 294-QĐ/TW; no district level any more): cấp tỉnh →
// cấp xã (đảng bộ xã, phường, đặc khu) or a đảng bộ cấp trên cơ sở → đảng bộ cơ sở or chi bộ cơ sở (a
// đảng bộ cơ sở may hold đảng bộ bộ phận) → chi bộ. The depth varies: a chi bộ sits under a đảng bộ xã, a
// đảng bộ cơ sở or a đảng bộ bộ phận, and a chi bộ cơ sở is itself a chi bộ. Members are classified at
// their chi bộ, and the level "có thẩm quyền" that decides (QĐ 366 Điều 12 k1) and applies the cap over its
// groups (Điều 11 k1.5; HD 21 2.3: "trong từng tổ chức cơ sở đảng") is the grassroots organisation found
// by walking up from the chi bộ: a đảng bộ xã acts as the grassroots for the chi bộ directly under it and
// as the level above the grassroots for a đảng bộ cơ sở inside it.
import type { Text } from './domain.ts';

export const ORGANISATION_KINDS = [
  'tinh',
  'cap-tren-co-so',
  'xa',
  'phuong',
  'dac-khu',
  'dang-bo-co-so',
  'dang-bo-bo-phan',
  'chi-bo-co-so',
  'chi-bo',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A node as the tree needs it. */
export type TreeNode = { id: string; kind: OrganisationKind; parentId: string | null };

export const KIND_NAMES: Record<OrganisationKind, Text> = {
  tinh: { vi: 'Đảng bộ tỉnh, thành phố', en: 'Province or city Party committee' },
  'cap-tren-co-so': { vi: 'Đảng bộ cấp trên cơ sở', en: 'Party committee above the grassroots' },
  xa: { vi: 'Đảng bộ xã', en: 'Commune Party committee' },
  phuong: { vi: 'Đảng bộ phường', en: 'Ward Party committee' },
  'dac-khu': { vi: 'Đảng bộ đặc khu', en: 'Special zone Party committee' },
  'dang-bo-co-so': { vi: 'Đảng bộ cơ sở', en: 'Grassroots Party committee' },
  'dang-bo-bo-phan': { vi: 'Đảng bộ bộ phận', en: 'Sub-committee of a grassroots committee' },
  'chi-bo-co-so': { vi: 'Chi bộ cơ sở', en: 'Grassroots chi bộ' },
  'chi-bo': { vi: 'Chi bộ', en: 'Chi bộ' },
};

/** The roles of accounts, as a message names them. */
export const ROLE_NAMES: Record<'admin' | 'organiser' | 'committee', Text> = {
  admin: { vi: 'quản trị', en: 'admin' },
  organiser: { vi: 'người tổ chức', en: 'organiser' },
  committee: { vi: 'cấp ủy', en: 'committee' },
};

const COMMUNE: OrganisationKind[] = ['xa', 'phuong', 'dac-khu'];
const ABOVE_GRASSROOTS: (OrganisationKind | null)[] = [null, 'tinh', 'cap-tren-co-so', ...COMMUNE];

/** Which kinds may sit under which (null: at the root of the server's tree). */
export const PARENT_KINDS: Record<OrganisationKind, (OrganisationKind | null)[]> = {
  tinh: [null],
  'cap-tren-co-so': [null, 'tinh'],
  xa: [null, 'tinh'],
  phuong: [null, 'tinh'],
  'dac-khu': [null, 'tinh'],
  'dang-bo-co-so': ABOVE_GRASSROOTS,
  'chi-bo-co-so': ABOVE_GRASSROOTS,
  'dang-bo-bo-phan': ['dang-bo-co-so', ...COMMUNE],
  'chi-bo': [null, 'dang-bo-co-so', 'dang-bo-bo-phan', ...COMMUNE],
};

/** The grassroots kinds: the level that decides its members' levels and applies the cap. */
export const DECIDING_KINDS: readonly OrganisationKind[] = [...COMMUNE, 'dang-bo-co-so', 'chi-bo-co-so'];

/** The kinds that hold meetings and a roster. */
export const BRANCH_KINDS: readonly OrganisationKind[] = ['chi-bo', 'chi-bo-co-so'];

export const holdsMeetings = (node: TreeNode): boolean => BRANCH_KINDS.includes(node.kind);

/**
 * The node that decides on the members of `branch`: itself or its nearest ancestor of a grassroots kind;
 * null when there is none (a chi bộ standing alone, as on a laptop with one chi bộ).
 */
export function decidingNode<T extends TreeNode>(tree: T[], branch: T): T | null {
  const seen = new Set<string>();
  for (let node: T | undefined = branch; node && !seen.has(node.id); ) {
    if (DECIDING_KINDS.includes(node.kind)) return node;
    seen.add(node.id);
    const parentId: string | null = node.parentId;
    node = parentId ? tree.find((o) => o.id === parentId) : undefined;
  }
  return null;
}

/** Every chi bộ at or under `root`, at any depth, in tree order. */
export function branchesUnder<T extends TreeNode>(tree: T[], root: T): T[] {
  const found: T[] = [];
  const queue = [root];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    if (holdsMeetings(node)) found.push(node);
    queue.push(...tree.filter((o) => o.parentId === node.id));
  }
  return found;
}

/** The chi bộ whose members `committee` decides on: those under it whose deciding node it is. */
export function branchesDecidedBy<T extends TreeNode>(tree: T[], committee: T): T[] {
  return branchesUnder(tree, committee).filter((b) => decidingNode(tree, b)?.id === committee.id);
}
