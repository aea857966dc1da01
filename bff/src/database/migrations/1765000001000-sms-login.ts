import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idCol, instantCol, intCol, strCol } from '../migration-helpers';

/** SMS login codes: one live code per phone (blind index), stored as an HMAC. */
export class SmsLogin1765000001000 implements MigrationInterface {
  name = 'SmsLogin1765000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'sms_codes',
        columns: [idCol(), strCol('phoneIndex', 64), strCol('codeHash', 64), intCol('generation'), intCol('attempts'), instantCol('sentAt'), instantCol('expiresAt'), instantCol('usedAt', true)],
        indices: [new TableIndex({ name: 'uq_sms_codes_phone_index', columnNames: ['phoneIndex'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sms_codes');
  }
}
