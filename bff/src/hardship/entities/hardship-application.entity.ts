import { Column, Entity, Index } from 'typeorm';
import type { AidType, HardshipSituation, HardshipStatus } from '@unionhome/shared';
import { BoolColumn, FenColumn, IdColumn, IdPrimaryColumn, InstantColumn, LocalDateColumn } from '../../database/columns';

/**
 * One hardship application (困难职工网上申报) from draft to the archive.
 *
 * The household (names, ID numbers, incomes), the necessary expenses and the description are
 * sensitive personal information: they live only in `dataCipher`, AES-256-GCM ciphertext of one
 * JSON document (HardshipData). The plain columns are what queues filter and sort on.
 *
 * `openApplicantId` equals `applicantId` while the case is open (draft … checked) and is NULL once
 * it is decided: its unique index makes "one open application per person" a database guarantee
 * that concurrent creates cannot slip past (NULLs do not collide on MySQL or SQLite).
 */
@Entity('hardship_applications')
@Index('idx_hardship_status_region', ['status', 'regionCode'])
export class HardshipApplicationEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('idx_hardship_applicant')
  @IdColumn()
  applicantId: string;

  @Index('uq_hardship_open_applicant', { unique: true })
  @IdColumn({ nullable: true })
  openApplicantId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: HardshipStatus;

  @Column({ type: 'varchar', length: 20 })
  situation: HardshipSituation;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  /** The grassroots union whose officers (and their superiors) do the first check. */
  @Index('idx_hardship_org')
  @IdColumn()
  orgId: string;

  /** Number of household members (0 while the household has not been entered). */
  @Column({ type: 'integer' })
  householdSize: number;

  @Column({ type: 'text' })
  dataCipher: string;

  @BoolColumn(false)
  assetCheckConsent: boolean;

  @InstantColumn({ nullable: true })
  consentAt: Date | null;

  /** The region's standard the case is measured against: current while editable, fixed at submission. */
  @FenColumn()
  minimumLiving: number;

  @Column({ type: 'simple-json', nullable: true })
  aidTypes: AidType[] | null;

  @Index('uq_hardship_archive_no', { unique: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  archiveNo: string | null;

  @Index('idx_hardship_recheck_due')
  @LocalDateColumn({ nullable: true })
  recheckDue: string | null;

  @InstantColumn({ nullable: true })
  submittedAt: Date | null;

  @InstantColumn({ nullable: true })
  decidedAt: Date | null;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  updatedAt: Date;
}
