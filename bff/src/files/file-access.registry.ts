import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user';

/** What a policy sees of a stored photo. */
export interface DocumentRef {
  id: string;
  ownerType: string;
  ownerId: string;
  docType: string;
  uploadedBy: string;
  removed: boolean;
}

/** 'owner': the person whose case it is; 'staff': a role-checked reader (the read is audited). */
export type FileAccess = 'owner' | 'staff' | 'none';

/** Who may see the photos of one owner type; registered by the domain that owns them. */
export interface FileAccessPolicy {
  access(user: AuthUser, doc: DocumentRef): Promise<FileAccess>;
}

/**
 * Per-ownerType access policies for GET /files/{id}. Each domain registers its own once, at
 * start-up (e.g. in its module's constructor); an owner type nobody registered is visible to no one.
 */
@Injectable()
export class FileAccessRegistry {
  private readonly policies = new Map<string, FileAccessPolicy>();

  register(ownerType: string, policy: FileAccessPolicy): void {
    if (this.policies.has(ownerType)) throw new Error(`a file access policy for "${ownerType}" is already registered`);
    this.policies.set(ownerType, policy);
  }

  async access(user: AuthUser, doc: DocumentRef): Promise<FileAccess> {
    const policy = this.policies.get(doc.ownerType);
    return policy ? policy.access(user, doc) : 'none';
  }
}
