import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DocumentEntity } from './entities/document.entity';
import { FileAccessRegistry } from './file-access.registry';
import { FileCipher } from './file-cipher';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { FileStorage } from './storage/file-storage';
import { LocalDiskStorage } from './storage/local-disk.storage';

export function createFileStorage(config: AppConfig): FileStorage {
  if (config.storage.kind !== 's3') return new LocalDiskStorage(config.storage.dir);
  // Loaded only when configured: the AWS SDK is a large share of start-up time (bench: cold start).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { S3Storage } = require('./storage/s3.storage') as typeof import('./storage/s3.storage');
  return new S3Storage(config.storage);
}

/**
 * Photos for every domain: the upload policy, storage (local disk or S3-compatible), the generic
 * documents table and GET /files/{id}. Domains import it and register a FileAccessPolicy.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity])],
  controllers: [FilesController],
  providers: [FilesService, FileAccessRegistry, FileCipher, { provide: FileStorage, inject: [APP_CONFIG], useFactory: createFileStorage }],
  exports: [FilesService, FileAccessRegistry, FileStorage],
})
export class FilesModule {}
