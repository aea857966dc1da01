import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ACTIVE_BOOKING_STATUSES, BookingStatus, MyBookingScope, VenueRules } from '@unionhome/shared';
import { TransactionRunner } from '../common/transaction-runner';
import { boolOf, instantOf, instantOrNull, instantParam, intOrNull } from '../database/raw-values';
import { ACTIVE_MEMBERSHIP_EXISTS_SQL } from '../membership/membership-lookup';
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
    const rows: unknown[] = await em.query(this.tx.kind === 'mysql' ? `${LOCK_MEMBER_SQL} FOR UPDATE` : LOCK_MEMBER_SQL, [userId]);
    return rows.length > 0;
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

  async suspend(em: EntityManager, userId: string, from: Date, until: Date, reason: string): Promise<void> {
    await em.update(BookingAccountEntity, { userId }, { suspendedAt: from, suspendedUntil: until, suspensionReason: reason, updatedAt: from });
  }

  // ----- what the member already holds -----

  /** The member's active booking of a slot, by the unique (slotId, activeUserId) index. */
  findActiveOfSlot(slotId: string, userId: string, em: EntityManager = this.tx.manager()): Promise<BookingEntity | null> {
    return em.findOneBy(BookingEntity, { slotId, activeUserId: userId });
  }

  // ----- deciding a booking: two plain reads (the booking request is the rush path) -----

  /**
   * Everything a booking is decided on, in one statement without locks: the slot, its venue's
   * rules, whether the person is an active member, their suspension and whether they already hold
   * the slot. Null for no such slot. (Per-day and per-week counts need the slot's date: settled.)
   */
  async bookingContext(slotId: string, userId: string): Promise<BookingContext | null> {
    const rows: RawBookingContext[] = await this.tx.manager().query(BOOKING_CONTEXT_SQL, [userId, userId, userId, slotId]);
    const r = rows[0];
    if (!r) return null;
    return {
      slot: { id: slotId, venueId: r.venueId, startsAt: instantOf(r.startsAt), endsAt: instantOf(r.endsAt), capacity: Number(r.slotCapacity), booked: Number(r.booked), closedAt: instantOrNull(r.closedAt) },
      venueActive: boolOf(r.active),
      rules: {
        capacity: Number(r.capacity),
        opensDaysAhead: Number(r.opensDaysAhead),
        opensAtHour: Number(r.opensAtHour),
        membersOnly: boolOf(r.membersOnly),
        maxPerDay: intOrNull(r.maxPerDay),
        maxPerWeek: intOrNull(r.maxPerWeek),
        cancelCutoffHours: Number(r.cancelCutoffHours),
        noShowGraceMinutes: Number(r.noShowGraceMinutes),
        noShowCounts: boolOf(r.noShowCounts),
        waitlist: boolOf(r.waitlist),
      },
      isMember: boolOf(r.member),
      suspendedUntil: instantOrNull(r.suspendedUntil),
      holdsThisSlot: r.mineId !== null,
    };
  }

  /**
   * What may have changed since bookingContext, as this transaction sees it after the member's
   * lock, in one indexed read: the slot's counters, the suspension, and the member's active
   * bookings at this venue in the slot's week, on its day, and of the slot itself.
   */
  async settled(em: EntityManager, q: { userId: string; venueId: string; slotId: string; date: string; weekFrom: string; weekTo: string }): Promise<SettledFacts | null> {
    const rows: RawSettled[] = await em.query(SETTLED_SQL, [q.userId, q.date, q.slotId, q.userId, q.venueId, q.weekFrom, q.weekTo, ...ACTIVE, q.slotId]);
    const r = rows[0];
    if (!r) return null;
    return {
      booked: Number(r.booked),
      capacity: Number(r.capacity),
      closed: r.closedAt !== null,
      suspendedUntil: instantOrNull(r.suspendedUntil),
      counts: { week: Number(r.week ?? 0), day: Number(r.day ?? 0), slot: Number(r.slot ?? 0) },
    };
  }

  // ----- places: the capacity arbitration -----

  /**
   * Takes one place if there is one: a single guarded UPDATE whose WHERE re-checks the capacity on
   * the latest committed row under its row lock, so no interleaving can push `booked` past
   * `capacity`. True when this transaction got the place.
   */
  async takePlace(em: EntityManager, slotId: string): Promise<boolean> {
    const res = await em.queryRunner!.query(TAKE_PLACE_SQL, [slotId], true);
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

  /** Plain INSERT: on the rush path TypeORM's insert building cost more than the statement. */
  async insertBooking(em: EntityManager, b: BookingEntity): Promise<void> {
    const at = (d: Date | null) => (d === null ? null : instantParam(this.tx.kind, d));
    await em.query(INSERT_BOOKING_SQL, [
      b.id, b.slotId, b.venueId, b.userId, b.activeUserId, b.status, b.waitlistSeq, b.slotDate, at(b.startsAt), at(b.endsAt), at(b.createdAt),
      at(b.confirmedAt), at(b.cancelledAt), at(b.checkedInAt), b.checkedInBy, at(b.noShowAt), b.noShowCounted ? 1 : 0,
    ]);
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
    await em.update(BookingEntity, { id, status: 'waitlisted' }, { status: 'confirmed', confirmedAt: now, promotedAt: now });
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

  /** The person's bookings at a venue on these local dates that a check-in could concern (by the user/venue/date index). */
  checkInCandidates(userId: string, venueId: string, dates: string[]): Promise<BookingEntity[]> {
    return this.tx.manager().findBy(BookingEntity, { userId, venueId, slotDate: In(dates), status: In(['confirmed', 'checked_in'] satisfies BookingStatus[]) });
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

export interface BookingContext {
  slot: Pick<VenueSlotEntity, 'id' | 'venueId' | 'startsAt' | 'endsAt' | 'capacity' | 'booked' | 'closedAt'>;
  venueActive: boolean;
  rules: VenueRules;
  isMember: boolean;
  suspendedUntil: Date | null;
  /** An active booking (or waitlist place) of this slot, by the unique (slotId, activeUserId) index. */
  holdsThisSlot: boolean;
}

export interface SettledFacts {
  booked: number;
  capacity: number;
  closed: boolean;
  suspendedUntil: Date | null;
  counts: { week: number; day: number; slot: number };
}

const LOCK_MEMBER_SQL = 'SELECT id FROM users WHERE id = ?';

const BOOKING_CONTEXT_SQL =
  'SELECT s.venueId, s.startsAt, s.endsAt, s.capacity AS slotCapacity, s.booked, s.closedAt, ' +
  'v.active, v.capacity, v.opensDaysAhead, v.opensAtHour, v.membersOnly, v.maxPerDay, v.maxPerWeek, v.cancelCutoffHours, v.noShowGraceMinutes, v.noShowCounts, v.waitlist, ' +
  `CASE WHEN ${ACTIVE_MEMBERSHIP_EXISTS_SQL} THEN 1 ELSE 0 END AS member, a.suspendedUntil, mine.id AS mineId ` +
  'FROM venue_slots s JOIN venues v ON v.id = s.venueId LEFT JOIN booking_accounts a ON a.userId = ? ' +
  'LEFT JOIN bookings mine ON mine.slotId = s.id AND mine.activeUserId = ? ' +
  'WHERE s.id = ?';

interface RawBookingContext {
  venueId: string;
  startsAt: Date | string;
  endsAt: Date | string;
  slotCapacity: number | string;
  booked: number | string;
  closedAt: Date | string | null;
  active: unknown;
  capacity: number | string;
  opensDaysAhead: number | string;
  opensAtHour: number | string;
  membersOnly: unknown;
  maxPerDay: number | string | null;
  maxPerWeek: number | string | null;
  cancelCutoffHours: number | string;
  noShowGraceMinutes: number | string;
  noShowCounts: unknown;
  waitlist: unknown;
  member: unknown;
  suspendedUntil: Date | string | null;
  mineId: string | null;
}

const SETTLED_SQL =
  'SELECT s.booked, s.capacity, s.closedAt, a.suspendedUntil, c.week, c.day, c.slot FROM venue_slots s ' +
  'LEFT JOIN booking_accounts a ON a.userId = ? ' +
  'CROSS JOIN (SELECT COUNT(*) AS week, SUM(CASE WHEN b.slotDate = ? THEN 1 ELSE 0 END) AS day, SUM(CASE WHEN b.slotId = ? THEN 1 ELSE 0 END) AS slot ' +
  `FROM bookings b WHERE b.userId = ? AND b.venueId = ? AND b.slotDate BETWEEN ? AND ? AND b.status IN (${ACTIVE.map(() => '?').join(', ')})) c ` +
  'WHERE s.id = ?';

interface RawSettled {
  booked: number | string;
  capacity: number | string;
  closedAt: Date | string | null;
  suspendedUntil: Date | string | null;
  week: number | string | null;
  day: number | string | null;
  slot: number | string | null;
}

const TAKE_PLACE_SQL = 'UPDATE venue_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity AND closedAt IS NULL';

const INSERT_BOOKING_SQL =
  'INSERT INTO bookings (id, slotId, venueId, userId, activeUserId, status, waitlistSeq, slotDate, startsAt, endsAt, createdAt, ' +
  'confirmedAt, cancelledAt, checkedInAt, checkedInBy, noShowAt, noShowCounted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
