import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { AUDIT_GENESIS_HASH, auditRowHash } from '../../common/audit-chain';
import { isMysqlFamily } from '../data-source-options';
import { intCol, strCol } from '../migration-helpers';
import { instantOf, instantParam } from '../raw-values';

const BATCH = 1000;

/**
 * The audit log becomes a hash chain: `seq` (gapless append order), `prevHash` and `hash`
 * (audit-chain.ts), and `audit_chain_head`, the one row appends lock. Rows written before are
 * chained here in the order (createdAt, id). No triggers guard the table: the same SQL must run on
 * MySQL-compatible distributed engines (TiDB has none); no code path updates or deletes an audit row,
 * and the chain shows any change made behind the BFF's back.
 */
export class AuditChain1765000004000 implements MigrationInterface {
  name = 'AuditChain1765000004000';

  async up(q: QueryRunner): Promise<void> {
    const kind = isMysqlFamily(q.connection.options.type) ? 'mysql' : 'sqlite';
    const seq = new TableColumn(intCol('seq', true));
    const prevHash = new TableColumn(strCol('prevHash', 64, true));
    const hash = new TableColumn(strCol('hash', 64, true));
    await q.addColumns('audit_logs', [seq, prevHash, hash]);

    let head = { seq: 0, hash: AUDIT_GENESIS_HASH };
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const rows: RawAuditRow[] = after
        ? await q.query(`${SELECT_OLD} WHERE createdAt > ? OR (createdAt = ? AND id > ?) ORDER BY createdAt, id LIMIT ${BATCH}`, [
            instantParam(kind, after.createdAt),
            instantParam(kind, after.createdAt),
            after.id,
          ])
        : await q.query(`${SELECT_OLD} ORDER BY createdAt, id LIMIT ${BATCH}`);
      for (const r of rows) {
        const createdAt = instantOf(r.createdAt);
        const row = { seq: head.seq + 1, id: r.id, actorId: r.actorId, action: r.action, subjectType: r.subjectType, subjectId: r.subjectId, detail: r.detail ?? null, createdAt };
        const rowHash = auditRowHash(row, head.hash);
        await q.query('UPDATE audit_logs SET seq = ?, prevHash = ?, hash = ? WHERE id = ?', [row.seq, head.hash, rowHash, r.id]);
        head = { seq: row.seq, hash: rowHash };
        after = { createdAt, id: r.id };
      }
      if (rows.length < BATCH) break;
    }

    await q.changeColumns('audit_logs', [
      { oldColumn: seq, newColumn: new TableColumn(intCol('seq')) },
      { oldColumn: prevHash, newColumn: new TableColumn(strCol('prevHash', 64)) },
      { oldColumn: hash, newColumn: new TableColumn(strCol('hash', 64)) },
    ]);
    await q.createIndex('audit_logs', new TableIndex({ name: 'uq_audit_seq', columnNames: ['seq'], isUnique: true }));
    await q.createIndex('audit_logs', new TableIndex({ name: 'idx_audit_actor', columnNames: ['actorId', 'seq'] }));
    // The viewer's day filter.
    await q.createIndex('audit_logs', new TableIndex({ name: 'idx_audit_created', columnNames: ['createdAt'] }));

    await q.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [{ ...intCol('id'), isPrimary: true }, intCol('seq'), strCol('hash', 64)],
      }),
    );
    await q.query('INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, ?, ?)', [head.seq, head.hash]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_chain_head');
    await q.dropIndex('audit_logs', 'idx_audit_created');
    await q.dropIndex('audit_logs', 'idx_audit_actor');
    await q.dropIndex('audit_logs', 'uq_audit_seq');
    await q.dropColumns('audit_logs', ['hash', 'prevHash', 'seq']);
  }
}

const SELECT_OLD = 'SELECT id, actorId, action, subjectType, subjectId, detail, createdAt FROM audit_logs';

interface RawAuditRow {
  id: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: string | null;
  createdAt: Date | string;
}
