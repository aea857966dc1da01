import { randomBytes } from 'node:crypto';

/**
 * Where photo bytes live. The database keeps only the key; keys are random, so a name reveals
 * nothing and cannot be guessed. Two adapters: LocalDiskStorage (default, under the data
 * directory) and S3Storage (STORAGE=s3: OSS, COS, MinIO or any S3-compatible service).
 */
export abstract class FileStorage {
  abstract readonly kind: 'local' | 's3';
  abstract put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  abstract get(key: string): Promise<Buffer | null>;
  /** Removes the object; removing a missing one is not an error. */
  abstract delete(key: string): Promise<void>;
}

/**
 * Deletes objects nothing points to any more. A failure is only logged: an orphaned object is
 * harmless (its name is random and no row refers to it), a failed request for it is not.
 */
export async function deleteOrphans(storage: FileStorage, keys: string[], logger: { warn(obj: object, msg: string): void }): Promise<void> {
  for (const key of keys) {
    try {
      await storage.delete(key);
    } catch (err) {
      logger.warn({ err: (err as Error).message, key }, 'could not delete stored file');
    }
  }
}

/** e.g. "d/3f/3fa9c0…e1.jpg": a short prefix spreads files over directories. */
export function newStorageKey(prefix: 'd' | 't', ext = 'jpg'): string {
  const name = randomBytes(16).toString('hex');
  return `${prefix}/${name.slice(0, 2)}/${name}.${ext}`;
}

/** Keys this BFF made; anything else (a path with "..") is refused before it reaches a disk or bucket. */
export const STORAGE_KEY_PATTERN = /^[dt]\/[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/;
