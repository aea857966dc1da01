import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn, LocalDateColumn } from '../../database/columns';

export const MEMBERSHIP_STATUSES = ['active', 'left'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/**
 * A person's membership of one grassroots union. `activeUserId` equals `userId` while the
 * membership is active and is NULL once it ends: its unique index makes "never two active
 * memberships" a database guarantee (NULLs do not collide on MySQL or SQLite).
 */
@Entity('memberships')
export class MembershipEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('idx_memberships_user')
  @IdColumn()
  userId: string;

  @Index('uq_memberships_active_user', { unique: true })
  @IdColumn({ nullable: true })
  activeUserId: string | null;

  @Index('idx_memberships_org')
  @IdColumn()
  orgId: string;

  @Index('uq_memberships_member_no', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  memberNo: string;

  @Column({ type: 'varchar', length: 10 })
  status: MembershipStatus;

  @Column({ type: 'varchar', length: 100, default: '' })
  employer: string;

  @Column({ type: 'varchar', length: 30, default: '' })
  jobType: string;

  @LocalDateColumn()
  joinedAt: string;

  @InstantColumn({ nullable: true })
  leftAt: Date | null;

  @InstantColumn()
  createdAt: Date;
}
