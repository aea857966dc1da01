import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * An invoice backing a live claim. The unique index on `invoiceKey` (code + number, normalised)
 * makes "one invoice, one live claim, across all members and years" a database guarantee: two
 * concurrent submissions race on the index, not in memory. Rejecting the claim deletes its rows.
 */
@Entity('claim_invoice_keys')
export class InvoiceKeyEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('uq_claim_invoice_keys_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  invoiceKey: string;

  @Index('idx_claim_invoice_keys_claim')
  @IdColumn()
  claimId: string;

  /** When the invoice was first submitted with this claim (the month is what a duplicate is told). */
  @InstantColumn()
  usedAt: Date;
}
