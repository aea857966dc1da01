import { createHash } from 'node:crypto';

/**
 * The hash chain of the audit log. Each row's hash covers the row and the hash of the row before
 * it, so changing, deleting or reordering any row breaks every hash after it; the one-row
 * `audit_chain_head` holds the newest (seq, hash), so cutting rows off the end shows too.
 *
 * The format is fixed: the migration that chained the rows from before used it and the verifier
 * recomputes with it. A different format would need a new version tag, not an edit here.
 *
 * Plain SHA-256, not a keyed MAC: someone who can write the database could recompute the whole
 * chain, but the head hash an admin notes from a verification then no longer matches.
 */
export const AUDIT_CHAIN_VERSION = 'uh-audit-v1';

/** The prevHash of the first row. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  id: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: string | null;
  createdAt: Date;
}

/**
 * Whole seconds: MySQL's DATETIME keeps no fraction, SQLite keeps milliseconds, and the hash must
 * be the same over what each gives back. New rows are written already truncated (AuditService).
 */
export function auditInstant(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

export function auditRowHash(row: ChainedFields, prevHash: string): string {
  const canonical = JSON.stringify([
    AUDIT_CHAIN_VERSION,
    row.seq,
    row.id,
    row.actorId,
    row.action,
    row.subjectType,
    row.subjectId,
    row.detail,
    auditInstant(row.createdAt).toISOString(),
    prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
