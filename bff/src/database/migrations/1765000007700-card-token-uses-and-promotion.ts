import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { instantCol, strCol } from '../migration-helpers';

/**
 * Card QR tokens become single-use: a used token's nonce is kept until the token expires (issue 12 §6).
 * Bookings record when a waitlist place was promoted, so a late promotion's no-show is not counted (§7).
 */
export class CardTokenUsesAndPromotion1765000007700 implements MigrationInterface {
  name = 'CardTokenUsesAndPromotion1765000007700';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'card_token_uses',
        columns: [strCol('membershipId', 36, false, { isPrimary: true }), strCol('nonce', 16, false, { isPrimary: true }), instantCol('expiresAt')],
        indices: [new TableIndex({ name: 'idx_card_token_uses_expires', columnNames: ['expiresAt'] })],
      }),
    );
    await q.addColumn('bookings', new TableColumn(instantCol('promotedAt', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('bookings', 'promotedAt');
    await q.dropTable('card_token_uses');
  }
}
