/**
 * Photos for any domain (claims today, hardship next). How another domain uses it:
 *
 *   // 1. its module imports FilesModule and registers who may see its photos, once:
 *   @Module({ imports: [FilesModule], … })
 *   export class HardshipModule {
 *     constructor(registry: FileAccessRegistry, policy: HardshipFileAccessPolicy) {
 *       registry.register('hardship', policy); // policy.access(user, doc) → 'owner' | 'staff' | 'none'
 *     }
 *   }
 *
 *   // 2. its upload route parses one photo in the multipart field `file`:
 *   @Post(':id/documents')
 *   @UseInterceptors(ImageUploadInterceptor)
 *   upload(@UploadedFile() file: Express.Multer.File | undefined, @Body() dto: …) {
 *     return this.service.addDocument(user, id, dto.type, requireUpload(file));
 *   }
 *
 *   // 3. its service checks the case (exists, caller's, editable), then stores; `guard` runs
 *   //    inside the insert's transaction, so lock and re-check the case there:
 *   const doc = await this.files.store(
 *     { ownerType: 'hardship', ownerId: app.id, docType: type, uploadedBy: user.id, data, maxPerOwner: 30 },
 *     async (em) => { await lockAndCheckEditable(em, app.id); },
 *   );
 *   // → StoredDocument; doc.duplicate is true when the same photo was already attached to this case.
 *
 *   // 4. list and remove through the same service; the mini-app shows photos from
 *   //    GET /files/{id} (and ?size=thumb), which asks the registered policy (404 when 'none').
 *   await this.files.listFor('hardship', app.id);
 *   await this.files.remove({ ownerType: 'hardship', ownerId: app.id, documentId, keepHistory: false }, guard);
 *
 * The upload policy (type by magic bytes, 10 MB, pixel limit, re-encoding, thumbnail) lives in
 * upload-policy.ts; storage (local disk or S3-compatible) behind the FileStorage port. Every byte
 * written to storage is sealed by FileCipher first (per-file key, wrapped by FILE_KEY, kept in the
 * row) and opened again only in `read`, behind GET /files/{id}'s access check.
 */
import { HttpStatus, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { Clock } from '../common/clock';
import { AppException, unprocessable } from '../common/app-exception';
import { newId } from '../common/ids';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { DocumentEntity } from './entities/document.entity';
import { DocumentRef } from './file-access.registry';
import { FileCipher, FileDecryptError, FilePart, fileContext } from './file-cipher';
import { deleteOrphans, FileStorage, newStorageKey } from './storage/file-storage';
import { assertAcceptedImage, processImage, sha256Hex, sniffImageFormat, UPLOAD_POLICY } from './upload-policy';

export interface StoreInput {
  ownerType: string;
  ownerId: string;
  docType: string;
  uploadedBy: string;
  /** The bytes as uploaded. */
  data: Buffer;
  /** Refuse (422 TOO_MANY_DOCUMENTS) when the case already has this many live photos. */
  maxPerOwner?: number;
}

/** A stored photo as domains see it (never the entity). */
export interface StoredDocument {
  id: string;
  ownerType: string;
  ownerId: string;
  docType: string;
  uploadedBy: string;
  width: number;
  height: number;
  bytes: number;
  createdAt: Date;
  removedAt: Date | null;
  /** true when this upload matched a photo already attached to the case. */
  duplicate: boolean;
}

export interface RemoveInput {
  ownerType: string;
  ownerId: string;
  documentId: string;
  /** true: mark removed but keep the photo for the case history; false: delete it for good. */
  keepHistory: boolean;
}

/** Runs inside the write's transaction, before it: lock the case and re-check it may change. */
export type OwnerGuard = (em: EntityManager) => Promise<void>;

export function toStoredDocument(d: DocumentEntity, duplicate = false): StoredDocument {
  return {
    id: d.id,
    ownerType: d.ownerType,
    ownerId: d.ownerId,
    docType: d.docType,
    uploadedBy: d.uploadedBy,
    width: d.width,
    height: d.height,
    bytes: d.bytes,
    createdAt: d.createdAt,
    removedAt: d.removedAt,
    duplicate,
  };
}

export function toDocumentRef(d: DocumentEntity): DocumentRef {
  return { id: d.id, ownerType: d.ownerType, ownerId: d.ownerId, docType: d.docType, uploadedBy: d.uploadedBy, removed: d.removedAt !== null };
}

@Injectable()
export class FilesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FilesService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
    private readonly cipher: FileCipher,
  ) {}

  /** Photos stored before encryption are served as they are, but said at every start until sealed. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const plain = await this.tx.manager().countBy(DocumentEntity, { keyVersion: IsNull() });
      if (plain > 0) this.logger.warn({ plain }, 'photos stored before encryption are still plain: run `npm run files -- rewrap`');
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not count plain photos');
    }
  }

  /** Runs the upload policy, seals the photo and its thumbnail, stores them, and records them for the owner. */
  async store(input: StoreInput, guard?: OwnerGuard): Promise<StoredDocument> {
    assertAcceptedImage(input.data);
    const sha256 = sha256Hex(input.data);
    const existing = await this.findLiveBySha(input.ownerType, input.ownerId, sha256);
    if (existing) return toStoredDocument(existing, true);

    const image = await processImage(input.data);
    const id = newId();
    const storageKey = newStorageKey('d');
    const thumbKey = newStorageKey('t');
    const main = this.cipher.seal(image.main.data, fileContext(id, 'full'));
    const thumb = this.cipher.seal(image.thumb.data, fileContext(id, 'thumb'));
    await this.storage.put(storageKey, main.blob, UPLOAD_POLICY.contentType);
    try {
      await this.storage.put(thumbKey, thumb.blob, UPLOAD_POLICY.contentType);
      const row: DocumentEntity = {
        id,
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        docType: input.docType,
        uploadedBy: input.uploadedBy,
        sha256,
        dedupKey: sha256,
        originalFormat: image.format,
        originalBytes: image.originalBytes,
        width: image.main.width,
        height: image.main.height,
        bytes: image.main.data.length,
        storageKey,
        thumbKey,
        keyVersion: main.keyVersion,
        mainKeyWrap: main.wrap,
        thumbKeyWrap: thumb.wrap,
        createdAt: this.clock.now(),
        removedAt: null,
      };
      await this.tx.run(async (em) => {
        await guard?.(em);
        if (input.maxPerOwner !== undefined) {
          const live = await em.countBy(DocumentEntity, { ownerType: input.ownerType, ownerId: input.ownerId, removedAt: IsNull() });
          if (live >= input.maxPerOwner) throw unprocessable('TOO_MANY_DOCUMENTS');
        }
        await em.insert(DocumentEntity, row);
      });
      return toStoredDocument(row);
    } catch (err) {
      await this.purge([storageKey, thumbKey]);
      if (isUniqueViolation(err)) {
        // The same photo arrived twice at the same moment: the other upload won, use it.
        const winner = await this.findLiveBySha(input.ownerType, input.ownerId, sha256);
        if (winner) return toStoredDocument(winner, true);
      }
      throw err;
    }
  }

  /** The owner's photos, oldest first; removed ones only when asked (history views). */
  async listFor(ownerType: string, ownerId: string, opts: { includeRemoved?: boolean } = {}): Promise<StoredDocument[]> {
    const rows = await this.tx.manager().find(DocumentEntity, {
      where: opts.includeRemoved ? { ownerType, ownerId } : { ownerType, ownerId, removedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => toStoredDocument(r));
  }

  /** Types of the owner's live photos, e.g. for "which required papers are still missing". */
  async liveTypes(ownerType: string, ownerId: string, em: EntityManager = this.tx.manager()): Promise<string[]> {
    const rows = await em.find(DocumentEntity, { select: { docType: true }, where: { ownerType, ownerId, removedAt: IsNull() } });
    return [...new Set(rows.map((r) => r.docType))];
  }

  /** Removes one photo of the owner; false when there is no such live photo. */
  async remove(input: RemoveInput, guard?: OwnerGuard): Promise<boolean> {
    const purgeKeys: string[] = [];
    const removed = await this.tx.run(async (em) => {
      await guard?.(em);
      const doc = await em.findOneBy(DocumentEntity, { id: input.documentId, ownerType: input.ownerType, ownerId: input.ownerId, removedAt: IsNull() });
      if (!doc) return false;
      if (input.keepHistory) {
        await em.update(DocumentEntity, { id: doc.id }, { removedAt: this.clock.now(), dedupKey: null });
      } else {
        await em.delete(DocumentEntity, { id: doc.id });
        purgeKeys.push(doc.storageKey, doc.thumbKey);
      }
      return true;
    });
    // Bytes go only after the row is gone for good: a rolled-back removal never loses a photo.
    await this.purge(purgeKeys);
    return removed;
  }

  /** The row behind GET /files/{id} (removed photos included: reviewers see the history). */
  findById(id: string): Promise<DocumentEntity | null> {
    return this.tx.manager().findOneBy(DocumentEntity, { id });
  }

  /**
   * The photo or its thumbnail, decrypted; null when the storage has lost it. A file that does not
   * open (tampered, swapped from another document, its key version not configured) is logged and
   * answered 410 DOCUMENT_UNREADABLE: the caller learns the photo is broken, never why.
   */
  async read(doc: DocumentEntity, size: FilePart): Promise<Buffer | null> {
    const stored = await this.storage.get(size === 'thumb' ? doc.thumbKey : doc.storageKey);
    if (!stored) return null;
    const wrap = size === 'thumb' ? doc.thumbKeyWrap : doc.mainKeyWrap;
    if (doc.keyVersion === null || wrap === null) {
      // Stored before encryption and not yet sealed by `npm run files -- rewrap`: it must be our JPEG.
      if (sniffImageFormat(stored) === 'jpeg') return stored;
      throw this.unreadable(doc, size, 'a document without a key wrap whose file is not a plain JPEG');
    }
    try {
      return this.cipher.open(stored, wrap, doc.keyVersion, fileContext(doc.id, size));
    } catch (err) {
      if (err instanceof FileDecryptError) throw this.unreadable(doc, size, err.message);
      throw err;
    }
  }

  private unreadable(doc: DocumentEntity, size: FilePart, reason: string): AppException {
    this.logger.error({ documentId: doc.id, size, keyVersion: doc.keyVersion, reason }, 'stored photo cannot be decrypted');
    return new AppException('DOCUMENT_UNREADABLE', HttpStatus.GONE);
  }

  private findLiveBySha(ownerType: string, ownerId: string, sha256: string): Promise<DocumentEntity | null> {
    return this.tx.manager().findOneBy(DocumentEntity, { ownerType, ownerId, dedupKey: sha256 });
  }

  private purge(keys: string[]): Promise<void> {
    return deleteOrphans(this.storage, keys, this.logger);
  }
}

