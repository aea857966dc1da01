/**
 * The pure booking rules of DESIGN.md §4, shared by the BFF (which enforces them) and the mini-app
 * (which shows them): one function decides, so the badge a worker sees and the answer the BFF
 * gives never disagree. No clock of their own: every rule takes `now`.
 */
import { addDays, isLocalDate, localDate, localDateTime, toBusinessIso } from '../common/dates';
import { ERROR_MESSAGES } from '../common/errors';
import { BookingStatus, NO_SHOW_POLICY, SlotStatus, VenueRules } from './types';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Below this many places left (and once someone booked), the badge says 余N instead of 可约. */
export const FEW_PLACES_LEFT = 5;

/** Generation of recurring slots covers at most this many days and creates at most this many slots at once. */
export const MAX_RECURRING_DAYS = 92;
export const MAX_RECURRING_SLOTS = 400;

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

// ---------------------------------------------------------------------------------------------
// Time helpers in business time (Asia/Shanghai)

/** 'HH:mm' of an instant in business time. */
export function businessTime(instant: Date): string {
  return toBusinessIso(instant).slice(11, 16);
}

/** '11月23日 19:00' of an instant in business time. */
export function businessDateTimeLabel(instant: Date): string {
  const iso = toBusinessIso(instant);
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}

/** 1 = Monday … 7 = Sunday of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const sunday0 = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

/** The Monday … Sunday week containing `date`, as inclusive YYYY-MM-DD bounds. */
export function weekRange(date: string): { from: string; to: string } {
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, to: addDays(from, 6) };
}

export function parseTimeOfDay(text: string): { hour: number; minute: number } | null {
  const m = TIME_OF_DAY.exec(text ?? '');
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

// ---------------------------------------------------------------------------------------------
// Slots

export interface SlotFacts {
  startsAt: Date;
  capacity: number;
  booked: number;
  /** Closed by staff. */
  closed?: boolean;
}

/** Booking of a slot opens `opensDaysAhead` days before its local date at `opensAtHour`:00. */
export function bookingOpensAt(startsAt: Date, rules: Pick<VenueRules, 'opensDaysAhead' | 'opensAtHour'>): Date {
  return localDateTime(addDays(localDate(startsAt), -rules.opensDaysAhead), rules.opensAtHour);
}

/**
 * The API status of a slot at `now`: closed once it starts (or when staff closed it), then the
 * opening rule, then capacity. A caller listing one day's slots may pass their common `opensAt`.
 */
export function slotStatus(
  slot: SlotFacts,
  rules: Pick<VenueRules, 'opensDaysAhead' | 'opensAtHour'>,
  now: Date,
  opensAt: Date = bookingOpensAt(slot.startsAt, rules),
): SlotStatus {
  if (slot.closed || now.getTime() >= slot.startsAt.getTime()) return 'closed';
  if (now.getTime() < opensAt.getTime()) return 'not_yet_open';
  if (slot.booked >= slot.capacity) return 'full';
  return 'open';
}

export type SlotBadgeTone = 'ok' | 'few' | 'full' | 'wait' | 'off';

export interface SlotBadge {
  /** 可约 / 余N / 已满 / 候补N / 未开放 / 已结束 */
  text: string;
  tone: SlotBadgeTone;
}

/** What a worker reads on a slot at a glance. */
export function slotBadge(slot: { status: SlotStatus; capacity: number; booked: number; waitlisted: number }, waitlistOn: boolean): SlotBadge {
  switch (slot.status) {
    case 'not_yet_open':
      return { text: '未开放', tone: 'off' };
    case 'closed':
      return { text: '已结束', tone: 'off' };
    case 'full':
      return waitlistOn && slot.waitlisted > 0 ? { text: `候补${slot.waitlisted}`, tone: 'wait' } : { text: '已满', tone: 'full' };
    case 'open': {
      const left = Math.max(0, slot.capacity - slot.booked);
      return slot.booked > 0 && left <= FEW_PLACES_LEFT ? { text: `余${left}`, tone: 'few' } : { text: '可约', tone: 'ok' };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Booking

export type BookingRefusal =
  | { code: 'MEMBERS_ONLY' }
  | { code: 'BOOKING_SUSPENDED'; until: Date }
  | { code: 'BOOKING_CLOSED' }
  | { code: 'BOOKING_NOT_OPEN'; opensAt: Date }
  | { code: 'ALREADY_BOOKED' }
  | { code: 'BOOKING_LIMIT_REACHED'; period: 'day' | 'week'; limit: number };

export interface BookingCheck {
  now: Date;
  slot: { startsAt: Date; closed?: boolean };
  rules: VenueRules;
  isMember: boolean;
  /** End of the caller's booking suspension, if any (it may lie in the past). */
  suspendedUntil: Date | null;
  /** The caller already holds an active booking (or waitlist place) of this slot. */
  holdsThisSlot: boolean;
  /** The caller's active bookings at this venue on the slot's local date, and in its Monday–Sunday week. */
  activeThatDay: number;
  activeThatWeek: number;
}

/**
 * Why this booking may not be made, or null. Capacity is not decided here: it is decided by the
 * database under concurrency (a conditional update), the only place that knows the truth.
 */
export function bookingRefusal(c: BookingCheck): BookingRefusal | null {
  if (c.rules.membersOnly && !c.isMember) return { code: 'MEMBERS_ONLY' };
  if (c.suspendedUntil && c.suspendedUntil.getTime() > c.now.getTime()) return { code: 'BOOKING_SUSPENDED', until: c.suspendedUntil };
  if (c.slot.closed || c.now.getTime() >= c.slot.startsAt.getTime()) return { code: 'BOOKING_CLOSED' };
  const opensAt = bookingOpensAt(c.slot.startsAt, c.rules);
  if (c.now.getTime() < opensAt.getTime()) return { code: 'BOOKING_NOT_OPEN', opensAt };
  if (c.holdsThisSlot) return { code: 'ALREADY_BOOKED' };
  if (c.rules.maxPerDay !== null && c.activeThatDay >= c.rules.maxPerDay) return { code: 'BOOKING_LIMIT_REACHED', period: 'day', limit: c.rules.maxPerDay };
  if (c.rules.maxPerWeek !== null && c.activeThatWeek >= c.rules.maxPerWeek) return { code: 'BOOKING_LIMIT_REACHED', period: 'week', limit: c.rules.maxPerWeek };
  return null;
}

/** The sentence a worker reads for a refusal, with the date or number that makes it actionable. */
export function bookingRefusalMessage(r: BookingRefusal): string {
  switch (r.code) {
    case 'BOOKING_SUSPENDED':
      return `因${NO_SHOW_POLICY.windowDays}天内${NO_SHOW_POLICY.limit}次预约未到场，预约功能暂停至${businessDateTimeLabel(r.until)}`;
    case 'BOOKING_NOT_OPEN':
      return `该时段将于${businessDateTimeLabel(r.opensAt)}开放预约`;
    case 'BOOKING_LIMIT_REACHED':
      return r.period === 'day' ? `该场馆每人每天最多预约${r.limit}次` : `该场馆每人每周最多预约${r.limit}次`;
    default:
      return ERROR_MESSAGES[r.code];
  }
}

// ---------------------------------------------------------------------------------------------
// Cancellation, no-show, suspension

export function cancelDeadline(startsAt: Date, rules: Pick<VenueRules, 'cancelCutoffHours'>): Date {
  return new Date(startsAt.getTime() - rules.cancelCutoffHours * HOUR);
}

/**
 * Why a booking may not be cancelled, or null. Leaving a waitlist is always allowed before the
 * start (it frees nobody's place); a confirmed place only until the cut-off.
 */
export function cancelRefusal(
  booking: { status: BookingStatus; startsAt: Date },
  rules: Pick<VenueRules, 'cancelCutoffHours'>,
  now: Date,
): 'CANCEL_TOO_LATE' | 'BOOKING_NOT_ACTIVE' | null {
  if (booking.status === 'waitlisted') return now.getTime() < booking.startsAt.getTime() ? null : 'CANCEL_TOO_LATE';
  if (booking.status !== 'confirmed') return 'BOOKING_NOT_ACTIVE';
  return now.getTime() < cancelDeadline(booking.startsAt, rules).getTime() ? null : 'CANCEL_TOO_LATE';
}

/** The plain-words cut-off rule, e.g. '开始前2小时可取消'. */
export function cancelRuleText(rules: Pick<VenueRules, 'cancelCutoffHours'>): string {
  return rules.cancelCutoffHours === 0 ? '开始前可随时取消' : `开始前${rules.cancelCutoffHours}小时可取消`;
}

/**
 * A confirmed booking becomes a no-show once the grace period after the start has passed — or,
 * for a place given from the waitlist after the start, the grace period after it was given.
 */
export function noShowDue(booking: { startsAt: Date; confirmedAt: Date | null }, rules: Pick<VenueRules, 'noShowGraceMinutes'>, now: Date): boolean {
  return now.getTime() >= noShowAt(booking, rules).getTime();
}

/** When a confirmed booking not checked in becomes a no-show. */
export function noShowAt(booking: { startsAt: Date; confirmedAt: Date | null }, rules: Pick<VenueRules, 'noShowGraceMinutes'>): Date {
  const from = Math.max(booking.startsAt.getTime(), booking.confirmedAt?.getTime() ?? 0);
  return new Date(from + rules.noShowGraceMinutes * MINUTE);
}

/**
 * A place given from the waitlist later than this many minutes before the start leaves the
 * newcomer too little time to plan the trip: if they do not come, the no-show is recorded (the
 * place is released) but not counted toward a suspension.
 */
export const LATE_PROMOTION_MINUTES = 30;

/**
 * Until when a released place goes to the first in line (after that it goes back to the pool and
 * the waitlist stays as it is): while the slot can still be used — the newcomer, who gets the grace
 * period from the promotion, must be able to check in before the end — and no later than one
 * grace period after the no-show deadline, which the no-show job (every minute) meets when it is on
 * time. A job catching up after downtime finds later slots past this and promotes nobody into them.
 */
export function waitlistPromotionDeadline(slot: { startsAt: Date; endsAt: Date }, rules: Pick<VenueRules, 'noShowGraceMinutes'>): Date {
  const grace = rules.noShowGraceMinutes * MINUTE;
  return new Date(Math.min(slot.startsAt.getTime() + 2 * grace, slot.endsAt.getTime() - grace));
}

export function waitlistPromotionOpen(slot: { startsAt: Date; endsAt: Date }, rules: Pick<VenueRules, 'noShowGraceMinutes'>, now: Date): boolean {
  return now.getTime() < waitlistPromotionDeadline(slot, rules).getTime();
}

/**
 * Whether a no-show counts toward a suspension: only at venues that count them, and never against
 * someone whose place came from the waitlist less than LATE_PROMOTION_MINUTES before the start
 * (or after it) — they never had a fair chance to come.
 */
export function noShowCounts(booking: { startsAt: Date; promotedAt: Date | null }, venueCounts: boolean): boolean {
  if (!venueCounts) return false;
  return booking.promotedAt === null || booking.promotedAt.getTime() <= booking.startsAt.getTime() - LATE_PROMOTION_MINUTES * MINUTE;
}

/** The instant before which a no-show of any venue cannot be due (the shortest grace allowed). */
export function noShowCandidatesBefore(now: Date, shortestGraceMinutes: number): Date {
  return new Date(now.getTime() - shortestGraceMinutes * MINUTE);
}

/**
 * After a no-show: the end of the suspension it triggers, or null. Counts the member's no-shows
 * (at venues where they count) in the last 30 days, but only those after the start of an earlier
 * suspension, so one pair of no-shows suspends once.
 */
export function suspensionAfterNoShow(input: { noShowsAt: Date[]; now: Date; lastSuspendedAt: Date | null }): Date | null {
  const windowStart = input.now.getTime() - NO_SHOW_POLICY.windowDays * DAY;
  const since = Math.max(windowStart, input.lastSuspendedAt ? input.lastSuspendedAt.getTime() : -Infinity);
  const counted = input.noShowsAt.filter((at) => at.getTime() > since && at.getTime() <= input.now.getTime()).length;
  return counted >= NO_SHOW_POLICY.limit ? new Date(input.now.getTime() + NO_SHOW_POLICY.suspensionDays * DAY) : null;
}

/** Check-in is possible from an hour before the start until the end. */
export function checkInWindow(slot: { startsAt: Date; endsAt: Date }, now: Date, minutesBefore: number): 'too_early' | 'over' | 'open' {
  if (now.getTime() < slot.startsAt.getTime() - minutesBefore * MINUTE) return 'too_early';
  if (now.getTime() >= slot.endsAt.getTime()) return 'over';
  return 'open';
}

// ---------------------------------------------------------------------------------------------
// Recurring slots

export interface RecurringSlotsInput {
  fromDate: string;
  toDate: string;
  /** 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  startTime: string;
  endTime: string;
}

/** Field problems of a recurring-slots request (Chinese, by field), empty when it is fine. */
export function recurringProblems(input: RecurringSlotsInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isLocalDate(input.fromDate)) problems.fromDate = '日期格式应为 年-月-日';
  if (!isLocalDate(input.toDate)) problems.toDate = '日期格式应为 年-月-日';
  const start = parseTimeOfDay(input.startTime);
  const end = parseTimeOfDay(input.endTime);
  if (!start) problems.startTime = '时间格式应为 时:分，例如 19:00';
  if (!end) problems.endTime = '时间格式应为 时:分，例如 20:00';
  if (start && end && end.hour * 60 + end.minute <= start.hour * 60 + start.minute) problems.endTime = '结束时间应晚于开始时间';
  if (!input.weekdays.length || input.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) problems.weekdays = '请选择星期一到星期日中的至少一天';
  if (!problems.fromDate && !problems.toDate) {
    const days = (Date.parse(`${input.toDate}T00:00:00Z`) - Date.parse(`${input.fromDate}T00:00:00Z`)) / DAY + 1;
    if (days < 1) problems.toDate = '结束日期不能早于开始日期';
    else if (days > MAX_RECURRING_DAYS) problems.toDate = `一次最多生成${MAX_RECURRING_DAYS}天的时段`;
  }
  return problems;
}

/** Every slot of a valid recurring request, in time order (the caller checks recurringProblems first). */
export function recurringSlotTimes(input: RecurringSlotsInput): Array<{ startsAt: Date; endsAt: Date }> {
  const start = parseTimeOfDay(input.startTime)!;
  const end = parseTimeOfDay(input.endTime)!;
  const days = new Set(input.weekdays);
  const out: Array<{ startsAt: Date; endsAt: Date }> = [];
  for (let date = input.fromDate; date <= input.toDate; date = addDays(date, 1)) {
    if (!days.has(isoWeekday(date))) continue;
    out.push({ startsAt: localDateTime(date, start.hour, start.minute), endsAt: localDateTime(date, end.hour, end.minute) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Self check-in: the member scans the venue's code

export type SelfCheckInChoice =
  | { kind: 'check_in'; bookingId: string }
  | { kind: 'already'; bookingId: string }
  | { kind: 'too_early'; opensAt: Date }
  | { kind: 'none' };

/**
 * Which of the member's bookings at the scanned venue a scan checks in: the earliest confirmed one
 * whose check-in window is open now; else one already checked in (a second scan); else, when a
 * confirmed one is still ahead, when its window opens; else none.
 */
export function selfCheckInChoice(
  bookings: Array<{ id: string; status: BookingStatus; startsAt: Date; endsAt: Date }>,
  now: Date,
  minutesBefore: number,
): SelfCheckInChoice {
  const ahead = bookings
    .filter((b) => (b.status === 'confirmed' || b.status === 'checked_in') && checkInWindow(b, now, minutesBefore) !== 'over')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const open = ahead.filter((b) => checkInWindow(b, now, minutesBefore) === 'open');
  const toCheckIn = open.find((b) => b.status === 'confirmed');
  if (toCheckIn) return { kind: 'check_in', bookingId: toCheckIn.id };
  const done = open.find((b) => b.status === 'checked_in');
  if (done) return { kind: 'already', bookingId: done.id };
  const next = ahead.find((b) => b.status === 'confirmed');
  if (next) return { kind: 'too_early', opensAt: new Date(next.startsAt.getTime() - minutesBefore * MINUTE) };
  return { kind: 'none' };
}

/** The member's own check-in page, 扫码签到 (venues subpackage; the staff's card-scanning page is pages/check-in); a venue's QR opens it with `code=`. */
export const SELF_CHECK_IN_PAGE = 'packages/venues/pages/scan-in/index';

export function selfCheckInPagePath(code: string): string {
  return `${SELF_CHECK_IN_PAGE}?code=${encodeURIComponent(code)}`;
}

/** The H5 address of the check-in page (hash router) under a site's public base URL: what the printed QR carries. */
export function selfCheckInPageUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#/${selfCheckInPagePath(code)}`;
}

/** The venue code out of what a scanner read: the code alone, or a mini-app path / H5 link carrying `code=`. */
export function venueCodeFromScan(text: string): string {
  const t = (text ?? '').trim();
  const m = /[?&]code=([^&#\s]+)/.exec(t);
  if (!m) return t;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
