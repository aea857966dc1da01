import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/**
 * A person's booking standing: the suspension after no-shows (DESIGN.md §4). Created by the
 * no-show job the first time it has something to count; no row means never suspended.
 */
@Entity('booking_accounts')
export class BookingAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  /** Start of the latest suspension; no-shows before it are not counted again. */
  @InstantColumn({ nullable: true })
  suspendedAt: Date | null;

  @InstantColumn({ nullable: true })
  suspendedUntil: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  suspensionReason: string | null;

  @InstantColumn()
  updatedAt: Date;
}
