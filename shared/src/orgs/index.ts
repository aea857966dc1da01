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
