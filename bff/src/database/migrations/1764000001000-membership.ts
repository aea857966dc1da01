import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idCol, instantCol, intCol, refCol, strCol, textCol } from '../migration-helpers';

/** Join by QR: invites, join/transfer applications, member-number sequences. */
export class Membership1764000001000 implements MigrationInterface {
  name = 'Membership1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'membership_invites',
        columns: [
          idCol(),
          refCol('orgId'),
          strCol('token', 32),
          refCol('createdBy'),
          instantCol('expiresAt'),
          intCol('maxUses', true),
          intCol('usedCount', false, 0),
          instantCol('revokedAt', true),
          instantCol('createdAt'),
        ],
        indices: [
          new TableIndex({ name: 'uq_membership_invites_token', columnNames: ['token'], isUnique: true }),
          new TableIndex({ name: 'idx_membership_invites_org_created', columnNames: ['orgId', 'createdAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'membership_applications',
        columns: [
          idCol(),
          refCol('orgId'),
          refCol('inviteId'),
          refCol('userId'),
          strCol('kind', 10),
          strCol('status', 10),
          strCol('name', 50),
          textCol('idNumberCipher', true),
          strCol('idNumberIndex', 64, true),
          strCol('phone', 20),
          strCol('employer', 100),
          strCol('jobType', 30, false, { default: "''" }),
          strCol('noticeVersion', 20),
          strCol('consentVersion', 20),
          instantCol('consentAt'),
          refCol('fromOrgId', true),
          refCol('openUserId', true),
          strCol('openIdNumberIndex', 64, true),
          refCol('membershipId', true),
          strCol('memberNo', 32, true),
          refCol('decidedBy', true),
          instantCol('decidedAt', true),
          strCol('rejectReason', 200, true),
          instantCol('createdAt'),
        ],
        indices: [
          new TableIndex({ name: 'idx_membership_applications_org_status', columnNames: ['orgId', 'status', 'createdAt'] }),
          new TableIndex({ name: 'idx_membership_applications_user', columnNames: ['userId'] }),
          new TableIndex({ name: 'uq_membership_applications_open_user', columnNames: ['openUserId'], isUnique: true }),
          new TableIndex({ name: 'uq_membership_applications_open_id_number', columnNames: ['openIdNumberIndex'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'member_no_sequences',
        columns: [strCol('prefix', 16, false, { isPrimary: true }), intCol('lastValue')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['member_no_sequences', 'membership_applications', 'membership_invites']) await q.dropTable(t);
  }
}
