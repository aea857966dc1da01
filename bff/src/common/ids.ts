import { randomUUID } from 'node:crypto';

/**
 * Primary keys are random UUIDs made in the BFF, not AUTO_INCREMENT: ids appear in URLs and must
 * not be guessable or enumerable, and distributed MySQL engines (TiDB) give no consecutive values.
 */
export function newId(): string {
  return randomUUID();
}
