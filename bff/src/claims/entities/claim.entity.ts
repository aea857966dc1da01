import { Column, Entity, Index } from 'typeorm';
import type { ClaimDocumentType, ClaimInvoice, ClaimStatus } from '@unionhome/shared';
import { FenColumn, IdColumn, IdPrimaryColumn, InstantColumn, LocalDateColumn } from '../../database/columns';

/** A medical mutual-aid claim, from the step-1 draft to payment. */
@Entity('claims')
@Index('idx_claims_user_created', ['userId', 'createdAt'])
@Index('idx_claims_status_submitted', ['status', 'submittedAt'])
export class ClaimEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  userId: string;

  @IdColumn()
  planId: string;

  @Index('idx_claims_enrolment')
  @IdColumn()
  enrolmentId: string;

  @Column({ type: 'varchar', length: 20 })
  status: ClaimStatus;

  @Column({ type: 'varchar', length: 100 })
  hospital: string;

  @LocalDateColumn()
  admissionDate: string;

  @LocalDateColumn()
  dischargeDate: string;

  @FenColumn()
  totalAmount: number;

  @FenColumn()
  insurancePaid: number;

  @FenColumn()
  otherReimbursed: number;

  @Column({ type: 'simple-json' })
  invoices: ClaimInvoice[];

  /** The payout the rule gave when the worker submitted (what they were shown). */
  @FenColumn({ nullable: true })
  submittedEstimate: number | null;

  @FenColumn({ nullable: true })
  approvedAmount: number | null;

  /** What the reviewer asked for, while the status is need_documents. */
  @Column({ type: 'simple-json', nullable: true })
  requestedDocuments: ClaimDocumentType[] | null;

  @InstantColumn({ nullable: true })
  requestedAt: Date | null;

  /** The photos of the requested types when the reviewer asked: resubmission needs a new one of each type. */
  @Column({ type: 'simple-json', nullable: true })
  documentsAtRequest: string[] | null;

  @InstantColumn({ nullable: true })
  submittedAt: Date | null;

  @InstantColumn({ nullable: true })
  decidedAt: Date | null;

  @IdColumn({ nullable: true })
  reviewerId: string | null;

  @InstantColumn({ nullable: true })
  paidAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  paidReference: string | null;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  updatedAt: Date;
}
