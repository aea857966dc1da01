import { Column, Entity, Index } from 'typeorm';
import { IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * A person who has logged in. The ID number is sensitive personal information: only its
 * AES-256-GCM ciphertext and an HMAC blind index (for uniqueness and look-up) are stored.
 */
@Entity('users')
export class UserEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('uq_users_phone', { unique: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Index('uq_users_openid', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid: string | null;

  @Column({ type: 'varchar', length: 50, default: '' })
  name: string;

  @Column({ type: 'text', nullable: true })
  idNumberCipher: string | null;

  @Index('uq_users_id_number_index', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  idNumberIndex: string | null;

  /** Member tags that change payouts, e.g. hardship (困难职工) or model worker (劳模). */
  @Column({ type: 'simple-json', nullable: true })
  tags: string[] | null;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn({ nullable: true })
  lastLoginAt: Date | null;

  /** Access tokens carry the version they were issued under; raising it voids them (JwtAuthGuard). */
  @Column({ type: 'integer', default: 0 })
  authVersion: number;
}
