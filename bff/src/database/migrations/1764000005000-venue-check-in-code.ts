import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { intCol } from '../migration-helpers';

/** Venues get a check-in code version: staff replace a printed code by raising it (DESIGN §4 self check-in). */
export class VenueCheckInCode1764000005000 implements MigrationInterface {
  name = 'VenueCheckInCode1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('venues', new TableColumn(intCol('checkInCodeVersion', false, 1)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('venues', 'checkInCodeVersion');
  }
}
