import { DataSource } from 'typeorm';
import { TransactionRunner } from '../common/transaction-runner';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions, detectMysqlFlavor } from '../database/data-source-options';
import { migrateUnderLock } from '../database/migrate';
import { DocumentEntity } from './entities/document.entity';
import { FileCipher } from './file-cipher';
import { FileKeyMaintenance, RewrapSummary } from './file-keys.maintenance';
import { createFileStorage } from './files.module';

/**
 * `npm run files -- rewrap` against the configured database and storage, like the BFF: migrates
 * first (so it also works right after an upgrade), then re-wraps and seals (FileKeyMaintenance).
 * Safe while BFF instances run: every change is a conditional update of one row.
 */
export async function rewrapCommand(config: AppConfig): Promise<RewrapSummary> {
  const flavor = config.db.kind === 'mysql' ? await detectMysqlFlavor(config.db.url) : undefined;
  const ds = new DataSource({ ...dataSourceOptions(config.db, flavor), entities: [DocumentEntity] });
  await ds.initialize();
  const storage = createFileStorage(config);
  try {
    await migrateUnderLock(ds);
    return await new FileKeyMaintenance(new TransactionRunner(ds), storage, new FileCipher(config)).rewrapAll();
  } finally {
    (storage as { onApplicationShutdown?: () => void }).onApplicationShutdown?.();
    await ds.destroy();
  }
}
