import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ACTIVE_BOOKING_STATUSES, BookingStatus, MyBookingScope } from '@unionhome/shared';
import { TransactionRunner } from '../common/transaction-runner';
import { UserEntity } from '../users/entities/user.entity';
import { BookingAccountEntity } from './entities/booking-account.entity';
import { BookingEntity } from './entities/booking.entity';
import { VenueSlotEntity } from './entities/venue-slot.entity';

const ACTIVE = [...ACTIVE_BOOKING_STATUSES];

/**
 * The booking writes and the reads that decide them. Methods taking `em` run inside the caller's
 * transaction; the `lock…` ones are SELECT … FOR UPDATE on MySQL. SQLite has no row locks and
 * needs none: TransactionRunner serialises transactions in the process, and SQLite's own write
 * lock serialises processes (a stale reader gets SQLITE_BUSY and the service retries).
 */
@Injectable()
export class BookingsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return this.tx.kind === 'mysql' ? qb.setLock('pessimistic_write') : qb;
  }

  // ----- the member: per-person lock, booking account (suspension) -----

  /**
   * Locks the person's own users row for the rest of the transaction: one person's concurrent
   * booking requests queue here (so limits are counted on settled data), other people never wait.
   * The row always exists for a logged-in person, so no lock row has to be created first.
   */
  async lockMember(em: EntityManager, userId: string): Promise<boolean> {
    const row = await this.forUpdate(em.createQueryBuilder(UserEntity, 'u').select('u.id').where('u.id = :userId', { userId })).getOne();
    return row !== null;
  }

  lockAccount(em: EntityManager, userId: string): Promise<BookingAccountEntity | null> {
    return this.forUpdate(em.createQueryBuilder(BookingAccountEntity, 'a').where('a.userId = :userId', { userId })).getOne();
  }

  /** Creates the account row if missing (INSERT IGNORE / INSERT OR IGNORE), in the caller's transaction. */
  async ensureAccount(em: EntityManager, userId: string, now: Date): Promise<void> {
    await em.createQueryBuilder().insert().into(BookingAccountEntity).values({ userId, suspendedAt: null, suspendedUntil: null, suspensionReason: null, updatedAt: now }).orIgnore().execute();
  }

  findAccount(userId: string, em: EntityManager = this.tx.manager()): Promise<BookingAccountEntity | null> {
    return em.findOneBy(BookingAccountEntity, { userId });
  }

  /** The slot's counters as this transaction sees them (no lock). */
  slotCounters(em: EntityManager, slotId: string): Promise<Pick<VenueSlotEntity, 'id' | 'booked' | 'capacity'> | null> {
    return em.createQueryBuilder(VenueSlotEntity, 's').select(['s.id', 's.booked', 's.capacity']).where('s.id = :slotId', { slotId }).getOne();
  }

  async suspend(em: EntityManager, userId: string, from: Date, until: Date, reason: string): Promise<void> {
    await em.update(BookingAccountEntity, { userId }, { suspendedAt: from, suspendedUntil: until, suspensionReason: reason, updatedAt: from });
  }

  // ----- what the member already holds -----

  /** The member's active booking of a slot, by the unique (slotId, activeUserId) index. */
  findActiveOfSlot(slotId: string, userId: string, em: EntityManager = this.tx.manager()): Promise<BookingEntity | null> {
    return em.findOneBy(BookingEntity, { slotId, activeUserId: userId });
  }

  /**
   * In one indexed read: the member's active bookings at this venue in the slot's week, on its
   * day, and of the slot itself.
   */
  async activeCounts(em: EntityManager, q: { userId: string; venueId: string; slotId: string; date: string; weekFrom: string; weekTo: string }): Promise<{ week: number; day: number; slot: number }> {
    const row = await em
      .createQueryBuilder(BookingEntity, 'b')
      .select('COUNT(*)', 'week')
      .addSelect('SUM(CASE WHEN b.slotDate = :date THEN 1 ELSE 0 END)', 'day')
      .addSelect('SUM(CASE WHEN b.slotId = :slotId THEN 1 ELSE 0 END)', 'slot')
      .where('b.userId = :userId AND b.venueId = :venueId AND b.slotDate BETWEEN :weekFrom AND :weekTo AND b.status IN (:...active)', { ...q, active: ACTIVE })
      .getRawOne<{ week: string | number; day: string | number | null; slot: string | number | null }>();
    return { week: Number(row?.week ?? 0), day: Number(row?.day ?? 0), slot: Number(row?.slot ?? 0) };
  }

  // ----- places: the capacity arbitration -----

  /**
   * Takes one place if there is one: a single guarded UPDATE whose WHERE re-checks the capacity on
   * the latest committed row under its row lock, so no interleaving can push `booked` past
   * `capacity`. True when this transaction got the place.
   */
  async takePlace(em: EntityManager, slotId: string): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(VenueSlotEntity)
      .set({ booked: () => 'booked + 1' })
      .where('id = :slotId AND booked < capacity AND closedAt IS NULL', { slotId })
      .execute();
    return res.affected === 1;
  }

  /**
   * Joins the waitlist of a slot that is still full (if a place came free meanwhile, returns null
   * and the caller takes the place instead). The arrival number comes from the slot row under its
   * lock, so positions follow the order in which requests reached the database. Returns the
   * number and the 1-based position (the waitlist length, as the newcomer is last).
   */
  async joinWaitlist(em: EntityManager, slotId: string): Promise<{ seq: number; position: number } | null> {
    const res = await em
      .createQueryBuilder()
      .update(VenueSlotEntity)
      .set({ waitlisted: () => 'waitlisted + 1', waitlistSeq: () => 'waitlistSeq + 1' })
      .where('id = :slotId AND booked >= capacity AND closedAt IS NULL', { slotId })
      .execute();
    if (res.affected !== 1) return null;
    // Reading back our own update: it sees this transaction's change on top of the latest row.
    const row = await em.createQueryBuilder(VenueSlotEntity, 's').select(['s.id', 's.waitlisted', 's.waitlistSeq']).where('s.id = :slotId', { slotId }).getOneOrFail();
    return { seq: row.waitlistSeq, position: row.waitlisted };
  }

  async insertBooking(em: EntityManager, booking: BookingEntity): Promise<void> {
    await em.insert(BookingEntity, { ...booking });
  }

  // ----- releasing places -----

  /** Locks the slot row: every change of a slot's places and waitlist happens under this lock. */
  lockSlot(em: EntityManager, slotId: string): Promise<VenueSlotEntity | null> {
    return this.forUpdate(em.createQueryBuilder(VenueSlotEntity, 's').where('s.id = :slotId', { slotId })).getOne();
  }

  lockBooking(em: EntityManager, id: string): Promise<BookingEntity | null> {
    return this.forUpdate(em.createQueryBuilder(BookingEntity, 'b').where('b.id = :id', { id })).getOne();
  }

  /** The first in line (lowest arrival number), locked. */
  firstInWaitlist(em: EntityManager, slotId: string): Promise<BookingEntity | null> {
    const qb = em.createQueryBuilder(BookingEntity, 'b').where('b.slotId = :slotId AND b.status = :st', { slotId, st: 'waitlisted' }).orderBy('b.waitlistSeq', 'ASC').limit(1);
    return this.forUpdate(qb).getOne();
  }

  /** Ends a booking's hold on its slot (cancelled or no-show): the unique key is freed with it. */
  async endBooking(em: EntityManager, id: string, change: Partial<Pick<BookingEntity, 'status' | 'cancelledAt' | 'noShowAt' | 'noShowCounted'>>): Promise<void> {
    await em.update(BookingEntity, { id }, { ...change, activeUserId: null });
  }

  async promote(em: EntityManager, id: string, now: Date): Promise<void> {
    await em.update(BookingEntity, { id, status: 'waitlisted' }, { status: 'confirmed', confirmedAt: now });
  }

  /** Slot counters after a place was given up: to the first in line (waitlist shrinks), or back to the pool. */
  async placeReleased(em: EntityManager, slotId: string, promoted: boolean): Promise<void> {
    const set = promoted ? { waitlisted: () => 'waitlisted - 1' } : { booked: () => 'booked - 1' };
    await em.createQueryBuilder().update(VenueSlotEntity).set(set).where('id = :slotId', { slotId }).execute();
  }

  async waitlistLeft(em: EntityManager, slotId: string): Promise<void> {
    await em.createQueryBuilder().update(VenueSlotEntity).set({ waitlisted: () => 'waitlisted - 1' }).where('id = :slotId', { slotId }).execute();
  }

  async closeSlot(em: EntityManager, slotId: string, now: Date): Promise<BookingEntity[]> {
    const holders = await this.forUpdate(
      em.createQueryBuilder(BookingEntity, 'b').where('b.slotId = :slotId AND b.status IN (:...st)', { slotId, st: ['confirmed', 'waitlisted'] }),
    ).getMany();
    if (holders.length) {
      await em.update(BookingEntity, { id: In(holders.map((b) => b.id)) }, { status: 'cancelled', cancelledAt: now, activeUserId: null });
    }
    const checkedIn = await em.countBy(BookingEntity, { slotId, status: 'checked_in' });
    await em.update(VenueSlotEntity, { id: slotId }, { closedAt: now, booked: checkedIn, waitlisted: 0 });
    return holders;
  }

  // ----- check-in -----

  async checkIn(em: EntityManager, slotId: string, userId: string, staffId: string, now: Date): Promise<boolean> {
    const res = await em.update(BookingEntity, { slotId, activeUserId: userId, status: 'confirmed' }, { status: 'checked_in', checkedInAt: now, checkedInBy: staffId });
    return res.affected === 1;
  }

  // ----- no-shows -----

  /** Confirmed bookings that started before `before`, in (startsAt, id) order after a keyset cursor. */
  dueCandidates(before: Date, after: { startsAt: Date; id: string } | null, limit: number): Promise<BookingEntity[]> {
    const qb = this.tx
      .manager()
      .createQueryBuilder(BookingEntity, 'b')
      .where('b.status = :st AND b.startsAt <= :before', { st: 'confirmed', before })
      .orderBy('b.startsAt', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .limit(limit);
    if (after) {
      qb.andWhere(
        new Brackets((w) => w.where('b.startsAt > :a', { a: after.startsAt }).orWhere('b.startsAt = :a AND b.id > :aid', { aid: after.id })),
      );
    }
    return qb.getMany();
  }

  /** When the member's counted no-shows happened, since `since`. */
  async countedNoShowsSince(em: EntityManager, userId: string, since: Date): Promise<Date[]> {
    const rows = await em
      .createQueryBuilder(BookingEntity, 'b')
      .select(['b.id', 'b.noShowAt'])
      .where('b.userId = :userId AND b.status = :st AND b.noShowCounted = :counted AND b.noShowAt > :since', { userId, st: 'no_show', counted: true, since })
      .getMany();
    return rows.map((r) => r.noShowAt!).filter(Boolean);
  }

  // ----- reads for responses -----

  findOwn(id: string, userId: string): Promise<BookingEntity | null> {
    return this.tx.manager().findOneBy(BookingEntity, { id, userId });
  }

  /** 1-based waitlist positions of waitlisted bookings, in one query for any number of them. */
  async waitlistPositions(bookings: Array<Pick<BookingEntity, 'id' | 'status'>>): Promise<Map<string, number>> {
    const ids = bookings.filter((b) => b.status === 'waitlisted').map((b) => b.id);
    if (!ids.length) return new Map();
    const rows = await this.tx
      .manager()
      .createQueryBuilder(BookingEntity, 'm')
      .innerJoin(BookingEntity, 'o', 'o.slotId = m.slotId AND o.status = :st AND o.waitlistSeq <= m.waitlistSeq', { st: 'waitlisted' })
      .select('m.id', 'id')
      .addSelect('COUNT(o.id)', 'position')
      .where('m.id IN (:...ids)', { ids })
      .groupBy('m.id')
      .getRawMany<{ id: string; position: string | number }>();
    return new Map(rows.map((r) => [r.id, Number(r.position)]));
  }

  async listMine(userId: string, scope: MyBookingScope, now: Date, p: { skip: number; limit: number }): Promise<[BookingEntity[], number]> {
    const qb = this.tx.manager().createQueryBuilder(BookingEntity, 'b').where('b.userId = :userId', { userId });
    if (scope === 'upcoming') {
      qb.andWhere('b.status IN (:...active) AND b.endsAt > :now', { active: ACTIVE, now }).orderBy('b.startsAt', 'ASC');
    } else {
      qb.andWhere(new Brackets((w) => w.where('b.status NOT IN (:...active)', { active: ACTIVE }).orWhere('b.endsAt <= :now', { now }))).orderBy('b.startsAt', 'DESC');
    }
    return qb.addOrderBy('b.id', 'ASC').skip(p.skip).take(p.limit).getManyAndCount();
  }

  roster(slotId: string): Promise<BookingEntity[]> {
    return this.tx
      .manager()
      .createQueryBuilder(BookingEntity, 'b')
      .where('b.slotId = :slotId AND b.status IN (:...st)', { slotId, st: ['confirmed', 'checked_in', 'waitlisted', 'no_show'] satisfies BookingStatus[] })
      .orderBy('b.waitlistSeq', 'ASC')
      .addOrderBy('b.createdAt', 'ASC')
      .getMany();
  }
}
