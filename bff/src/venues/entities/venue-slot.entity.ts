import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * One bookable time of a venue. `booked` (confirmed + checked-in places) and `waitlisted` are kept
 * on the row, changed only by guarded single-row updates inside the booking transactions, so the
 * day view reads one index range and never counts bookings. `waitlistSeq` hands out arrival
 * numbers for the waitlist under the same row lock.
 */
@Entity('venue_slots')
@Index('uq_venue_slots_venue_start', ['venueId', 'startsAt'], { unique: true })
export class VenueSlotEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  venueId: string;

  @InstantColumn()
  startsAt: Date;

  @InstantColumn()
  endsAt: Date;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'integer', default: 0 })
  booked: number;

  @Column({ type: 'integer', default: 0 })
  waitlisted: number;

  @Column({ type: 'integer', default: 0 })
  waitlistSeq: number;

  /** Set when staff closed the slot; it then takes no bookings. */
  @InstantColumn({ nullable: true })
  closedAt: Date | null;

  @InstantColumn()
  createdAt: Date;
}
