import { Injectable } from '@nestjs/common';
import { notFound } from '../common/app-exception';
import { AuthUser } from '../common/auth-user';
import { OrgEntity } from '../orgs/entities/org.entity';
import { OrgsRepository } from '../orgs/orgs.repository';

/**
 * Which unions an officer may act for: their own and every one below it (admins: all).
 * Anything else answers 404, as if it did not exist (DESIGN.md: not 403).
 */
@Injectable()
export class OfficerScope {
  constructor(private readonly orgs: OrgsRepository) {}

  covers(user: AuthUser, org: Pick<OrgEntity, 'id' | 'path'>): boolean {
    if (user.roles.includes('admin')) return true;
    const own = user.orgs.officer;
    return !!own && user.roles.includes('officer') && (org.id === own || org.path.includes(`/${own}/`));
  }

  /** The union, if the caller may act for it; else 404 ORG_NOT_FOUND. */
  async org(user: AuthUser, orgId: string): Promise<OrgEntity> {
    const org = await this.orgs.findById(orgId);
    if (!org || !this.covers(user, org)) throw notFound('ORG_NOT_FOUND');
    return org;
  }

  /** The union and its subtree, for list queries. */
  async orgIds(user: AuthUser, orgId: string): Promise<{ org: OrgEntity; ids: string[] }> {
    const org = await this.org(user, orgId);
    return { org, ids: await this.orgs.subtreeIds(org.id) };
  }

  async orgIdCovered(user: AuthUser, orgId: string): Promise<boolean> {
    const org = await this.orgs.findById(orgId);
    return !!org && this.covers(user, org);
  }
}
