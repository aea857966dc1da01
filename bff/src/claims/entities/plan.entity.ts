import { Column, Entity, Index } from 'typeorm';
import type { PayoutTier } from '@unionhome/shared';
import { BoolColumn, FenColumn, IdPrimaryColumn, InstantColumn, LocalDateColumn } from '../../database/columns';

/**
 * A mutual-aid plan (保障计划): configured by the city admin, not coded. The payout rule is the
 * shared `computePayout` over deductible, tiers, bonus and caps stored here.
 */
@Entity('mutual_aid_plans')
export class PlanEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('uq_mutual_aid_plans_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  /** Yearly premium (fen). */
  @FenColumn()
  premium: number;

  @LocalDateColumn()
  periodStart: string;

  @LocalDateColumn()
  periodEnd: string;

  @Column({ type: 'integer' })
  waitingPeriodDays: number;

  @Column({ type: 'integer' })
  claimDeadlineDays: number;

  @FenColumn()
  deductible: number;

  @Column({ type: 'simple-json' })
  tiers: PayoutTier[];

  @Column({ type: 'integer' })
  bonusBp: number;

  @Column({ type: 'simple-json' })
  bonusTags: string[];

  @FenColumn({ nullable: true })
  perClaimCap: number | null;

  @FenColumn({ nullable: true })
  annualCap: number | null;

  @BoolColumn(true)
  active: boolean;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  updatedAt: Date;
}
