import { Column, Entity, Index } from 'typeorm';
import type { ApplicationKind, ApplicationStatus } from '@unionhome/shared';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * A worker's application to join (or transfer to) a grassroots union.
 *
 * The ID number is stored only as AES-GCM ciphertext plus its blind index. While the application
 * is pending, `openUserId` repeats the applicant under a unique index (NULL once decided; NULLs
 * never collide), so one account never has two open applications. `openIdNumberIndex` repeats the
 * number under a plain index: several accounts may give one number, and the officer sees it contested
 * (the first to apply must not lock the real person out).
 */
@Entity('membership_applications')
@Index('idx_membership_applications_org_status', ['orgId', 'status', 'createdAt'])
@Index('idx_membership_applications_invite', ['inviteId', 'createdAt'])
export class MembershipApplicationEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  orgId: string;

  @IdColumn()
  inviteId: string;

  @Index('idx_membership_applications_user')
  @IdColumn()
  userId: string;

  @Column({ type: 'varchar', length: 10 })
  kind: ApplicationKind;

  @Column({ type: 'varchar', length: 10 })
  status: ApplicationStatus;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** NULL once a rejected application's ID number has been deleted (as the consent text promises). */
  @Column({ type: 'text', nullable: true })
  idNumberCipher: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  idNumberIndex: string | null;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 100 })
  employer: string;

  @Column({ type: 'varchar', length: 30, default: '' })
  jobType: string;

  @Column({ type: 'varchar', length: 20 })
  noticeVersion: string;

  @Column({ type: 'varchar', length: 20 })
  consentVersion: string;

  @InstantColumn()
  consentAt: Date;

  /** For a transfer: the union the worker was a member of when applying. */
  @IdColumn({ nullable: true })
  fromOrgId: string | null;

  @Index('uq_membership_applications_open_user', { unique: true })
  @IdColumn({ nullable: true })
  openUserId: string | null;

  @Index('idx_membership_applications_open_id_number')
  @Column({ type: 'varchar', length: 64, nullable: true })
  openIdNumberIndex: string | null;

  @IdColumn({ nullable: true })
  membershipId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  memberNo: string | null;

  @IdColumn({ nullable: true })
  decidedBy: string | null;

  @InstantColumn({ nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  @InstantColumn()
  createdAt: Date;
}

/** What an applicant hands in; the rest of a new application follows from it. */
export type ApplicationInput = Pick<
  MembershipApplicationEntity,
  'orgId' | 'inviteId' | 'userId' | 'kind' | 'name' | 'idNumberCipher' | 'idNumberIndex' | 'phone' | 'employer' | 'jobType' | 'noticeVersion' | 'consentVersion' | 'fromOrgId'
>;

/** A pending application: it holds the open keys (one open application per account; the number, for the contested check) and no decision yet. */
export function pendingApplication(input: ApplicationInput, id: string, now: Date): MembershipApplicationEntity {
  return {
    ...input,
    id,
    status: 'pending',
    consentAt: now,
    openUserId: input.userId,
    openIdNumberIndex: input.idNumberIndex,
    membershipId: null,
    memberNo: null,
    decidedBy: null,
    decidedAt: null,
    rejectReason: null,
    createdAt: now,
  };
}
