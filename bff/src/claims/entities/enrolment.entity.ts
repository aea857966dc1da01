import { Entity, Index } from 'typeorm';
import { FenColumn, IdColumn, IdPrimaryColumn, InstantColumn, LocalDateColumn } from '../../database/columns';

/**
 * A member's cover under one plan. `usedAmount` is what approvals have taken from the annual cap;
 * approvals lock this row (SELECT … FOR UPDATE on MySQL) before reading it, so two reviewers
 * approving two claims of one member at the same moment can never exceed the cap together.
 */
@Entity('plan_enrolments')
@Index('uq_plan_enrolments_plan_user', ['planId', 'userId'], { unique: true })
export class EnrolmentEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  planId: string;

  @Index('idx_plan_enrolments_user')
  @IdColumn()
  userId: string;

  /** The member's union when enrolled (officer scoping). */
  @IdColumn()
  orgId: string;

  @LocalDateColumn()
  coverageStart: string;

  @LocalDateColumn()
  coverageEnd: string;

  @LocalDateColumn()
  waitingEndsOn: string;

  @FenColumn({ default: 0 })
  usedAmount: number;

  @IdColumn()
  enrolledBy: string;

  @InstantColumn()
  createdAt: Date;
}
