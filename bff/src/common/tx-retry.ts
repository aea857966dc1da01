import { isRetryableTxError } from './transaction-runner';

/**
 * True for a transaction that lost a race it may simply run again: a MySQL deadlock or lock-wait
 * timeout, or SQLite's "database is busy" when a second process wrote after this one read
 * (WAL snapshot too old, SQLITE_BUSY_SNAPSHOT — the busy timeout does not cover that case).
 */
export function isTransientTxError(err: unknown): boolean {
  if (isRetryableTxError(err)) return true;
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code ?? '';
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const ATTEMPTS = 8;

/**
 * Runs a whole transaction again when it lost such a race: bounded (8 attempts) with a short
 * randomised back-off, so contenders spread out instead of colliding again in lock-step. Any other
 * error, and the last transient one, goes to the caller.
 */
export async function withTxRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= ATTEMPTS || !isTransientTxError(err)) throw err;
      const backoff = Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, backoff));
    }
  }
}
