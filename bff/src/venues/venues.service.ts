import { Injectable } from '@nestjs/common';
import {
  addDays,
  bookingOpensAt,
  DEFAULT_VENUE_RULES,
  GenerateSlotsResponse,
  localDateTime,
  maskName,
  recurringProblems,
  recurringSlotTimes,
  SlotResponse,
  SlotRosterEntry,
  toBusinessIso,
  VenueResponse,
  VENUE_KINDS,
  VenueRules,
} from '@unionhome/shared';
import { conflict, invalid, notFound } from '../common/app-exception';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { OrgsRepository } from '../orgs/orgs.repository';
import { BookingsRepository } from './bookings.repository';
import { CreateSlotDto, GenerateSlotsDto } from './dto/slot.dto';
import { CreateVenueDto, UpdateVenueDto, VenueRulesDto } from './dto/venue.dto';
import { VenueSlotEntity } from './entities/venue-slot.entity';
import { VenueEntity } from './entities/venue.entity';
import { VenueAccess } from './venue-access';
import { toSlotMine, toSlotResponse, toVenueResponse, venueRules } from './venues.mapper';
import { VenuesRepository } from './venues.repository';

const MAX_SLOT_MS = 24 * 3_600_000;
const DEFAULT_RECURRING_WEEKS = 4;

/** Venues and their slots: the workers' day view, and management by venue staff. */
@Injectable()
export class VenuesService {
  constructor(
    private readonly venues: VenuesRepository,
    private readonly bookings: BookingsRepository,
    private readonly orgs: OrgsRepository,
    private readonly access: VenueAccess,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<VenueResponse[]> {
    return byKindThenName(await this.venues.listVenues({ activeOnly: true })).map(toVenueResponse);
  }

  async listManaged(user: AuthUser): Promise<VenueResponse[]> {
    const orgIds = await this.access.managedOrgIds(user);
    return byKindThenName(await this.venues.listVenues({ activeOnly: false, orgIds })).map(toVenueResponse);
  }

  async get(user: AuthUser, id: string): Promise<VenueResponse> {
    return toVenueResponse(await this.visibleVenue(user, id));
  }

  /**
   * The slots of one local day with their live counters and the caller's own booking, in one
   * statement however busy the day is (VenuesRepository.dayView; a second only when the caller
   * waits on the list, for the position).
   */
  async slotsOfDay(user: AuthUser, venueId: string, date: string): Promise<SlotResponse[]> {
    const from = localDateTime(date);
    const { venue, slots } = await this.venues.dayView(venueId, from, localDateTime(addDays(date, 1)), user.id);
    if (!venue || (!venue.active && !(await this.access.manages(user, venue)))) throw notFound('VENUE_NOT_FOUND');
    const mine = slots.flatMap((s) => (s.mine ? [s.mine] : []));
    const positions = await this.bookings.waitlistPositions(mine);
    const now = this.clock.now();
    // Every slot of one local date opens at the same instant.
    const opensAt = bookingOpensAt(from, venue);
    return slots.map((s) => toSlotResponse(s, venue, now, s.mine ? toSlotMine(s.mine, positions.get(s.mine.id)) : null, opensAt));
  }

  async create(user: AuthUser, dto: CreateVenueDto): Promise<VenueResponse> {
    const orgId = await this.orgForNewVenue(user, dto.orgId);
    const now = this.clock.now();
    const rules: VenueRules = { ...DEFAULT_VENUE_RULES, ...definedRules(dto.rules) };
    const venue: VenueEntity = {
      id: newId(),
      orgId,
      name: dto.name.trim(),
      kind: dto.kind,
      description: dto.description?.trim() ?? '',
      location: dto.location?.trim() ?? '',
      active: true,
      ...rules,
      checkInCodeVersion: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.tx.run((em) => this.venues.insertVenue(em, venue));
    return toVenueResponse(venue);
  }

  async update(user: AuthUser, id: string, dto: UpdateVenueDto): Promise<VenueResponse> {
    const venue = await this.managedVenue(user, id);
    const change: Partial<VenueEntity> = {
      ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
      ...(dto.description !== undefined ? { description: dto.description.trim() } : {}),
      ...(dto.location !== undefined ? { location: dto.location.trim() } : {}),
      ...(dto.active !== undefined ? { active: dto.active } : {}),
      ...definedRules(dto.rules),
      updatedAt: this.clock.now(),
    };
    await this.tx.run((em) => this.venues.updateVenue(em, id, change));
    return toVenueResponse({ ...venue, ...change });
  }

  async createSlot(user: AuthUser, venueId: string, dto: CreateSlotDto): Promise<SlotResponse> {
    const venue = await this.managedVenue(user, venueId);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (Number.isNaN(startsAt.getTime())) throw invalid({ startsAt: '时间不正确' });
    if (Number.isNaN(endsAt.getTime())) throw invalid({ endsAt: '时间不正确' });
    if (endsAt <= startsAt) throw invalid({ endsAt: '结束时间应晚于开始时间' });
    if (endsAt.getTime() - startsAt.getTime() > MAX_SLOT_MS) throw invalid({ endsAt: '一个时段不能超过24小时' });
    const now = this.clock.now();
    if (startsAt <= now) throw invalid({ startsAt: '开始时间已经过去了' });
    const slot = newSlot(venueId, startsAt, endsAt, dto.capacity ?? venue.capacity, now);
    try {
      await this.tx.run(async (em) => {
        const clash = await this.venues.overlapping(em, venueId, startsAt, endsAt);
        if (clash.length) throw conflict('SLOT_OVERLAP', undefined, { slotId: clash[0].id, startsAt: toBusinessIso(clash[0].startsAt) });
        await this.venues.insertSlots(em, [slot]);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('SLOT_OVERLAP');
      throw err;
    }
    return toSlotResponse(slot, venueRules(venue), now, null);
  }

  /** E.g. every weekday 19:00–20:00 for the next 4 weeks; times that already have a slot (or overlap one) are skipped. */
  async generateSlots(user: AuthUser, venueId: string, dto: GenerateSlotsDto): Promise<GenerateSlotsResponse> {
    const venue = await this.managedVenue(user, venueId);
    if (dto.weeks !== undefined && dto.toDate !== undefined) throw invalid({ toDate: '周数和结束日期只填一个' });
    const toDate = dto.toDate ?? addDays(dto.fromDate, (dto.weeks ?? DEFAULT_RECURRING_WEEKS) * 7 - 1);
    const input = { fromDate: dto.fromDate, toDate, weekdays: dto.weekdays, startTime: dto.startTime, endTime: dto.endTime };
    const problems = recurringProblems(input);
    if (Object.keys(problems).length) throw invalid(problems);
    const now = this.clock.now();
    const times = recurringSlotTimes(input);
    const future = times.filter((t) => t.startsAt > now);
    const capacity = dto.capacity ?? venue.capacity;
    let created = 0;
    try {
      created = await this.tx.run(async (em) => {
        if (!future.length) return 0;
        const existing = await this.venues.slotsBetween(venueId, new Date(future[0].startsAt.getTime() - MAX_SLOT_MS), future[future.length - 1].endsAt, em);
        const fresh = future.filter((t) => !existing.some((s) => s.startsAt < t.endsAt && s.endsAt > t.startsAt));
        await this.venues.insertSlots(em, fresh.map((t) => newSlot(venueId, t.startsAt, t.endsAt, capacity, now)));
        return fresh.length;
      });
    } catch (err) {
      // Another generation for the same venue and times committed first.
      if (isUniqueViolation(err)) throw conflict('SLOT_OVERLAP');
      throw err;
    }
    return { created, skipped: times.length - created, fromDate: dto.fromDate, toDate };
  }

  /** The people booked (and waiting) for a slot, for the staff at the door; names masked. */
  async roster(user: AuthUser, slotId: string): Promise<SlotRosterEntry[]> {
    const slot = await this.venues.findSlot(slotId);
    const venue = slot ? await this.venues.findVenue(slot.venueId) : null;
    if (!slot || !venue || !(await this.access.manages(user, venue))) throw notFound('SLOT_NOT_FOUND');
    const rows = await this.bookings.roster(slotId);
    const names = await this.venues.namesOf(rows.map((b) => b.userId));
    const order: Record<string, number> = { checked_in: 0, confirmed: 1, waitlisted: 2, no_show: 3 };
    let waiting = 0;
    return rows
      .sort((a, b) => order[a.status] - order[b.status] || (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0) || a.createdAt.getTime() - b.createdAt.getTime())
      .map((b) => ({
        bookingId: b.id,
        status: b.status,
        nameMasked: maskName(names.get(b.userId) ?? ''),
        position: b.status === 'waitlisted' ? ++waiting : null,
        checkedInAt: b.checkedInAt ? toBusinessIso(b.checkedInAt) : null,
      }));
  }

  /** A venue the caller may see: active ones for everybody, inactive ones for those who manage them. */
  private async visibleVenue(user: AuthUser, id: string): Promise<VenueEntity> {
    const venue = await this.venues.findVenue(id);
    if (!venue || (!venue.active && !(await this.access.manages(user, venue)))) throw notFound('VENUE_NOT_FOUND');
    return venue;
  }

  private async managedVenue(user: AuthUser, id: string): Promise<VenueEntity> {
    const venue = await this.venues.findVenue(id);
    if (!venue || !(await this.access.manages(user, venue))) throw notFound('VENUE_NOT_FOUND');
    return venue;
  }

  private async orgForNewVenue(user: AuthUser, requested: string | undefined): Promise<string> {
    const staffOrg = this.access.staffOrg(user);
    if (this.access.isAdmin(user)) {
      const orgId = requested ?? staffOrg;
      if (!orgId) throw invalid({ orgId: '请选择场馆所属的文化宫' });
      if (!(await this.orgs.findById(orgId))) throw notFound('ORG_NOT_FOUND');
      return orgId;
    }
    if (!staffOrg) throw notFound('ORG_NOT_FOUND');
    if (requested && !(await this.orgs.isWithin(requested, staffOrg))) throw notFound('ORG_NOT_FOUND');
    return requested ?? staffOrg;
  }
}

/** Rooms, gym, pool, then courses (the order of VENUE_KINDS), by name within a kind. */
function byKindThenName(venues: VenueEntity[]): VenueEntity[] {
  const rank = (v: VenueEntity) => VENUE_KINDS.indexOf(v.kind);
  return [...venues].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

function newSlot(venueId: string, startsAt: Date, endsAt: Date, capacity: number, now: Date): VenueSlotEntity {
  return { id: newId(), venueId, startsAt, endsAt, capacity, booked: 0, waitlisted: 0, waitlistSeq: 0, closedAt: null, createdAt: now };
}

/** Only the rules the request set (undefined keys would overwrite with nothing). */
function definedRules(rules: VenueRulesDto | undefined): Partial<VenueRules> {
  if (!rules) return {};
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined)) as Partial<VenueRules>;
}
