import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { auditInstant, auditRowHash } from './audit-chain';
import { AuditLogEntity } from './entities/audit-log.entity';
import { Clock } from './clock';
import { newId } from './ids';
import { TransactionRunner } from './transaction-runner';

/**
 * Writes who read or changed whose sensitive record (PIPL art. 28–30). Only ever appends: there is
 * no update or delete of an audit row anywhere in the code, and the rows form a hash chain
 * (audit-chain.ts) that GET /admin/audit/verify recomputes.
 */
@Injectable()
export class AuditService {
  constructor(private readonly tx: TransactionRunner, private readonly clock: Clock) {}

  /**
   * Inside a running transaction the row joins it (and commits or rolls back with the change it
   * records). The chain head stays locked until that transaction ends, so callers record last.
   */
  async record(actorId: string, action: string, subjectType: string, subjectId: string, detail?: string): Promise<void> {
    await this.tx.run(async (em) => {
      const head = await this.lockHead(em);
      const row = { id: newId(), seq: head.seq + 1, actorId, action, subjectType, subjectId, detail: detail ?? null, createdAt: auditInstant(this.clock.now()) };
      const hash = auditRowHash(row, head.hash);
      await em.insert(AuditLogEntity, { ...row, prevHash: head.hash, hash });
      await em.query('UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1', [row.seq, hash]);
    });
  }

  /** SQLite has no FOR UPDATE, and needs none: the TransactionRunner runs its writes one at a time. */
  private async lockHead(em: EntityManager): Promise<{ seq: number; hash: string }> {
    const sql = `SELECT seq, hash FROM audit_chain_head WHERE id = 1${this.tx.kind === 'mysql' ? ' FOR UPDATE' : ''}`;
    const rows: Array<{ seq: number | string; hash: string }> = await em.query(sql);
    if (!rows.length) throw new Error('audit_chain_head has no row: the AuditChain migration did not run');
    return { seq: Number(rows[0].seq), hash: rows[0].hash };
  }
}
