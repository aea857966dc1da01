import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isEditableHardshipStatus, toBusinessIso, type HardshipDocumentType, type StoredDocumentResponse } from '@unionhome/shared';
import { conflict, notFound } from '../common/app-exception';
import { AuthUser } from '../common/auth-user';
import { DocumentRef, FileAccess, FileAccessPolicy } from '../files/file-access.registry';
import { FilesService, StoredDocument } from '../files/files.service';
import { HardshipApplicationEntity } from './entities/hardship-application.entity';
import { HardshipAccess } from './hardship-access';
import { HardshipRepository } from './hardship.repository';

/** The owner type of hardship attachments in the generic documents table. */
export const HARDSHIP_OWNER_TYPE = 'hardship';
/** Enough for a thick bundle of bills; a runaway client stops here (422 TOO_MANY_DOCUMENTS). */
export const MAX_HARDSHIP_DOCUMENTS = 30;

export function toDocumentResponse(d: StoredDocument): StoredDocumentResponse {
  return { id: d.id, type: d.docType, width: d.width, height: d.height, bytes: d.bytes, duplicate: d.duplicate, createdAt: toBusinessIso(d.createdAt) };
}

/**
 * Attachments of a case (medical bills, disability certificate, layoff proof …) through the
 * shared photo pipeline (bff/src/files), and who may see them at GET /files/{id}: the applicant,
 * the first-check officer of the case's union subtree and hardship reviewers — never while the
 * case is another person's draft.
 */
@Injectable()
export class HardshipDocuments implements FileAccessPolicy {
  constructor(private readonly files: FilesService, private readonly repo: HardshipRepository, private readonly caseAccess: HardshipAccess) {}

  async list(applicationId: string): Promise<StoredDocumentResponse[]> {
    return (await this.files.listFor(HARDSHIP_OWNER_TYPE, applicationId)).map(toDocumentResponse);
  }

  async add(user: AuthUser, applicationId: string, type: HardshipDocumentType, data: Buffer): Promise<StoredDocumentResponse> {
    this.editableBy(user, await this.repo.findById(applicationId));
    const doc = await this.files.store(
      { ownerType: HARDSHIP_OWNER_TYPE, ownerId: applicationId, docType: type, uploadedBy: user.id, data, maxPerOwner: MAX_HARDSHIP_DOCUMENTS },
      (em) => this.guard(em, user, applicationId),
    );
    return toDocumentResponse(doc);
  }

  /** A draft's photo is deleted for good; once staff have seen the case (returned), it is kept for the history. */
  async remove(user: AuthUser, applicationId: string, documentId: string): Promise<void> {
    const app = this.editableBy(user, await this.repo.findById(applicationId));
    const removed = await this.files.remove(
      { ownerType: HARDSHIP_OWNER_TYPE, ownerId: applicationId, documentId, keepHistory: app.status !== 'draft' },
      (em) => this.guard(em, user, applicationId),
    );
    if (!removed) throw notFound('DOCUMENT_NOT_FOUND');
  }

  async access(user: AuthUser, doc: DocumentRef): Promise<FileAccess> {
    const app = await this.repo.findById(doc.ownerId);
    if (!app) return 'none';
    if (app.applicantId === user.id) return 'owner';
    return (await this.caseAccess.staffMaySee(user, app)) ? 'staff' : 'none';
  }

  /** Runs inside the write's transaction: the case is still the caller's and still editable. */
  private async guard(em: EntityManager, user: AuthUser, applicationId: string): Promise<void> {
    this.editableBy(user, await this.repo.lockById(em, applicationId));
  }

  private editableBy(user: AuthUser, app: HardshipApplicationEntity | null): HardshipApplicationEntity {
    if (!app || app.applicantId !== user.id) throw notFound('HARDSHIP_APPLICATION_NOT_FOUND');
    if (!isEditableHardshipStatus(app.status)) throw conflict('APPLICATION_NOT_EDITABLE');
    return app;
  }
}
