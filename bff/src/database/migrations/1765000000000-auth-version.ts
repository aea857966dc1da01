import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { intCol } from '../migration-helpers';

/**
 * users.authVersion: every access token carries the version it was issued under; raising it (a role
 * granted or revoked, a deletion, logout everywhere) voids the person's live access tokens at once.
 */
export class AuthVersion1765000000000 implements MigrationInterface {
  name = 'AuthVersion1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('users', new TableColumn(intCol('authVersion', false, 0)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('users', 'authVersion');
  }
}
