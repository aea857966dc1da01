import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { intCol, strCol } from '../migration-helpers';

/**
 * Photos encrypted at rest: each document row keeps the wrapped data keys of its photo and thumbnail
 * and the version of FILE_KEY that wrapped them. Rows from before stay NULL (their files are plain)
 * until `npm run files -- rewrap` seals them; the BFF serves them meanwhile.
 */
export class DocumentEncryption1765000005000 implements MigrationInterface {
  name = 'DocumentEncryption1765000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('documents', [new TableColumn(intCol('keyVersion', true)), new TableColumn(strCol('mainKeyWrap', 100, true)), new TableColumn(strCol('thumbKeyWrap', 100, true))]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('documents', ['keyVersion', 'mainKeyWrap', 'thumbKeyWrap']);
  }
}
