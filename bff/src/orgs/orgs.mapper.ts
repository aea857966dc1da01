import type { OrgResponse } from '@unionhome/shared';
import { OrgEntity } from './entities/org.entity';

export function toOrgResponse(o: OrgEntity): OrgResponse {
  return { id: o.id, code: o.code, name: o.name, type: o.type, parentId: o.parentId, regionCode: o.regionCode };
}
