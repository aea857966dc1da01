import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { BookingStatus } from '@unionhome/shared';
import { TransactionRunner } from '../common/transaction-runner';
import { boolOf, instantOf, instantOrNull, instantParam } from '../database/raw-values';
import { UserEntity } from '../users/entities/user.entity';
import { VenueSlotEntity } from './entities/venue-slot.entity';
import { VenueEntity } from './entities/venue.entity';

/** Venues and slots: the reads of the day view and the writes of venue management. */
@Injectable()
export class VenuesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  findVenue(id: string): Promise<VenueEntity | null> {
    return this.tx.manager().findOneBy(VenueEntity, { id });
  }

  venuesByIds(ids: string[]): Promise<VenueEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.tx.manager().findBy(VenueEntity, { id: In([...new Set(ids)]) });
  }

  /** Active venues for workers; with `orgIds`, every venue of those orgs (staff management). */
  listVenues(filter: { activeOnly: boolean; orgIds?: string[] }): Promise<VenueEntity[]> {
    const qb = this.tx.manager().createQueryBuilder(VenueEntity, 'v').orderBy('v.createdAt', 'ASC').addOrderBy('v.name', 'ASC').limit(200);
    if (filter.activeOnly) qb.andWhere('v.active = :active', { active: true });
    if (filter.orgIds) {
      if (!filter.orgIds.length) return Promise.resolve([]);
      qb.andWhere('v.orgId IN (:...orgIds)', { orgIds: filter.orgIds });
    }
    return qb.getMany();
  }

  /** Inserts a copy: on MySQL TypeORM writes raw column defaults (booleans as 0/1) back into the object it inserted. */
  async insertVenue(em: EntityManager, venue: VenueEntity): Promise<void> {
    await em.insert(VenueEntity, { ...venue });
  }

  async updateVenue(em: EntityManager, id: string, change: Partial<VenueEntity>): Promise<void> {
    await em.update(VenueEntity, { id }, change);
  }

  /** Replaces the venue's printed check-in code: older prints stop verifying. */
  async bumpCheckInCode(em: EntityManager, venueId: string): Promise<void> {
    await em.createQueryBuilder().update(VenueEntity).set({ checkInCodeVersion: () => 'checkInCodeVersion + 1' }).where('id = :venueId', { venueId }).execute();
  }

  findSlot(id: string): Promise<VenueSlotEntity | null> {
    return this.tx.manager().findOneBy(VenueSlotEntity, { id });
  }

  /** A venue's slots starting in [from, to): one range scan of the (venueId, startsAt) index. */
  slotsBetween(venueId: string, from: Date, to: Date, em: EntityManager = this.tx.manager()): Promise<VenueSlotEntity[]> {
    return em
      .createQueryBuilder(VenueSlotEntity, 's')
      .where('s.venueId = :venueId AND s.startsAt >= :from AND s.startsAt < :to', { venueId, from, to })
      .orderBy('s.startsAt', 'ASC')
      .getMany();
  }

  /**
   * The day view in one statement: the venue by primary key, a range scan of its (venueId,
   * startsAt) index for the day, and the caller's own active booking of each slot by the unique
   * (slotId, activeUserId) index. `venue` is null when there is no such venue; a venue without
   * slots that day comes back as one row with no slot.
   *
   * This is the hottest read of the app (everyone refreshing a popular course as it opens), so it
   * is fixed SQL sent straight through the driver: plain SQL both databases run alike, no query
   * building and no entity hydration per request (together several times the cost of the query),
   * and one round trip for the venue's rules and the slots.
   */
  async dayView(venueId: string, from: Date, to: Date, userId: string): Promise<DayView> {
    const kind = this.tx.kind;
    const rows: RawDayViewRow[] = await this.tx.manager().query(DAY_VIEW_SQL, [instantParam(kind, from), instantParam(kind, to), userId, venueId]);
    if (!rows.length) return { venue: null, slots: [] };
    const v = rows[0];
    const venue = { id: venueId, orgId: v.orgId, active: boolOf(v.active), opensDaysAhead: Number(v.opensDaysAhead), opensAtHour: Number(v.opensAtHour) };
    const slots = rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id!,
        venueId,
        startsAt: instantOf(r.startsAt!),
        endsAt: instantOf(r.endsAt!),
        capacity: Number(r.capacity),
        booked: Number(r.booked),
        waitlisted: Number(r.waitlisted),
        closedAt: instantOrNull(r.closedAt),
        mine: r.bookingId ? { id: r.bookingId, status: r.bookingStatus! } : null,
      }));
    return { venue, slots };
  }

  /** Slots of the venue that overlap [startsAt, endsAt). Slots last at most a day, so the scan stays on the index. */
  overlapping(em: EntityManager, venueId: string, startsAt: Date, endsAt: Date): Promise<VenueSlotEntity[]> {
    return em
      .createQueryBuilder(VenueSlotEntity, 's')
      .where('s.venueId = :venueId AND s.startsAt > :earliest AND s.startsAt < :endsAt AND s.endsAt > :startsAt', {
        venueId,
        earliest: new Date(startsAt.getTime() - 86_400_000),
        startsAt,
        endsAt,
      })
      .getMany();
  }

  async insertSlots(em: EntityManager, slots: VenueSlotEntity[]): Promise<void> {
    // Chunks keep each statement well under both databases' parameter limits.
    for (let i = 0; i < slots.length; i += 50) await em.insert(VenueSlotEntity, slots.slice(i, i + 50).map((s) => ({ ...s })));
  }

  /** Names of people for a staff list (the caller masks them). */
  async namesOf(userIds: string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const rows = await this.tx.manager().find(UserEntity, { select: { id: true, name: true }, where: { id: In([...new Set(userIds)]) } });
    return new Map(rows.map((u) => [u.id, u.name]));
  }
}

export interface DayViewSlot extends Pick<VenueSlotEntity, 'id' | 'venueId' | 'startsAt' | 'endsAt' | 'capacity' | 'booked' | 'waitlisted' | 'closedAt'> {
  mine: { id: string; status: BookingStatus } | null;
}

export interface DayView {
  /** What the day view needs of the venue: who may see it, and when its slots open. */
  venue: Pick<VenueEntity, 'id' | 'orgId' | 'active' | 'opensDaysAhead' | 'opensAtHour'> | null;
  slots: DayViewSlot[];
}

const DAY_VIEW_SQL =
  'SELECT v.orgId, v.active, v.opensDaysAhead, v.opensAtHour, ' +
  's.id, s.startsAt, s.endsAt, s.capacity, s.booked, s.waitlisted, s.closedAt, b.id AS bookingId, b.status AS bookingStatus ' +
  'FROM venues v ' +
  'LEFT JOIN venue_slots s ON s.venueId = v.id AND s.startsAt >= ? AND s.startsAt < ? ' +
  'LEFT JOIN bookings b ON b.slotId = s.id AND b.activeUserId = ? ' +
  'WHERE v.id = ? ORDER BY s.startsAt';

interface RawDayViewRow {
  orgId: string;
  active: unknown;
  opensDaysAhead: number | string;
  opensAtHour: number | string;
  id: string | null;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  capacity: number | string | null;
  booked: number | string | null;
  waitlisted: number | string | null;
  closedAt: Date | string | null;
  bookingId: string | null;
  bookingStatus: BookingStatus | null;
}
