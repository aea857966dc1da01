import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * Who read or changed which person's sensitive record, and when (PIPL: staff reads are audited).
 * Append-only: rows are only ever inserted (AuditService.record), each chained to the one before
 * by `prevHash`/`hash` in `seq` order (audit-chain.ts).
 */
@Entity('audit_logs')
@Index('idx_audit_subject', ['subjectType', 'subjectId'])
@Index('idx_audit_actor', ['actorId', 'seq'])
@Index('idx_audit_created', ['createdAt'])
export class AuditLogEntity {
  @IdPrimaryColumn()
  id: string;

  /** 1, 2, 3, … in the order rows were appended; a gap is a deleted row. */
  @Index('uq_audit_seq', { unique: true })
  @Column({ type: 'integer' })
  seq: number;

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

  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/**
 * The newest link of the chain, one row (id 1). Appends lock it (SELECT … FOR UPDATE on MySQL;
 * SQLite runs one write at a time anyway), so two concurrent appends can never both follow the
 * same row and fork the chain.
 */
@Entity('audit_chain_head')
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
