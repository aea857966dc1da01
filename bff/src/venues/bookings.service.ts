import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  BookingAccountResponse,
  BookingRefusal,
  bookingRefusal,
  bookingRefusalMessage,
  BookingResponse,
  businessDateTimeLabel,
  businessTime,
  CancelBookingResponse,
  cancelDeadline,
  cancelRefusal,
  cancelRuleText,
  localDate,
  MyBookingResponse,
  MyBookingScope,
  noShowAt,
  noShowCounts,
  Paged,
  SlotResponse,
  toBusinessIso,
  waitlistPromotionOpen,
  weekRange,
} from '@unionhome/shared';
import { AppException, conflict, forbidden, notFound, unprocessable } from '../common/app-exception';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { paged } from '../common/paging';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { MessagesService } from '../messages/messages.service';
import { BookingsRepository } from './bookings.repository';
import { CreateBookingDto } from './dto/booking.dto';
import { BookingEntity } from './entities/booking.entity';
import { VenueSlotEntity } from './entities/venue-slot.entity';
import { VenueEntity } from './entities/venue.entity';
import { withTxRetry } from '../common/tx-retry';
import { VenueAccess } from './venue-access';
import { toMyBookingResponse, toSlotResponse, venueRules } from './venues.mapper';
import { VenuesRepository } from './venues.repository';

export const MY_BOOKINGS_LINK = '/packages/venues/pages/mine/index';

/** "11月23日 19:00–20:00" */
export function slotLabel(slot: { startsAt: Date; endsAt: Date }): string {
  return `${businessDateTimeLabel(slot.startsAt)}–${businessTime(slot.endsAt)}`;
}

/**
 * Booking, cancellation and the waitlist.
 *
 * How "never more confirmed bookings than places" and "one booking per member per slot" hold under
 * any interleaving, on any number of BFF instances sharing one database (DESIGN.md §4):
 *
 * 1. Capacity is decided by ONE guarded statement inside the booking transaction:
 *    `UPDATE venue_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity`, and the
 *    affected-row count says whether this transaction got a place. InnoDB evaluates the WHERE on
 *    the latest committed row while holding its row lock until commit, so two transactions can
 *    never both see the last place; a rollback (e.g. a duplicate below) gives it back. We chose
 *    this over the alternatives measured in TOOLCHAIN.md: read-then-write overbooked 15× (both
 *    read "19 booked"); SELECT … FOR UPDATE is equally correct but needs a read and a write under
 *    the lock (p99 129 ms vs 98 ms for 300 clients / 20 places); TypeORM's optimistic version
 *    column made losers fail instead of wait and left places unsold. Statement-level arbitration is
 *    also plain MySQL SQL that runs unchanged on TiDB/OceanBase (no triggers, no procedures).
 * 2. "One per member per slot" is the unique index (slotId, activeUserId): a second active booking
 *    of the same member cannot be inserted whatever the timing; activeUserId is NULL once a booking
 *    ends, so history does not block a re-booking.
 * 3. Per-member rules (daily/weekly limits, suspension) are checked after locking the person's own
 *    users row (SELECT … FOR UPDATE): one person's concurrent taps queue behind each other and
 *    count settled data; other people never wait for it. It is taken before the slot's lock.
 * 4. Every change of a slot's places or waitlist (book, waitlist, cancel, promote, no-show, close)
 *    happens under that slot row's lock, so the waitlist is FIFO by the arrival numbers the slot
 *    hands out, and a released place goes to the first in line in the same transaction.
 * 5. Deadlocks and lock-wait timeouts (and SQLite's BUSY between processes) retry the whole
 *    transaction a bounded number of times (withTxRetry).
 * 6. Losers of a rush for a full slot are refused from plain reads — before the transaction, and
 *    again inside it just before the slot's lock — so once the places are gone they stop queueing
 *    on the slot row; only requests that might get a place (or a waitlist number) take its lock.
 *    A stale "full" can only turn away a request a moment early; a stale "not full" is settled by
 *    the guarded UPDATE.
 */
@Injectable()
export class BookingsService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly venues: VenuesRepository,
    private readonly messages: MessagesService,
    private readonly access: VenueAccess,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async book(user: AuthUser, dto: CreateBookingDto): Promise<BookingResponse> {
    // One plain read, no lock: refusals, and the losers of a rush for a full slot, leave here.
    const ctx = await this.bookings.bookingContext(dto.slotId, user.id);
    if (!ctx || !ctx.venueActive) throw notFound('SLOT_NOT_FOUND');
    const { slot, rules } = ctx;
    const wantsWaitlist = dto.waitlist === true && rules.waitlist;
    const date = localDate(slot.startsAt);
    const decide = (now: Date, suspendedUntil: Date | null, counts: { day: number; week: number; slot: number } | null) =>
      bookingRefusal({
        now,
        slot: { startsAt: slot.startsAt, closed: slot.closedAt !== null },
        rules,
        isMember: ctx.isMember,
        suspendedUntil,
        // Day and week are counted under the member's lock (below), on settled data.
        holdsThisSlot: counts ? counts.slot > 0 : ctx.holdsThisSlot,
        activeThatDay: counts?.day ?? 0,
        activeThatWeek: counts?.week ?? 0,
      });
    const early = decide(this.clock.now(), ctx.suspendedUntil, null);
    if (early) throw refusalException(early);
    if (slot.booked >= slot.capacity && !wantsWaitlist) throw conflict('SLOT_FULL');

    const week = weekRange(date);
    const settledQuery = { userId: user.id, venueId: slot.venueId, slotId: slot.id, date, weekFrom: week.from, weekTo: week.to };
    try {
      return await this.underMemberLock(user.id, async (em) => {
        const now = this.clock.now();
        const settled = await this.bookings.settled(em, settledQuery);
        if (!settled) throw notFound('SLOT_NOT_FOUND');
        const refusal = decide(now, settled.suspendedUntil, settled.counts);
        if (refusal) throw refusalException(refusal);
        // Once the slot has filled, the many losers of a rush answer SLOT_FULL here instead of
        // queueing on the slot row's lock just to be told the same.
        if (!wantsWaitlist && settled.booked >= settled.capacity) throw conflict('SLOT_FULL');
        return this.takePlaceOrQueue(em, user.id, slot, wantsWaitlist, now);
      });
    } catch (err) {
      // The unique (slotId, activeUserId) index: the member's other request got there first.
      if (isUniqueViolation(err)) throw conflict('ALREADY_BOOKED');
      throw err;
    }
  }

  private async takePlaceOrQueue(em: EntityManager, userId: string, slot: BookableSlot, wantsWaitlist: boolean, now: Date): Promise<BookingResponse> {
    if (!wantsWaitlist) return this.confirmPlace(em, userId, slot, now);
    // A place freed between "full" and joining the queue is taken instead: at most a few rounds.
    for (let round = 0; round < 3; round++) {
      if (await this.bookings.takePlace(em, slot.id)) {
        const booking = newBooking(slot, userId, 'confirmed', null, now);
        await this.bookings.insertBooking(em, booking);
        return { id: booking.id, slotId: slot.id, status: 'confirmed' };
      }
      if (!wantsWaitlist) throw conflict('SLOT_FULL');
      const queued = await this.bookings.joinWaitlist(em, slot.id);
      if (queued) {
        const booking = newBooking(slot, userId, 'waitlisted', queued.seq, now);
        await this.bookings.insertBooking(em, booking);
        return { id: booking.id, slotId: slot.id, status: 'waitlisted', position: queued.position };
      }
    }
    const fresh = await em.findOneBy(VenueSlotEntity, { id: slot.id });
    throw fresh?.closedAt ? unprocessable('BOOKING_CLOSED') : conflict('SLOT_FULL');
  }

  /**
   * A place or nothing. The booking row goes in first and the guarded UPDATE last, so the slot
   * row's lock, which the UPDATE takes, is held only until the commit that follows it: in a rush
   * every round trip made under that lock waits behind the other requests' work in this process,
   * and the next member in line waits for all of it. No place left: the error rolls the row back
   * with the transaction.
   */
  private async confirmPlace(em: EntityManager, userId: string, slot: BookableSlot, now: Date): Promise<BookingResponse> {
    const booking = newBooking(slot, userId, 'confirmed', null, now);
    await this.bookings.insertBooking(em, booking);
    if (!(await this.bookings.takePlace(em, slot.id))) throw conflict('SLOT_FULL');
    return { id: booking.id, slotId: slot.id, status: 'confirmed' };
  }

  /** Runs `work` in a transaction holding the person's lock, retried when it lost a deadlock. */
  private underMemberLock<T>(userId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return withTxRetry(() =>
      this.tx.run(async (em) => {
        if (!(await this.bookings.lockMember(em, userId))) throw notFound('USER_NOT_FOUND');
        return work(em);
      }),
    );
  }

  async cancel(user: AuthUser, bookingId: string): Promise<CancelBookingResponse> {
    const found = await this.bookings.findOwn(bookingId, user.id);
    if (!found) throw notFound('BOOKING_NOT_FOUND');
    if (found.status === 'cancelled') return { status: 'cancelled' };
    const venue = await this.venues.findVenue(found.venueId);
    if (!venue) throw notFound('BOOKING_NOT_FOUND');
    const rules = venueRules(venue);
    return withTxRetry(() =>
      this.tx.run(async (em) => {
        await this.bookings.lockSlot(em, found.slotId);
        const booking = await this.bookings.lockBooking(em, found.id);
        if (!booking || booking.status === 'cancelled') return { status: 'cancelled' as const };
        const now = this.clock.now();
        const refusal = cancelRefusal({ status: booking.status, startsAt: booking.startsAt }, rules, now);
        if (refusal === 'CANCEL_TOO_LATE') {
          const deadline = booking.status === 'waitlisted' ? booking.startsAt : cancelDeadline(booking.startsAt, rules);
          throw unprocessable('CANCEL_TOO_LATE', `已过取消时间：${cancelRuleText(rules)}，本次截止于${businessDateTimeLabel(deadline)}`, {
            deadline: toBusinessIso(deadline),
          });
        }
        if (refusal) throw conflict('BOOKING_NOT_ACTIVE');
        await this.bookings.endBooking(em, booking.id, { status: 'cancelled', cancelledAt: now });
        if (booking.status === 'confirmed') await this.releasePlace(em, booking.slotId, venue, now, booking);
        else await this.bookings.waitlistLeft(em, booking.slotId);
        return { status: 'cancelled' as const };
      }),
    );
  }

  /**
   * A confirmed place was given up (cancelled, no-show): it goes to the first in line, who is told
   * in the message centre, or back to the pool. Only while the slot can still be used (shared
   * waitlistPromotionOpen): a no-show found late, e.g. by the job catching up after downtime, must
   * not hand a place in a slot that is over to someone who then "misses" it. Runs in the caller's
   * transaction, which holds the slot row lock.
   */
  async releasePlace(em: EntityManager, slotId: string, venue: VenueEntity, now: Date, slot: { startsAt: Date; endsAt: Date }): Promise<void> {
    const rules = venueRules(venue);
    const first = waitlistPromotionOpen(slot, rules, now) ? await this.bookings.firstInWaitlist(em, slotId) : null;
    if (!first) {
      await this.bookings.placeReleased(em, slotId, false);
      return;
    }
    await this.bookings.promote(em, first.id, now);
    await this.bookings.placeReleased(em, slotId, true);
    const late = !noShowCounts({ startsAt: first.startsAt, promotedAt: now }, true);
    // Promoted after the start (a no-show's place): the newcomer gets the grace period from now.
    const next = now >= first.startsAt
      ? `请于${businessTime(noShowAt({ startsAt: first.startsAt, confirmedAt: now }, rules))}前到场签到。`
      : late
        ? '请准时到场签到。'
        : `${cancelRuleText(rules)}，如不能参加请及时取消。`;
    const counting = late ? '这次是临近开始才递补上的，来不了也不计入未到场次数。' : '';
    await this.messages.send(
      first.userId,
      { title: '候补成功', body: `您候补的「${venue.name}」${slotLabel(first)}有了空位，已为您自动预约成功。${next}${counting}`, link: MY_BOOKINGS_LINK },
      em,
    );
  }

  /** Staff close a slot (the course is cancelled): every booking and waitlist place of it ends and the people are told. */
  async closeSlot(user: AuthUser, slotId: string): Promise<SlotResponse> {
    const slot = await this.venues.findSlot(slotId);
    const venue = slot ? await this.venues.findVenue(slot.venueId) : null;
    if (!slot || !venue || !(await this.access.manages(user, venue))) throw notFound('SLOT_NOT_FOUND');
    const now = this.clock.now();
    const closed = await withTxRetry(() =>
      this.tx.run(async (em) => {
        const locked = await this.bookings.lockSlot(em, slotId);
        if (!locked) throw notFound('SLOT_NOT_FOUND');
        if (!locked.closedAt) {
          const ended = await this.bookings.closeSlot(em, slotId, now);
          for (const b of ended) {
            await this.messages.send(b.userId, { title: '预约已取消', body: `「${venue.name}」${slotLabel(b)}因场馆安排暂停开放，您的${b.status === 'waitlisted' ? '候补' : '预约'}已自动取消，敬请谅解。`, link: MY_BOOKINGS_LINK }, em);
          }
        }
        return em.findOneByOrFail(VenueSlotEntity, { id: slotId });
      }),
    );
    return toSlotResponse(closed, venueRules(venue), now, null);
  }

  async listMine(user: AuthUser, scope: MyBookingScope, p: { page: number; limit: number; skip: number }): Promise<Paged<MyBookingResponse>> {
    const now = this.clock.now();
    const [rows, total] = await this.bookings.listMine(user.id, scope, now, p);
    const [venues, positions] = await Promise.all([this.venues.venuesByIds(rows.map((b) => b.venueId)), this.bookings.waitlistPositions(rows)]);
    const byId = new Map(venues.map((v) => [v.id, v]));
    return paged(
      rows.filter((b) => byId.has(b.venueId)).map((b) => toMyBookingResponse(b, byId.get(b.venueId)!, positions.get(b.id), now)),
      total,
      p,
    );
  }

  async account(user: AuthUser): Promise<BookingAccountResponse> {
    const account = await this.bookings.findAccount(user.id);
    const running = account?.suspendedUntil && account.suspendedUntil > this.clock.now();
    return running ? { suspendedUntil: toBusinessIso(account!.suspendedUntil!), reason: account!.suspensionReason } : { suspendedUntil: null, reason: null };
  }
}

/** The slot facts a new booking copies. */
type BookableSlot = Pick<VenueSlotEntity, 'id' | 'venueId' | 'startsAt' | 'endsAt'>;

export function newBooking(slot: BookableSlot, userId: string, status: 'confirmed' | 'waitlisted', waitlistSeq: number | null, now: Date): BookingEntity {
  return {
    id: newId(),
    slotId: slot.id,
    venueId: slot.venueId,
    userId,
    activeUserId: userId,
    status,
    waitlistSeq,
    slotDate: localDate(slot.startsAt),
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    createdAt: now,
    confirmedAt: status === 'confirmed' ? now : null,
    promotedAt: null,
    cancelledAt: null,
    checkedInAt: null,
    checkedInBy: null,
    noShowAt: null,
    noShowCounted: false,
  };
}

/** The API error of a booking refusal (API.md codes and statuses), with the actionable detail. */
export function refusalException(r: BookingRefusal): AppException {
  const message = bookingRefusalMessage(r);
  switch (r.code) {
    case 'MEMBERS_ONLY':
      return forbidden('MEMBERS_ONLY', message);
    case 'BOOKING_SUSPENDED':
      return new AppException('BOOKING_SUSPENDED', HttpStatus.FORBIDDEN, { message, details: { until: toBusinessIso(r.until) } });
    case 'BOOKING_CLOSED':
      return unprocessable('BOOKING_CLOSED', message);
    case 'BOOKING_NOT_OPEN':
      return unprocessable('BOOKING_NOT_OPEN', message, { opensAt: toBusinessIso(r.opensAt) });
    case 'ALREADY_BOOKED':
      return conflict('ALREADY_BOOKED', message);
    case 'BOOKING_LIMIT_REACHED':
      return unprocessable('BOOKING_LIMIT_REACHED', message, { period: r.period, limit: r.limit });
  }
}
