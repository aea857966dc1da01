import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { boolCol, dateCol, fenCol, idCol, instantCol, intCol, jsonCol, refCol, strCol, textCol } from '../migration-helpers';

/** Hardship applications (encrypted household data), their timeline, and archive numbering. */
export class Hardship1764000004000 implements MigrationInterface {
  name = 'Hardship1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'hardship_applications',
        columns: [
          idCol(),
          refCol('applicantId'),
          refCol('openApplicantId', true),
          strCol('status', 12),
          strCol('situation', 20),
          strCol('regionCode', 12),
          refCol('orgId'),
          intCol('householdSize'),
          textCol('dataCipher'),
          boolCol('assetCheckConsent', false),
          instantCol('consentAt', true),
          fenCol('minimumLiving'),
          jsonCol('aidTypes', true),
          strCol('archiveNo', 32, true),
          dateCol('recheckDue', true),
          instantCol('submittedAt', true),
          instantCol('decidedAt', true),
          instantCol('createdAt'),
          instantCol('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'idx_hardship_applicant', columnNames: ['applicantId'] }),
          new TableIndex({ name: 'uq_hardship_open_applicant', columnNames: ['openApplicantId'], isUnique: true }),
          new TableIndex({ name: 'idx_hardship_status_region', columnNames: ['status', 'regionCode'] }),
          new TableIndex({ name: 'idx_hardship_org', columnNames: ['orgId'] }),
          new TableIndex({ name: 'uq_hardship_archive_no', columnNames: ['archiveNo'], isUnique: true }),
          new TableIndex({ name: 'idx_hardship_recheck_due', columnNames: ['recheckDue'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'hardship_events',
        columns: [idCol(), refCol('applicationId'), intCol('seq'), strCol('status', 12), refCol('actorId'), strCol('actorRole', 20), strCol('reason', 200, true), instantCol('at')],
        indices: [new TableIndex({ name: 'uq_hardship_events_seq', columnNames: ['applicationId', 'seq'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'hardship_archive_counters',
        columns: [strCol('scope', 20, false, { isPrimary: true }), intCol('lastNo')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['hardship_archive_counters', 'hardship_events', 'hardship_applications']) await q.dropTable(t);
  }
}
