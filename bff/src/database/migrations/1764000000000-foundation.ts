import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { boolCol, fenCol, idCol, instantCol, intCol, jsonCol, refCol, strCol, textCol, dateCol } from '../migration-helpers';

/** Users, roles, the org tree, memberships, messages, audit, idempotency, refresh tokens, regions. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          idCol(),
          strCol('phone', 20, true),
          strCol('openid', 64, true),
          strCol('name', 50, false, { default: "''" }),
          textCol('idNumberCipher', true),
          strCol('idNumberIndex', 64, true),
          jsonCol('tags', true),
          instantCol('createdAt'),
          instantCol('lastLoginAt', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_users_phone', columnNames: ['phone'], isUnique: true }),
          new TableIndex({ name: 'uq_users_openid', columnNames: ['openid'], isUnique: true }),
          new TableIndex({ name: 'uq_users_id_number_index', columnNames: ['idNumberIndex'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_roles',
        columns: [idCol(), refCol('userId'), strCol('role', 30), refCol('orgId', true)],
        indices: [new TableIndex({ name: 'uq_user_roles', columnNames: ['userId', 'role', 'orgId'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'orgs',
        columns: [
          idCol(),
          strCol('code', 40),
          strCol('name', 100),
          strCol('type', 20),
          refCol('parentId', true),
          strCol('path', 400),
          strCol('creditCode', 18, true),
          strCol('regionCode', 12, true),
          boolCol('autoApprove', false),
          instantCol('createdAt'),
        ],
        indices: [
          new TableIndex({ name: 'uq_orgs_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'idx_orgs_path', columnNames: ['path'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'memberships',
        columns: [
          idCol(),
          refCol('userId'),
          refCol('activeUserId', true),
          refCol('orgId'),
          strCol('memberNo', 32),
          strCol('status', 10),
          strCol('employer', 100, false, { default: "''" }),
          strCol('jobType', 30, false, { default: "''" }),
          dateCol('joinedAt'),
          instantCol('leftAt', true),
          instantCol('createdAt'),
        ],
        indices: [
          new TableIndex({ name: 'idx_memberships_user', columnNames: ['userId'] }),
          new TableIndex({ name: 'uq_memberships_active_user', columnNames: ['activeUserId'], isUnique: true }),
          new TableIndex({ name: 'idx_memberships_org', columnNames: ['orgId'] }),
          new TableIndex({ name: 'uq_memberships_member_no', columnNames: ['memberNo'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'messages',
        columns: [idCol(), refCol('userId'), strCol('title', 100), textCol('body'), strCol('link', 200, true), instantCol('createdAt'), instantCol('readAt', true)],
        indices: [new TableIndex({ name: 'idx_messages_user_created', columnNames: ['userId', 'createdAt'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_logs',
        columns: [idCol(), refCol('actorId'), strCol('action', 50), strCol('subjectType', 40), refCol('subjectId'), strCol('detail', 200, true), instantCol('createdAt')],
        indices: [new TableIndex({ name: 'idx_audit_subject', columnNames: ['subjectType', 'subjectId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [idCol(), strCol('keyHash', 64), strCol('requestHash', 64), strCol('state', 10), intCol('statusCode', true), textCol('responseBody', true), instantCol('createdAt')],
        indices: [new TableIndex({ name: 'uq_idempotency_key_hash', columnNames: ['keyHash'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [idCol(), strCol('tokenHash', 64), refCol('userId'), refCol('familyId'), instantCol('expiresAt'), instantCol('usedAt', true), instantCol('revokedAt', true), instantCol('createdAt')],
        indices: [
          new TableIndex({ name: 'uq_refresh_tokens_hash', columnNames: ['tokenHash'], isUnique: true }),
          new TableIndex({ name: 'idx_refresh_tokens_user', columnNames: ['userId'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'regions',
        columns: [strCol('code', 12, false, { isPrimary: true }), strCol('name', 50), fenCol('minimumLiving'), instantCol('updatedAt')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['regions', 'refresh_tokens', 'idempotency_keys', 'audit_logs', 'messages', 'memberships', 'orgs', 'user_roles', 'users']) {
      await q.dropTable(t);
    }
  }
}
