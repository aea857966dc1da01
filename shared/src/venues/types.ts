/** Contract types and enums of venue booking (场馆预约), API.md "Venues and bookings". */

export const VENUE_KINDS = ['room', 'gym', 'pool', 'course'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

export const VENUE_KIND_LABELS: Record<VenueKind, string> = {
  room: '场地',
  gym: '健身房',
  pool: '游泳馆',
  course: '课程',
};

/** What API.md calls a slot's `status`. */
export const SLOT_STATUSES = ['open', 'full', 'closed', 'not_yet_open'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

export const BOOKING_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'checked_in', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Bookings that hold a place (or a place in the queue): they count toward limits and block a second booking of the slot. */
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['confirmed', 'waitlisted', 'checked_in'];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  confirmed: '已预约',
  waitlisted: '候补中',
  cancelled: '已取消',
  checked_in: '已签到',
  no_show: '未到场',
};

/**
 * The rules a palace manager sets per venue (DESIGN.md §4). Limits count this venue's active
 * bookings of one member; `null` means no limit.
 */
export interface VenueRules {
  /** Default capacity of a new slot. */
  capacity: number;
  /** Booking opens `opensDaysAhead` days before the slot's date, at `opensAtHour`:00 (Asia/Shanghai). */
  opensDaysAhead: number;
  opensAtHour: number;
  /** Only active union members may book. */
  membersOnly: boolean;
  maxPerDay: number | null;
  maxPerWeek: number | null;
  /** A confirmed booking can be cancelled until this many hours before the start. */
  cancelCutoffHours: number;
  /** A booking not checked in this many minutes after the start is a no-show and its place is released. */
  noShowGraceMinutes: number;
  /** Whether no-shows here count toward the suspension (two in 30 days → 30 days without booking). */
  noShowCounts: boolean;
  /** A full slot offers a waitlist. */
  waitlist: boolean;
}

/** Allowed ranges of the numeric rules, used by the BFF's validation and the staff form alike. */
export const VENUE_RULE_RANGES = {
  capacity: [1, 500],
  opensDaysAhead: [0, 60],
  opensAtHour: [0, 23],
  maxPerDay: [1, 20],
  maxPerWeek: [1, 50],
  cancelCutoffHours: [0, 168],
  noShowGraceMinutes: [5, 120],
} as const;

export const DEFAULT_VENUE_RULES: VenueRules = {
  capacity: 20,
  opensDaysAhead: 7,
  opensAtHour: 8,
  membersOnly: true,
  maxPerDay: 1,
  maxPerWeek: 3,
  cancelCutoffHours: 2,
  noShowGraceMinutes: 15,
  noShowCounts: true,
  waitlist: true,
};

/** Two no-shows within 30 days suspend booking for 30 days (DESIGN.md §4). */
export const NO_SHOW_POLICY = { limit: 2, windowDays: 30, suspensionDays: 30 } as const;

/** Staff may check a member in from this many minutes before the start until the end. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60;

export interface VenueResponse {
  id: string;
  orgId: string;
  name: string;
  kind: VenueKind;
  description: string;
  location: string;
  active: boolean;
  rules: VenueRules;
}

export interface CreateVenueRequest {
  name: string;
  kind: VenueKind;
  description?: string;
  location?: string;
  /** Admin only: the palace the venue belongs to (venue staff always create for their own). */
  orgId?: string;
  rules?: Partial<VenueRules>;
}

export interface UpdateVenueRequest {
  name?: string;
  description?: string;
  location?: string;
  active?: boolean;
  rules?: Partial<VenueRules>;
}

/** The caller's own booking of a slot, if any. */
export interface SlotMine {
  bookingId: string;
  status: BookingStatus;
  /** 1-based place in the waitlist, for a waitlisted booking. */
  position: number | null;
}

export interface SlotResponse {
  id: string;
  venueId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  waitlisted: number;
  status: SlotStatus;
  /** When booking opens (for `not_yet_open`). */
  opensAt: string;
  mine: SlotMine | null;
}

export interface CreateSlotRequest {
  startsAt: string;
  endsAt: string;
  /** Default: the venue's capacity rule. */
  capacity?: number;
}

/** "Every weekday 19:00–20:00 for the next 4 weeks". Weekdays 1 = Monday … 7 = Sunday. */
export interface GenerateSlotsRequest {
  fromDate: string;
  /** Either a number of weeks from `fromDate`, or an inclusive `toDate`. */
  weeks?: number;
  toDate?: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
  capacity?: number;
}

export interface GenerateSlotsResponse {
  created: number;
  /** Times that already had a slot, or overlapped one, and were left alone. */
  skipped: number;
  fromDate: string;
  toDate: string;
}

export interface CreateBookingRequest {
  slotId: string;
  /** Join the waitlist when the slot is full (instead of SLOT_FULL). */
  waitlist?: boolean;
}

export interface BookingResponse {
  id: string;
  slotId: string;
  status: 'confirmed' | 'waitlisted';
  position?: number;
}

export interface MyBookingResponse {
  id: string;
  slotId: string;
  status: BookingStatus;
  position: number | null;
  venue: { id: string; name: string; kind: VenueKind; location: string };
  startsAt: string;
  endsAt: string;
  /** Until when a confirmed booking can be cancelled. */
  cancelDeadline: string;
  canCancel: boolean;
  createdAt: string;
  checkedInAt: string | null;
}

export const MY_BOOKING_SCOPES = ['upcoming', 'past'] as const;
export type MyBookingScope = (typeof MY_BOOKING_SCOPES)[number];

/** The caller's booking standing: a suspension after no-shows, if one is running. */
export interface BookingAccountResponse {
  suspendedUntil: string | null;
  reason: string | null;
}

export interface CancelBookingResponse {
  status: 'cancelled';
}

export interface CheckInRequest {
  cardToken: string;
  slotId: string;
}

export interface CheckInResponse {
  bookingId: string;
  status: 'checked_in';
  memberNo: string;
  nameMasked: string;
  venueName: string;
  startsAt: string;
  /** true when this member had already been checked in for the slot (a second scan). */
  alreadyCheckedIn: boolean;
}

/**
 * How long a venue's check-in code is shown before the next one (VENUE_CODE_WINDOW_SECONDS); a
 * code is accepted during its own window and the next one, so a scan at the change still works
 * and a photo of the code is useless a few minutes later.
 */
export const VENUE_CODE_WINDOW_SECONDS = 120;

/**
 * A venue's check-in code as the staff's 签到码 page shows it at the door (DESIGN §4: "the member
 * scans the venue's code"). It rotates: a new code every VENUE_CODE_WINDOW_SECONDS, so it is shown
 * on a screen, not printed (a photo sent home stops working within minutes).
 */
export interface VenueCheckInCodeResponse {
  venueId: string;
  venueName: string;
  /** What the QR carries: the mini-app path with the code, so WeChat's own scanner opens the check-in page. */
  qrText: string;
  /** The code alone, for typing or pasting in the H5 app. */
  code: string;
  /** Goes up by one each time staff replace the code at once; codes of older versions stop working. */
  version: number;
  /** Seconds until the next code (the page fetches it then): by the BFF's clock, whatever the screen's clock says. */
  refreshInSeconds: number;
}

export interface SelfCheckInRequest {
  /** The scanned code: the code alone or the whole QR text. */
  venueCode: string;
}

export interface SelfCheckInResponse {
  bookingId: string;
  status: 'checked_in';
  venueName: string;
  startsAt: string;
  endsAt: string;
  /** true when this booking had already been checked in (a second scan). */
  alreadyCheckedIn: boolean;
}

/** One line of a slot's list for the staff at the door. */
export interface SlotRosterEntry {
  bookingId: string;
  status: BookingStatus;
  nameMasked: string;
  position: number | null;
  checkedInAt: string | null;
}
