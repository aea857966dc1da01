import { Column, Entity, Index } from 'typeorm';
import { IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * The first response to a POST sent with an Idempotency-Key. `keyHash` = SHA-256 of
 * (user, route, key) under a unique index, so concurrent repeats race on the index, not in memory.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('uq_idempotency_key_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  /** pending while the first request runs; done once its response is stored. */
  @Column({ type: 'varchar', length: 10 })
  state: 'pending' | 'done';

  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'text', nullable: true })
  responseBody: string | null;

  @InstantColumn()
  createdAt: Date;
}
