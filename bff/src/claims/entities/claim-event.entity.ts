import { Column, Entity, Index } from 'typeorm';
import type { ClaimActor, ClaimDocumentType, ClaimStatus } from '@unionhome/shared';
import { FenColumn, IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * One step of a claim's timeline: who moved it to which status, when and why. `seq` numbers the
 * steps of one claim; its unique index also refuses two transitions written from the same state.
 */
@Entity('claim_events')
@Index('uq_claim_events_claim_seq', ['claimId', 'seq'], { unique: true })
export class ClaimEventEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  claimId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 20 })
  status: ClaimStatus;

  @IdColumn()
  actorId: string;

  @Column({ type: 'varchar', length: 10 })
  actorRole: ClaimActor;

  @Column({ type: 'varchar', length: 30, nullable: true })
  reasonCode: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @FenColumn({ nullable: true })
  amount: number | null;

  @Column({ type: 'simple-json', nullable: true })
  documentTypes: ClaimDocumentType[] | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reference: string | null;

  @InstantColumn()
  createdAt: Date;
}
