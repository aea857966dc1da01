import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { boolCol } from '../migration-helpers';

/**
 * orgs.active: an admin deactivates a union instead of deleting it (its members, claims and audit
 * history keep pointing at it). Every existing org starts active.
 */
export class OrgActive1765000003000 implements MigrationInterface {
  name = 'OrgActive1765000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('orgs', new TableColumn(boolCol('active', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('orgs', 'active');
  }
}
