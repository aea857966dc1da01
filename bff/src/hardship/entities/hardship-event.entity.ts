import { Column, Entity, Index } from 'typeorm';
import type { HardshipStatus } from '@unionhome/shared';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

export type HardshipActorRole = 'applicant' | 'officer' | 'hardship_reviewer';

/**
 * One step of a case's timeline: who (and in which role) moved it to which status, and why.
 * `seq` numbers the steps of one case (1, 2, …): instants on MySQL have whole seconds only, so two
 * steps in the same second would otherwise have no order.
 */
@Entity('hardship_events')
@Index('uq_hardship_events_seq', ['applicationId', 'seq'], { unique: true })
export class HardshipEventEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  applicationId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 12 })
  status: HardshipStatus;

  @IdColumn()
  actorId: string;

  @Column({ type: 'varchar', length: 20 })
  actorRole: HardshipActorRole;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @InstantColumn()
  at: Date;
}
