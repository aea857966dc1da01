import {
  bookingOpensAt,
  cancelDeadline,
  cancelRefusal,
  MyBookingResponse,
  SlotMine,
  SlotResponse,
  slotStatus,
  toBusinessIso,
  VenueResponse,
  VenueRules,
} from '@unionhome/shared';
import { BookingEntity } from './entities/booking.entity';
import { VenueSlotEntity } from './entities/venue-slot.entity';
import { VenueEntity } from './entities/venue.entity';

/** Pure mappers from entities to the shared response types: entities never leave the BFF. */

export function venueRules(v: VenueEntity): VenueRules {
  return {
    capacity: v.capacity,
    opensDaysAhead: v.opensDaysAhead,
    opensAtHour: v.opensAtHour,
    membersOnly: v.membersOnly,
    maxPerDay: v.maxPerDay,
    maxPerWeek: v.maxPerWeek,
    cancelCutoffHours: v.cancelCutoffHours,
    noShowGraceMinutes: v.noShowGraceMinutes,
    noShowCounts: v.noShowCounts,
    waitlist: v.waitlist,
  };
}

export function toVenueResponse(v: VenueEntity): VenueResponse {
  return { id: v.id, orgId: v.orgId, name: v.name, kind: v.kind, description: v.description, location: v.location, active: v.active, rules: venueRules(v) };
}

type SlotFields = Pick<VenueSlotEntity, 'id' | 'venueId' | 'startsAt' | 'endsAt' | 'capacity' | 'booked' | 'waitlisted' | 'closedAt'>;

/** `opensAt` may be passed in when the caller already knows it (all slots of one date share it). */
export function toSlotResponse(s: SlotFields, rules: Pick<VenueRules, 'opensDaysAhead' | 'opensAtHour'>, now: Date, mine: SlotMine | null, opensAt = bookingOpensAt(s.startsAt, rules)): SlotResponse {
  return {
    id: s.id,
    venueId: s.venueId,
    startsAt: toBusinessIso(s.startsAt),
    endsAt: toBusinessIso(s.endsAt),
    capacity: s.capacity,
    booked: s.booked,
    waitlisted: s.waitlisted,
    status: slotStatus({ startsAt: s.startsAt, capacity: s.capacity, booked: s.booked, closed: s.closedAt !== null }, rules, now, opensAt),
    opensAt: toBusinessIso(opensAt),
    mine,
  };
}

export function toSlotMine(b: Pick<BookingEntity, 'id' | 'status'>, position: number | undefined): SlotMine {
  return { bookingId: b.id, status: b.status, position: b.status === 'waitlisted' ? (position ?? null) : null };
}

export function toMyBookingResponse(b: BookingEntity, venue: VenueEntity, position: number | undefined, now: Date): MyBookingResponse {
  const rules = venueRules(venue);
  return {
    id: b.id,
    slotId: b.slotId,
    status: b.status,
    position: b.status === 'waitlisted' ? (position ?? null) : null,
    venue: { id: venue.id, name: venue.name, kind: venue.kind, location: venue.location },
    startsAt: toBusinessIso(b.startsAt),
    endsAt: toBusinessIso(b.endsAt),
    cancelDeadline: toBusinessIso(cancelDeadline(b.startsAt, rules)),
    canCancel: cancelRefusal({ status: b.status, startsAt: b.startsAt }, rules, now) === null,
    createdAt: toBusinessIso(b.createdAt),
    checkedInAt: b.checkedInAt ? toBusinessIso(b.checkedInAt) : null,
  };
}
