import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * One stored photo, generic over what it belongs to: `ownerType` names the domain ('claim',
 * 'hardship', …) and `ownerId` the case. The bytes live in FileStorage under random keys.
 *
 * `dedupKey` is the SHA-256 of the original while the photo is live and NULL once it is removed,
 * so the unique index (ownerType, ownerId, dedupKey) makes "the same photo twice in one case is
 * one photo" a database guarantee, while removed photos stay for the history (NULLs never collide).
 */
@Entity('documents')
@Index('idx_documents_owner', ['ownerType', 'ownerId'])
@Index('uq_documents_owner_dedup', ['ownerType', 'ownerId', 'dedupKey'], { unique: true })
export class DocumentEntity {
  @IdPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 20 })
  ownerType: string;

  @IdColumn()
  ownerId: string;

  /** What the paper is, in the owner domain's words (e.g. 'invoice'). */
  @Column({ type: 'varchar', length: 30 })
  docType: string;

  @IdColumn()
  uploadedBy: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  dedupKey: string | null;

  /** As uploaded: jpeg, png, webp or heic (by magic bytes). */
  @Column({ type: 'varchar', length: 10 })
  originalFormat: string;

  @Column({ type: 'integer' })
  originalBytes: number;

  /** The stored, re-encoded JPEG. */
  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'integer' })
  bytes: number;

  @Column({ type: 'varchar', length: 100 })
  storageKey: string;

  @Column({ type: 'varchar', length: 100 })
  thumbKey: string;

  /**
   * Envelope encryption of the two files (file-cipher.ts): each file's data key wrapped by FILE_KEY
   * of `keyVersion`. All three NULL only for a photo stored before encryption, still plain until
   * `npm run files -- rewrap` seals it.
   */
  @Column({ type: 'integer', nullable: true })
  keyVersion: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  mainKeyWrap: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  thumbKeyWrap: string | null;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn({ nullable: true })
  removedAt: Date | null;
}
