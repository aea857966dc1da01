export const ORG_TYPES = ['city', 'district', 'street', 'industry', 'grassroots', 'palace'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  city: '市总工会',
  district: '区/县总工会',
  street: '街道/乡镇工会',
  industry: '行业工会联合会',
  grassroots: '基层工会',
  palace: '工人文化宫',
};

export interface OrgResponse {
  id: string;
  code: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  regionCode: string | null;
}

export * from './credit-code';
export * from './tree';

/** An organisation as the admin pages see it: everything, inactive ones included. */
export interface AdminOrgResponse extends OrgResponse {
  creditCode: string | null;
  active: boolean;
  /** 0 for a root, 1 for its children, … */
  depth: number;
  createdAt: string;
}

export interface CreateOrgRequest {
  code: string;
  name: string;
  type: OrgType;
  parentId?: string | null;
  regionCode?: string | null;
  creditCode?: string | null;
}

/** Rename, move (`parentId`, null for the root), fix the codes, deactivate or reactivate. Code and type stay. */
export interface UpdateOrgRequest {
  name?: string;
  parentId?: string | null;
  regionCode?: string | null;
  creditCode?: string | null;
  active?: boolean;
}

/** The CSV import: the header line, exactly (columns in this order). */
export const ORG_IMPORT_COLUMNS = ['code', 'name', 'type', 'parentCode', 'regionCode', 'creditCode'] as const;
export const ORG_IMPORT_HEADER = ORG_IMPORT_COLUMNS.join(',');
/** The largest CSV the import takes (a province's tree is well under this). */
export const ORG_IMPORT_MAX_BYTES = 1024 * 1024;

export interface OrgImportError {
  /** Line of the file, the header being line 1. */
  line: number;
  message: string;
}

/** `updated` counts rows that matched an existing org by code (changed or not): a re-import counts the same. */
export interface OrgImportResult {
  created: number;
  updated: number;
  errors: OrgImportError[];
}
