import { Column, Entity, Index } from 'typeorm';
import type { VenueKind } from '@unionhome/shared';
import { BoolColumn, IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * A bookable place or course of a workers' cultural palace (org type `palace`), with its booking
 * rules as plain columns (DESIGN.md §4): typed, validated, and readable in one row with the venue.
 */
@Entity('venues')
export class VenueEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('idx_venues_org')
  @IdColumn()
  orgId: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  kind: VenueKind;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  location: string;

  @BoolColumn(true)
  active: boolean;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'integer' })
  opensDaysAhead: number;

  @Column({ type: 'integer' })
  opensAtHour: number;

  @BoolColumn(true)
  membersOnly: boolean;

  @Column({ type: 'integer', nullable: true })
  maxPerDay: number | null;

  @Column({ type: 'integer', nullable: true })
  maxPerWeek: number | null;

  @Column({ type: 'integer' })
  cancelCutoffHours: number;

  @Column({ type: 'integer' })
  noShowGraceMinutes: number;

  @BoolColumn(true)
  noShowCounts: boolean;

  @BoolColumn(true)
  waitlist: boolean;

  /** Version of the printed check-in code; raised when staff replace the code (old prints stop working). */
  @Column({ type: 'integer', default: 1 })
  checkInCodeVersion: number;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  updatedAt: Date;
}
