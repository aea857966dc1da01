import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isMysqlFamily } from '../database/data-source-options';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one database transaction. EVERY write goes through here.
 *
 * MySQL: each call gets its own pooled connection and transaction.
 * SQLite: TypeORM's SQLite drivers share ONE query runner per data source, so two overlapping
 * `dataSource.transaction()` calls fail ("cannot start a transaction within a transaction",
 * typeorm #8668). We serialise top-level transactions through a FIFO promise queue; a nested
 * call inside a running one joins it (found via AsyncLocalStorage). Writes outside the runner
 * (a bare `repository.save`) open their own transaction and would collide, so don't.
 */
@Injectable()
export class TransactionRunner {
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private tail: Promise<unknown> = Promise.resolve();
  readonly kind: 'mysql' | 'sqlite';

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.kind = isMysqlFamily(dataSource.options.type) ? 'mysql' : 'sqlite';
  }

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const running = this.current.getStore();
    if (running) return work(running);
    const start = () => this.dataSource.transaction((em) => this.current.run(em, () => work(em)));
    if (this.kind === 'mysql') return start();
    const result = this.tail.then(start, start);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** The manager of the running transaction, or the plain one for reads outside any. */
  manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }
}

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.errno === 1062;
}

/** True for a MySQL deadlock or lock-wait timeout: the transaction may simply be retried. */
export function isRetryableTxError(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}
