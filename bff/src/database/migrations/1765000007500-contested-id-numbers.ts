import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Several pending applications may now give the same ID number: the first one no longer locks the
 * real person out (the officer decides, seeing that the number is contested). The open-number key
 * stays as a plain index for that look-up; applications by invite and time back the per-invite limit.
 */
export class ContestedIdNumbers1765000007500 implements MigrationInterface {
  name = 'ContestedIdNumbers1765000007500';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('membership_applications', 'uq_membership_applications_open_id_number');
    await q.createIndex('membership_applications', new TableIndex({ name: 'idx_membership_applications_open_id_number', columnNames: ['openIdNumberIndex'] }));
    await q.createIndex('membership_applications', new TableIndex({ name: 'idx_membership_applications_invite', columnNames: ['inviteId', 'createdAt'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('membership_applications', 'idx_membership_applications_invite');
    await q.dropIndex('membership_applications', 'idx_membership_applications_open_id_number');
    await q.createIndex('membership_applications', new TableIndex({ name: 'uq_membership_applications_open_id_number', columnNames: ['openIdNumberIndex'], isUnique: true }));
  }
}
