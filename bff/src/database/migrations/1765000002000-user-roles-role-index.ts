import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * user_roles by role: the staff list filters on it, and revoking an admin locks the admin grants
 * (SELECT … FOR UPDATE) to keep the last one; through this index MySQL locks only those rows.
 */
export class UserRolesRoleIndex1765000002000 implements MigrationInterface {
  name = 'UserRolesRoleIndex1765000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('user_roles', new TableIndex({ name: 'idx_user_roles_role', columnNames: ['role'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('user_roles', 'idx_user_roles_role');
  }
}
