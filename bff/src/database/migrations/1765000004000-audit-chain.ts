import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { AUDIT_GENESIS_HASH, auditRowHash } from '../../common/audit-chain';
import { isMysqlFamily } from '../data-source-options';
import { intCol, strCol } from '../migration-helpers';
import { instantOf, instantParam } from '../raw-values';

const BATCH = 1000;

/** Statements that refuse changing or removing audit rows, for whoever bypasses the BFF. */
const TRIGGERS = [
  { name: 'audit_logs_no_update', table: 'audit_logs', event: 'UPDATE' },
  { name: 'audit_logs_no_delete', table: 'audit_logs', event: 'DELETE' },
  { name: 'audit_chain_head_no_delete', table: 'audit_chain_head', event: 'DELETE' },
] as const;

/**
 * MySQL refuses CREATE TRIGGER to an account without SUPER when binary logging is on and
 * log_bin_trust_function_creators is off (1419), or without the TRIGGER privilege (1142, 1227).
 * The log stays append-only without triggers (no code path changes a row) and the hash chain still
 * shows any change, so such a database gets a warning instead of a failed start.
 */
const TRIGGER_REFUSED = new Set([1142, 1227, 1419]);

/**
 * The audit log becomes a hash chain: `seq` (gapless append order), `prevHash` and `hash`
 * (audit-chain.ts), and `audit_chain_head`, the one row appends lock. Rows written before are
 * chained here in the order (createdAt, id).
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

    for (const t of TRIGGERS) {
      try {
        await q.query(
          kind === 'mysql'
            ? `CREATE TRIGGER ${t.name} BEFORE ${t.event} ON ${t.table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${t.table} is append-only'`
            : `CREATE TRIGGER ${t.name} BEFORE ${t.event} ON ${t.table} BEGIN SELECT RAISE(ABORT, '${t.table} is append-only'); END`,
        );
      } catch (err) {
        const errno = (err as { errno?: number; driverError?: { errno?: number } }).errno ?? (err as { driverError?: { errno?: number } }).driverError?.errno;
        if (kind !== 'mysql' || !errno || !TRIGGER_REFUSED.has(errno)) throw err;
        // Not the TypeORM logger: logging is off, and this must reach whoever runs the first start.
        process.emitWarning(`audit log: trigger ${t.name} not created (${(err as Error).message}); the hash chain still shows any change`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TRIGGERS].reverse()) await q.query(`DROP TRIGGER IF EXISTS ${t.name}`);
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
