import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * A refresh token, stored only as its SHA-256. Rotation: using one marks it used and issues the
 * next in the same family; presenting a used token again revokes the whole family (token theft).
 */
@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('uq_refresh_tokens_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('idx_refresh_tokens_user')
  @IdColumn()
  userId: string;

  @IdColumn()
  familyId: string;

  @InstantColumn()
  expiresAt: Date;

  @InstantColumn({ nullable: true })
  usedAt: Date | null;

  @InstantColumn({ nullable: true })
  revokedAt: Date | null;

  @InstantColumn()
  createdAt: Date;
}
