import { Injectable } from '@nestjs/common';
import { AuthUser, hasRole } from '../common/auth-user';
import { OrgsRepository } from '../orgs/orgs.repository';
import { HardshipApplicationEntity } from './entities/hardship-application.entity';
import { StaffScope } from './hardship.repository';

/**
 * Who may see and act on a case besides the applicant. Hardship reviewers (and admins) see every
 * submitted case; an officer sees the cases whose first-check union lies in their union's subtree.
 * Nobody but the applicant sees a draft. Everything else answers 404, as if the case did not exist.
 */
@Injectable()
export class HardshipAccess {
  constructor(private readonly orgs: OrgsRepository) {}

  isReviewer(user: AuthUser): boolean {
    return hasRole(user, 'hardship_reviewer');
  }

  /** Admins pass every role check, but their first checks are not scoped to one union. */
  async officerCovers(user: AuthUser, orgId: string): Promise<boolean> {
    if (user.roles.includes('admin')) return true;
    const officerOrg = user.orgs.officer;
    if (!user.roles.includes('officer') || !officerOrg) return false;
    return this.orgs.isWithin(orgId, officerOrg);
  }

  async staffMaySee(user: AuthUser, app: HardshipApplicationEntity): Promise<boolean> {
    if (app.status === 'draft') return false;
    return this.isReviewer(user) || this.officerCovers(user, app.orgId);
  }

  async mayFirstCheck(user: AuthUser, app: HardshipApplicationEntity): Promise<boolean> {
    return app.status !== 'draft' && this.officerCovers(user, app.orgId);
  }

  async staffScope(user: AuthUser): Promise<StaffScope> {
    if (this.isReviewer(user)) return { all: true };
    const officerOrg = user.roles.includes('officer') ? user.orgs.officer : undefined;
    return { all: false, orgIds: officerOrg ? await this.orgs.subtreeIds(officerOrg) : [] };
  }
}
