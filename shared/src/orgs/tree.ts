import type { OrgType } from './index';

/**
 * Where each kind of organisation may stand in the tree (DESIGN.md "Organisations":
 * 市总工会 → 区/县总工会 → 街道/乡镇工会, 行业工会联合会 → 基层工会):
 *
 * - 市总工会 (city) is a root, and only a city is a root (a province's platform has several);
 * - 区/县总工会 (district) is under a city;
 * - 街道/乡镇工会 (street) is under a district;
 * - 行业工会联合会 (industry) is under a city or a district (city-wide and district-wide federations);
 * - 基层工会 (grassroots) is under any of the four above (a large employer's union reports to the
 *   city or district directly, most to a street or an industry federation);
 * - 工人文化宫 (palace) is run by a union above the grassroots level, so it is under any of those four.
 *
 * Grassroots unions and palaces have no children: members belong to grassroots unions (officer
 * scope and member numbers rely on that), and a palace is a place, not a union.
 */
export const ORG_PARENT_TYPES: Record<OrgType, readonly OrgType[]> = {
  city: [],
  district: ['city'],
  street: ['district'],
  industry: ['city', 'district'],
  grassroots: ['city', 'district', 'street', 'industry'],
  palace: ['city', 'district', 'street', 'industry'],
};

/** The types that may stand at the root (no parent). */
export const ORG_ROOT_TYPES: readonly OrgType[] = ['city'];

export const ORG_TYPE_SHORT_LABELS: Record<OrgType, string> = {
  city: '市总工会',
  district: '区县总工会',
  street: '街道乡镇工会',
  industry: '行业工会联合会',
  grassroots: '基层工会',
  palace: '工人文化宫',
};

/** Org codes: the key of the CSV import and of `GET /orgs?code=`; letters, digits, "-" and "_". */
export const ORG_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
export const ORG_CODE_HINT = '组织编号为1到40位字母、数字、"-"或"_"，以字母或数字开头';

/** 行政区划代码: 6 digits (county), 9 (township) or 12 (village). */
export const ORG_REGION_CODE_PATTERN = /^(\d{6}|\d{9}|\d{12})$/;
export const ORG_REGION_CODE_HINT = '行政区划代码应为6位（或9位、12位）数字';

export const ORG_NAME_MAX = 100;

/** May an org of `type` stand under a parent of `parentType` (null: at the root)? */
export function canPlaceOrg(type: OrgType, parentType: OrgType | null): boolean {
  return parentType === null ? ORG_ROOT_TYPES.includes(type) : ORG_PARENT_TYPES[type].includes(parentType);
}

/** Why `type` may not stand under `parentType`, in words for the person arranging the tree; null when it may. */
export function orgPlacementProblem(type: OrgType, parentType: OrgType | null): string | null {
  if (canPlaceOrg(type, parentType)) return null;
  const label = ORG_TYPE_SHORT_LABELS[type];
  if (parentType === null) return `${label}需要选择上级组织`;
  const allowed = ORG_PARENT_TYPES[type];
  if (!allowed.length) return `${label}是最上级组织，不能有上级组织`;
  return `${label}的上级只能是${allowed.map((t) => ORG_TYPE_SHORT_LABELS[t]).join('或')}`;
}

/** Types that may have children at all (the page offers only these as parents). */
export function canHaveChildren(type: OrgType): boolean {
  return Object.values(ORG_PARENT_TYPES).some((parents) => parents.includes(type));
}

/**
 * Organisations in tree order (each parent before its children, siblings by code) with their
 * depth, for an indented list. Orgs whose parent is not in the list are shown as roots.
 */
export function orderAsTree<T extends { id: string; parentId: string | null; code: string }>(orgs: readonly T[]): Array<T & { depth: number }> {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, T[]>();
  for (const o of orgs) {
    const key = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(key, [...(children.get(key) ?? []), o]);
  }
  const out: Array<T & { depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const o of [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code))) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      out.push({ ...o, depth });
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
