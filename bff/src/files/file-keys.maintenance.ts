import { Logger } from '@nestjs/common';
import { IsNull, MoreThan, Not } from 'typeorm';
import { TransactionRunner } from '../common/transaction-runner';
import { DocumentEntity } from './entities/document.entity';
import { FileCipher, FileDecryptError, fileContext } from './file-cipher';
import { deleteOrphans, FileStorage, newStorageKey } from './storage/file-storage';
import { sniffImageFormat, UPLOAD_POLICY } from './upload-policy';

export interface RewrapSummary {
  keyVersion: number;
  /** Photos whose data keys were re-wrapped from an older key version to the current one. */
  rewrapped: number;
  /** Plain photos from before encryption, now sealed. */
  sealed: number;
  /** Photos that were under the current key already. */
  current: number;
  /** Rows whose files the storage has lost (left as they are). */
  missing: number;
  /** Photos that could not be re-wrapped or sealed (logged one by one; left as they are). */
  failed: number;
}

const BATCH = 100;

export function summaryLine(s: RewrapSummary): string {
  return `files rewrap: key v${s.keyVersion} — ${s.rewrapped} re-wrapped, ${s.sealed} plain encrypted, ${s.current} already current, ${s.missing} missing, ${s.failed} failed`;
}

/**
 * `npm run files -- rewrap` (file-keys.command.ts): brings every stored photo under the current
 * FILE_KEY. Idempotent and resumable: each row is changed by one conditional update, so a second run
 * (or a run after a crash) finds only what is left, and an upload or a second run meanwhile is never
 * overwritten.
 *
 * - a row under an older key version: its two wrapped data keys are re-wrapped (the blobs stay);
 * - a row from before encryption (no wrap): both files are read, sealed under fresh data keys and
 *   written under NEW storage keys, the row then points to them, and only then are the plain files
 *   deleted. Every moment the row and its files agree, so GET /files/{id} works throughout.
 */
export class FileKeyMaintenance {
  private readonly logger = new Logger(FileKeyMaintenance.name);

  constructor(private readonly tx: TransactionRunner, private readonly storage: FileStorage, private readonly cipher: FileCipher) {}

  async rewrapAll(): Promise<RewrapSummary> {
    const summary: RewrapSummary = { keyVersion: this.cipher.currentVersion, rewrapped: 0, sealed: 0, current: 0, missing: 0, failed: 0 };
    await this.eachBatch({ keyVersion: Not(this.cipher.currentVersion) }, (rows) => this.rewrapBatch(rows, summary));
    await this.eachBatch({ keyVersion: IsNull() }, async (rows) => {
      for (const row of rows) await this.sealPlain(row, summary);
    });
    summary.current = (await this.tx.manager().countBy(DocumentEntity, { keyVersion: this.cipher.currentVersion })) - summary.rewrapped - summary.sealed;
    return summary;
  }

  /** Rows matching `where`, by id, a batch at a time (a cursor, so rows left as they are never loop). */
  private async eachBatch(where: Record<string, unknown>, work: (rows: DocumentEntity[]) => Promise<void>): Promise<void> {
    let after = '';
    for (;;) {
      const rows = await this.tx.manager().find(DocumentEntity, { where: { ...where, id: MoreThan(after) }, order: { id: 'ASC' }, take: BATCH });
      if (rows.length === 0) return;
      await work(rows);
      after = rows[rows.length - 1].id;
    }
  }

  private async rewrapBatch(rows: DocumentEntity[], summary: RewrapSummary): Promise<void> {
    const updates: Array<{ row: DocumentEntity; main: string; thumb: string }> = [];
    for (const row of rows) {
      try {
        const main = this.cipher.rewrap(row.mainKeyWrap ?? '', row.keyVersion!, fileContext(row.id, 'full')).wrap;
        const thumb = this.cipher.rewrap(row.thumbKeyWrap ?? '', row.keyVersion!, fileContext(row.id, 'thumb')).wrap;
        updates.push({ row, main, thumb });
      } catch (err) {
        if (!(err instanceof FileDecryptError)) throw err;
        summary.failed++;
        this.logger.error({ documentId: row.id, keyVersion: row.keyVersion, reason: err.message }, 'photo key cannot be re-wrapped');
      }
    }
    await this.tx.run(async (em) => {
      for (const u of updates) {
        const res = await em.update(
          DocumentEntity,
          { id: u.row.id, keyVersion: u.row.keyVersion!, mainKeyWrap: u.row.mainKeyWrap! },
          { keyVersion: this.cipher.currentVersion, mainKeyWrap: u.main, thumbKeyWrap: u.thumb },
        );
        if (res.affected) summary.rewrapped++;
      }
    });
  }

  private async sealPlain(row: DocumentEntity, summary: RewrapSummary): Promise<void> {
    const [main, thumb] = await Promise.all([this.storage.get(row.storageKey), this.storage.get(row.thumbKey)]);
    if (!main || !thumb) {
      summary.missing++;
      this.logger.warn({ documentId: row.id }, 'plain photo not found in storage, left as it is');
      return;
    }
    if (sniffImageFormat(main) !== 'jpeg' || sniffImageFormat(thumb) !== 'jpeg') {
      summary.failed++;
      this.logger.error({ documentId: row.id }, 'photo without a key wrap is not a plain JPEG, left as it is');
      return;
    }
    const sealedMain = this.cipher.seal(main, fileContext(row.id, 'full'));
    const sealedThumb = this.cipher.seal(thumb, fileContext(row.id, 'thumb'));
    const storageKey = newStorageKey('d');
    const thumbKey = newStorageKey('t');
    let written: string[] = [];
    let switched = false;
    try {
      await this.storage.put(storageKey, sealedMain.blob, UPLOAD_POLICY.contentType);
      written = [storageKey];
      await this.storage.put(thumbKey, sealedThumb.blob, UPLOAD_POLICY.contentType);
      written = [storageKey, thumbKey];
      const res = await this.tx.run((em) =>
        em.update(
          DocumentEntity,
          { id: row.id, keyVersion: IsNull(), storageKey: row.storageKey, thumbKey: row.thumbKey },
          { storageKey, thumbKey, keyVersion: sealedMain.keyVersion, mainKeyWrap: sealedMain.wrap, thumbKeyWrap: sealedThumb.wrap },
        ),
      );
      switched = !!res.affected;
    } finally {
      // The plain files go once the row points to the sealed ones; if another run won, ours go.
      await this.purge(switched ? [row.storageKey, row.thumbKey] : written);
    }
    if (switched) summary.sealed++;
  }

  private purge(keys: string[]): Promise<void> {
    return deleteOrphans(this.storage, keys, this.logger);
  }
}
