import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * A join QR code of one grassroots union. `usedCount` only ever grows through one conditional
 * UPDATE (… WHERE usedCount < maxUses), so concurrent scans never overrun the limit.
 */
@Entity('membership_invites')
@Index('idx_membership_invites_org_created', ['orgId', 'createdAt'])
export class MembershipInviteEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  orgId: string;

  @Index('uq_membership_invites_token', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  token: string;

  @IdColumn()
  createdBy: string;

  @InstantColumn()
  expiresAt: Date;

  @Column({ type: 'integer', nullable: true })
  maxUses: number | null;

  @Column({ type: 'integer', default: 0 })
  usedCount: number;

  @InstantColumn({ nullable: true })
  revokedAt: Date | null;

  @InstantColumn()
  createdAt: Date;
}
