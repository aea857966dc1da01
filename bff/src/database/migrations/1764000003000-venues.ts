import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { boolCol, dateCol, idCol, instantCol, intCol, refCol, strCol } from '../migration-helpers';

/** Venues with their booking rules, slots with their place counters, bookings, booking accounts (suspensions). */
export class Venues1764000003000 implements MigrationInterface {
  name = 'Venues1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'venues',
        columns: [
          idCol(),
          refCol('orgId'),
          strCol('name', 60),
          strCol('kind', 10),
          strCol('description', 500, false, { default: "''" }),
          strCol('location', 100, false, { default: "''" }),
          boolCol('active', true),
          intCol('capacity'),
          intCol('opensDaysAhead'),
          intCol('opensAtHour'),
          boolCol('membersOnly', true),
          intCol('maxPerDay', true),
          intCol('maxPerWeek', true),
          intCol('cancelCutoffHours'),
          intCol('noShowGraceMinutes'),
          boolCol('noShowCounts', true),
          boolCol('waitlist', true),
          instantCol('createdAt'),
          instantCol('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'idx_venues_org', columnNames: ['orgId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'venue_slots',
        columns: [
          idCol(),
          refCol('venueId'),
          instantCol('startsAt'),
          instantCol('endsAt'),
          intCol('capacity'),
          intCol('booked', false, 0),
          intCol('waitlisted', false, 0),
          intCol('waitlistSeq', false, 0),
          instantCol('closedAt', true),
          instantCol('createdAt'),
        ],
        // The day view is one range scan of this index: WHERE venueId = ? AND startsAt in [day).
        indices: [new TableIndex({ name: 'uq_venue_slots_venue_start', columnNames: ['venueId', 'startsAt'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bookings',
        columns: [
          idCol(),
          refCol('slotId'),
          refCol('venueId'),
          refCol('userId'),
          refCol('activeUserId', true),
          strCol('status', 12),
          intCol('waitlistSeq', true),
          dateCol('slotDate'),
          instantCol('startsAt'),
          instantCol('endsAt'),
          instantCol('createdAt'),
          instantCol('confirmedAt', true),
          instantCol('cancelledAt', true),
          instantCol('checkedInAt', true),
          refCol('checkedInBy', true),
          instantCol('noShowAt', true),
          boolCol('noShowCounted', false),
        ],
        indices: [
          new TableIndex({ name: 'uq_bookings_slot_active_user', columnNames: ['slotId', 'activeUserId'], isUnique: true }),
          new TableIndex({ name: 'idx_bookings_slot_waitlist', columnNames: ['slotId', 'status', 'waitlistSeq'] }),
          new TableIndex({ name: 'idx_bookings_user_venue_date', columnNames: ['userId', 'venueId', 'slotDate'] }),
          new TableIndex({ name: 'idx_bookings_user_starts', columnNames: ['userId', 'startsAt'] }),
          new TableIndex({ name: 'idx_bookings_status_starts', columnNames: ['status', 'startsAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'booking_accounts',
        columns: [
          strCol('userId', 36, false, { isPrimary: true }),
          instantCol('suspendedAt', true),
          instantCol('suspendedUntil', true),
          strCol('suspensionReason', 200, true),
          instantCol('updatedAt'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['booking_accounts', 'bookings', 'venue_slots', 'venues']) await q.dropTable(t);
  }
}
