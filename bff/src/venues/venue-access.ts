import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth-user';
import { OrgsRepository } from '../orgs/orgs.repository';

/**
 * Who may manage which venue: admins every venue, venue staff the venues of their palace (and
 * anything below it in the org tree). Callers answer 404 for a venue outside the caller's scope.
 */
@Injectable()
export class VenueAccess {
  constructor(private readonly orgs: OrgsRepository) {}

  isAdmin(user: AuthUser): boolean {
    return user.roles.includes('admin');
  }

  staffOrg(user: AuthUser): string | null {
    return user.roles.includes('venue_staff') ? (user.orgs.venue_staff ?? null) : null;
  }

  async manages(user: AuthUser, venue: { orgId: string }): Promise<boolean> {
    if (this.isAdmin(user)) return true;
    const org = this.staffOrg(user);
    return !!org && this.orgs.isWithin(venue.orgId, org);
  }

  /** The orgs whose venues the caller manages; undefined = all (admin). */
  async managedOrgIds(user: AuthUser): Promise<string[] | undefined> {
    if (this.isAdmin(user)) return undefined;
    const org = this.staffOrg(user);
    return org ? this.orgs.subtreeIds(org) : [];
  }
}
