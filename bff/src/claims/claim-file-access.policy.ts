import { Injectable } from '@nestjs/common';
import { AuthUser, hasRole } from '../common/auth-user';
import { DocumentRef, FileAccess, FileAccessPolicy } from '../files/file-access.registry';
import { ClaimsRepository } from './claims.repository';

/** Claim photos: the claimant; claim reviewers once the claim is submitted (drafts are private). */
@Injectable()
export class ClaimFileAccessPolicy implements FileAccessPolicy {
  constructor(private readonly repo: ClaimsRepository) {}

  async access(user: AuthUser, doc: DocumentRef): Promise<FileAccess> {
    const claim = await this.repo.findClaim(doc.ownerId);
    if (!claim) return 'none';
    if (claim.userId === user.id) return doc.removed ? 'none' : 'owner';
    if (hasRole(user, 'claim_reviewer') && claim.status !== 'draft') return 'staff';
    return 'none';
  }
}
