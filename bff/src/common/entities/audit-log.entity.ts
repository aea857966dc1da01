import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/** Who read or changed which person's sensitive record, and when (PIPL: staff reads are audited). */
@Entity('audit_logs')
@Index('idx_audit_subject', ['subjectType', 'subjectId'])
export class AuditLogEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  actorId: string;

  @Column({ type: 'varchar', length: 50 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @IdColumn()
  subjectId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  detail: string | null;

  @InstantColumn()
  createdAt: Date;
}
