import { Column, Entity, Index } from 'typeorm';
import type { BookingStatus } from '@unionhome/shared';
import { BoolColumn, IdColumn, IdPrimaryColumn, InstantColumn, LocalDateColumn } from '../../database/columns';

/**
 * A member's booking (or waitlist place) of a slot.
 *
 * `activeUserId` equals `userId` while the booking holds the slot (confirmed, waitlisted, checked
 * in) and is NULL once it is cancelled or a no-show. The unique index (slotId, activeUserId) makes
 * "one member holds at most one booking per slot" a database guarantee under any interleaving and
 * on any number of BFF instances (NULLs never collide, so cancelled history stays).
 *
 * Slot times and the venue are copied in, so limits, the member's list and the no-show job read
 * this table alone, by index.
 */
@Entity('bookings')
@Index('uq_bookings_slot_active_user', ['slotId', 'activeUserId'], { unique: true })
@Index('idx_bookings_slot_waitlist', ['slotId', 'status', 'waitlistSeq'])
@Index('idx_bookings_user_venue_date', ['userId', 'venueId', 'slotDate'])
@Index('idx_bookings_user_starts', ['userId', 'startsAt'])
@Index('idx_bookings_status_starts', ['status', 'startsAt'])
export class BookingEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  slotId: string;

  @IdColumn()
  venueId: string;

  @IdColumn()
  userId: string;

  @IdColumn({ nullable: true })
  activeUserId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: BookingStatus;

  /** Arrival number in the slot's waitlist (kept after promotion, for the record). */
  @Column({ type: 'integer', nullable: true })
  waitlistSeq: number | null;

  /** The slot's local date (Asia/Shanghai), for the per-day and per-week limits. */
  @LocalDateColumn()
  slotDate: string;

  @InstantColumn()
  startsAt: Date;

  @InstantColumn()
  endsAt: Date;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn({ nullable: true })
  confirmedAt: Date | null;

  /** When a waitlist place became a confirmed one: a late promotion's no-show is not counted (shared noShowCounts). */
  @InstantColumn({ nullable: true })
  promotedAt: Date | null;

  @InstantColumn({ nullable: true })
  cancelledAt: Date | null;

  @InstantColumn({ nullable: true })
  checkedInAt: Date | null;

  @IdColumn({ nullable: true })
  checkedInBy: string | null;

  @InstantColumn({ nullable: true })
  noShowAt: Date | null;

  /** The no-show counts toward the suspension (the venue's rule when it happened). */
  @BoolColumn(false)
  noShowCounted: boolean;
}
