import { Column, Entity, Index } from 'typeorm';
import { IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * The live SMS login code of one phone. The phone is kept only as its blind index (an unknown
 * number asking for a code is not yet anybody's personal record) and the code only as an HMAC.
 * One row per phone: a new code replaces the previous one.
 */
@Entity('sms_codes')
export class SmsCodeEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('uq_sms_codes_phone_index', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  phoneIndex: string;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  /** Raised by every new code: the guard of the conditional updates that issue and consume codes. */
  @Column({ type: 'integer' })
  generation: number;

  /** Wrong codes entered against this code; at 5 it is void. */
  @Column({ type: 'integer' })
  attempts: number;

  @InstantColumn()
  sentAt: Date;

  @InstantColumn()
  expiresAt: Date;

  @InstantColumn({ nullable: true })
  usedAt: Date | null;
}
