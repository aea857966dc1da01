import { Injectable } from '@nestjs/common';
import { AuditChainProblem, AuditVerifyResponse, toBusinessIso } from '@unionhome/shared';
import { AUDIT_GENESIS_HASH, auditRowHash } from '../../common/audit-chain';
import { TransactionRunner } from '../../common/transaction-runner';
import { instantOf } from '../../database/raw-values';

const BATCH = 1000;

interface ChainRow {
  id: string;
  seq: number | string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: string | null;
  createdAt: Date | string;
  prevHash: string;
  hash: string;
}

const SELECT_ROWS = 'SELECT id, seq, actorId, action, subjectType, subjectId, detail, createdAt, prevHash, hash FROM audit_logs';

/**
 * Walks the audit chain from seq 1 to the head, a batch at a time (the log only grows; it never
 * sits in memory whole). Every row must follow the one before: seq one more (a gap is a deleted
 * row), prevHash its hash, and its own hash recomputed from its content (an edit, or a swap of two
 * rows' places). The last row must be the head, or rows were cut off the end. Rows appended while
 * the walk runs are past the head it read first, and left for the next check.
 */
@Injectable()
export class AuditChainVerifier {
  constructor(private readonly tx: TransactionRunner) {}

  async verify(): Promise<AuditVerifyResponse> {
    const em = this.tx.manager();
    const heads: Array<{ seq: number | string; hash: string }> = await em.query('SELECT seq, hash FROM audit_chain_head WHERE id = 1');
    const head = heads.length ? { seq: Number(heads[0].seq), hash: heads[0].hash } : { seq: 0, hash: AUDIT_GENESIS_HASH };
    const base = { headSeq: head.seq, headHash: head.hash };

    let checked = 0;
    let last = { seq: 0, hash: AUDIT_GENESIS_HASH };
    const broken = (row: ChainRow | null, seq: number, problem: AuditChainProblem): AuditVerifyResponse => ({
      ok: false,
      checked,
      ...base,
      ...(row ? { firstBrokenId: row.id, firstBrokenAt: toBusinessIso(instantOf(row.createdAt)) } : {}),
      firstBrokenSeq: seq,
      problem,
    });

    while (last.seq < head.seq) {
      const rows: ChainRow[] = await em.query(`${SELECT_ROWS} WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ${BATCH}`, [last.seq, head.seq]);
      if (!rows.length) break;
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== last.seq + 1) return broken(r, seq, 'ROW_MISSING');
        if (r.prevHash !== last.hash || r.hash !== recompute(r, seq)) return broken(r, seq, 'ROW_CHANGED');
        checked++;
        last = { seq, hash: r.hash };
      }
    }
    if (last.seq !== head.seq || last.hash !== head.hash) return broken(null, last.seq + 1, 'HEAD_MISMATCH');

    // A row slipped in after the head without moving it (written around the BFF) would block the
    // next append; one that follows the head properly is simply newer than this check.
    const [next]: ChainRow[] = await em.query(`${SELECT_ROWS} WHERE seq = ?`, [head.seq + 1]);
    if (next && (next.prevHash !== head.hash || next.hash !== recompute(next, head.seq + 1))) return broken(next, head.seq + 1, 'HEAD_MISMATCH');

    return { ok: true, checked, ...base };
  }
}

function recompute(r: ChainRow, seq: number): string {
  return auditRowHash(
    { seq, id: r.id, actorId: r.actorId, action: r.action, subjectType: r.subjectType, subjectId: r.subjectId, detail: r.detail ?? null, createdAt: instantOf(r.createdAt) },
    r.prevHash,
  );
}
