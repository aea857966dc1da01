import { localDateTime } from '../common/dates';
import {
  bookingOpensAt,
  bookingRefusal,
  bookingRefusalMessage,
  BookingCheck,
  businessDateTimeLabel,
  cancelDeadline,
  cancelRefusal,
  cancelRuleText,
  selfCheckInPagePath,
  selfCheckInPageUrl,
  checkInWindow,
  selfCheckInChoice,
  venueCodeFromScan,
  isoWeekday,
  noShowAt,
  noShowCounts,
  noShowDue,
  recurringProblems,
  recurringSlotTimes,
  slotBadge,
  slotStatus,
  suspensionAfterNoShow,
  waitlistPromotionDeadline,
  waitlistPromotionOpen,
  weekRange,
} from './rules';
import { DEFAULT_VENUE_RULES, VenueRules } from './types';

const rules: VenueRules = { ...DEFAULT_VENUE_RULES, opensDaysAhead: 7, opensAtHour: 8, cancelCutoffHours: 2, maxPerDay: 1, maxPerWeek: 3 };
/** 2026-11-23 is a Monday. */
const at = (date: string, hour: number, minute = 0) => localDateTime(date, hour, minute);
const yoga = at('2026-11-23', 19);

describe('calendar helpers', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
    ['2024-02-29', 4],
  ])('%s is weekday %i', (date, wd) => expect(isoWeekday(date)).toBe(wd));

  it.each([
    ['2026-11-23', '2026-11-23', '2026-11-29'],
    ['2026-11-29', '2026-11-23', '2026-11-29'],
    ['2026-12-31', '2026-12-28', '2027-01-03'],
  ])('the week of %s runs %s … %s', (date, from, to) => expect(weekRange(date)).toEqual({ from, to }));

  it('labels instants in Shanghai time', () => {
    expect(businessDateTimeLabel(at('2026-11-23', 19))).toBe('11月23日 19:00');
    expect(businessDateTimeLabel(new Date('2026-11-22T16:30:00Z'))).toBe('11月23日 00:30');
  });
});

describe('opening and slot status', () => {
  it.each([
    // [opensDaysAhead, opensAtHour, slot start, expected opening]
    [7, 8, at('2026-11-23', 19), at('2026-11-16', 8)],
    [0, 0, at('2026-11-23', 19), at('2026-11-23', 0)],
    [1, 20, at('2026-11-23', 7), at('2026-11-22', 20)],
    // a slot just after midnight opens by its local date, not its UTC date
    [2, 9, at('2026-11-23', 0, 30), at('2026-11-21', 9)],
  ])('N=%i H=%i: a slot at %s opens at %s', (n, h, start, expected) => {
    expect(bookingOpensAt(start, { opensDaysAhead: n, opensAtHour: h })).toEqual(expected);
  });

  it.each<[string, Date, { capacity: number; booked: number; closed?: boolean }, string]>([
    ['before the opening hour', at('2026-11-16', 7, 59), { capacity: 20, booked: 0 }, 'not_yet_open'],
    ['at the opening hour', at('2026-11-16', 8), { capacity: 20, booked: 0 }, 'open'],
    ['with places left', at('2026-11-20', 12), { capacity: 20, booked: 19 }, 'open'],
    ['when full', at('2026-11-20', 12), { capacity: 20, booked: 20 }, 'full'],
    ['when staff closed it', at('2026-11-20', 12), { capacity: 20, booked: 0, closed: true }, 'closed'],
    ['once it started', at('2026-11-23', 19), { capacity: 20, booked: 0 }, 'closed'],
    ['a full slot that started', at('2026-11-23', 19, 5), { capacity: 20, booked: 20 }, 'closed'],
  ])('%s', (_name, now, slot, expected) => {
    expect(slotStatus({ startsAt: yoga, ...slot }, rules, now)).toBe(expected);
  });
});

describe('slot badge (可约 / 余N / 已满 / 候补N / 未开放)', () => {
  it.each<[string, { status: 'open' | 'full' | 'closed' | 'not_yet_open'; capacity: number; booked: number; waitlisted: number }, boolean, string, string]>([
    ['empty slot', { status: 'open', capacity: 20, booked: 0, waitlisted: 0 }, true, '可约', 'ok'],
    ['plenty left', { status: 'open', capacity: 20, booked: 10, waitlisted: 0 }, true, '可约', 'ok'],
    ['five left', { status: 'open', capacity: 20, booked: 15, waitlisted: 0 }, true, '余5', 'few'],
    ['one left', { status: 'open', capacity: 20, booked: 19, waitlisted: 0 }, true, '余1', 'few'],
    ['a one-place room, free', { status: 'open', capacity: 1, booked: 0, waitlisted: 0 }, true, '可约', 'ok'],
    ['full, nobody waiting', { status: 'full', capacity: 20, booked: 20, waitlisted: 0 }, true, '已满', 'full'],
    ['full, three waiting', { status: 'full', capacity: 20, booked: 20, waitlisted: 3 }, true, '候补3', 'wait'],
    ['full, waitlist off', { status: 'full', capacity: 20, booked: 20, waitlisted: 0 }, false, '已满', 'full'],
    ['not yet open', { status: 'not_yet_open', capacity: 20, booked: 0, waitlisted: 0 }, true, '未开放', 'off'],
    ['over', { status: 'closed', capacity: 20, booked: 3, waitlisted: 0 }, true, '已结束', 'off'],
  ])('%s', (_name, slot, waitlistOn, text, tone) => {
    expect(slotBadge(slot, waitlistOn)).toEqual({ text, tone });
  });
});

describe('bookingRefusal', () => {
  const base: BookingCheck = {
    now: at('2026-11-20', 12),
    slot: { startsAt: yoga },
    rules,
    isMember: true,
    suspendedUntil: null,
    holdsThisSlot: false,
    activeThatDay: 0,
    activeThatWeek: 0,
  };

  it.each<[string, Partial<BookingCheck>, string | null]>([
    ['a member, open slot, no bookings', {}, null],
    ['a non-member at a member-only venue', { isMember: false }, 'MEMBERS_ONLY'],
    ['a non-member at an open venue', { isMember: false, rules: { ...rules, membersOnly: false } }, null],
    ['a suspended member', { suspendedUntil: at('2026-12-01', 0) }, 'BOOKING_SUSPENDED'],
    ['a suspension that has ended', { suspendedUntil: at('2026-11-20', 11) }, null],
    ['before opening', { now: at('2026-11-16', 7) }, 'BOOKING_NOT_OPEN'],
    ['after the start', { now: at('2026-11-23', 19, 1) }, 'BOOKING_CLOSED'],
    ['a slot closed by staff', { slot: { startsAt: yoga, closed: true } }, 'BOOKING_CLOSED'],
    ['already holding this slot', { holdsThisSlot: true }, 'ALREADY_BOOKED'],
    ['at the daily limit', { activeThatDay: 1, activeThatWeek: 1 }, 'BOOKING_LIMIT_REACHED'],
    ['at the weekly limit', { activeThatWeek: 3 }, 'BOOKING_LIMIT_REACHED'],
    ['no limits set', { activeThatDay: 9, activeThatWeek: 9, rules: { ...rules, maxPerDay: null, maxPerWeek: null } }, null],
    // precedence: who you are first, then when, then what you hold
    ['non-member and not open yet', { isMember: false, now: at('2026-11-16', 7) }, 'MEMBERS_ONLY'],
    ['suspended and already booked', { suspendedUntil: at('2026-12-01', 0), holdsThisSlot: true }, 'BOOKING_SUSPENDED'],
    ['already booked and at the limit', { holdsThisSlot: true, activeThatDay: 1 }, 'ALREADY_BOOKED'],
  ])('%s → %s', (_name, change, expected) => {
    expect(bookingRefusal({ ...base, ...change })?.code ?? null).toBe(expected);
  });

  it('says which limit and when booking opens or the suspension ends', () => {
    expect(bookingRefusal({ ...base, activeThatDay: 1 })).toEqual({ code: 'BOOKING_LIMIT_REACHED', period: 'day', limit: 1 });
    expect(bookingRefusal({ ...base, activeThatWeek: 3 })).toEqual({ code: 'BOOKING_LIMIT_REACHED', period: 'week', limit: 3 });
    const notOpen = bookingRefusal({ ...base, now: at('2026-11-15', 9) })!;
    expect(bookingRefusalMessage(notOpen)).toBe('该时段将于11月16日 08:00开放预约');
    const suspended = bookingRefusal({ ...base, suspendedUntil: at('2026-12-20', 21, 15) })!;
    expect(bookingRefusalMessage(suspended)).toBe('因30天内2次预约未到场，预约功能暂停至12月20日 21:15');
    expect(bookingRefusalMessage({ code: 'BOOKING_LIMIT_REACHED', period: 'week', limit: 3 })).toBe('该场馆每人每周最多预约3次');
    expect(bookingRefusalMessage({ code: 'MEMBERS_ONLY' })).toBe('该场馆仅对工会会员开放');
  });
});

describe('cancellation', () => {
  it('the deadline is the cut-off before the start', () => {
    expect(cancelDeadline(yoga, { cancelCutoffHours: 2 })).toEqual(at('2026-11-23', 17));
    expect(cancelRuleText({ cancelCutoffHours: 2 })).toBe('开始前2小时可取消');
    expect(cancelRuleText({ cancelCutoffHours: 0 })).toBe('开始前可随时取消');
  });

  it.each<[string, 'confirmed' | 'waitlisted' | 'cancelled' | 'checked_in' | 'no_show', Date, number, string | null]>([
    ['confirmed, well before', 'confirmed', at('2026-11-23', 16, 59), 2, null],
    ['confirmed, at the deadline', 'confirmed', at('2026-11-23', 17), 2, 'CANCEL_TOO_LATE'],
    ['confirmed, no cut-off, a minute before', 'confirmed', at('2026-11-23', 18, 59), 0, null],
    ['waitlisted after the cut-off', 'waitlisted', at('2026-11-23', 18), 2, null],
    ['waitlisted after the start', 'waitlisted', at('2026-11-23', 19), 2, 'CANCEL_TOO_LATE'],
    ['already cancelled', 'cancelled', at('2026-11-20', 12), 2, 'BOOKING_NOT_ACTIVE'],
    ['checked in', 'checked_in', at('2026-11-23', 19), 2, 'BOOKING_NOT_ACTIVE'],
    ['a no-show', 'no_show', at('2026-11-23', 20), 2, 'BOOKING_NOT_ACTIVE'],
  ])('%s', (_name, status, now, cutoff, expected) => {
    expect(cancelRefusal({ status, startsAt: yoga }, { cancelCutoffHours: cutoff }, now)).toBe(expected);
  });
});

describe('no-show and suspension', () => {
  const booked = { startsAt: yoga, confirmedAt: at('2026-11-20', 9) };
  it.each([
    [at('2026-11-23', 19, 14), false],
    [at('2026-11-23', 19, 15), true],
    [at('2026-11-23', 21), true],
  ])('at %s a no-show is due: %s', (now, due) => expect(noShowDue(booked, { noShowGraceMinutes: 15 }, now)).toBe(due));

  it('a place given from the waitlist after the start gets its own grace period', () => {
    const promoted = { startsAt: yoga, confirmedAt: at('2026-11-23', 19, 15) };
    expect(noShowAt(promoted, { noShowGraceMinutes: 15 })).toEqual(at('2026-11-23', 19, 30));
    expect(noShowDue(promoted, { noShowGraceMinutes: 15 }, at('2026-11-23', 19, 29))).toBe(false);
    expect(noShowDue(promoted, { noShowGraceMinutes: 15 }, at('2026-11-23', 19, 30))).toBe(true);
  });

  const now = at('2026-11-23', 19, 15);
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  it.each<[string, Date[], Date | null, boolean]>([
    ['the first no-show', [now], null, false],
    ['a second within 30 days', [daysAgo(29), now], null, true],
    ['a second, the first 31 days ago', [daysAgo(31), now], null, false],
    ['two already punished by an earlier suspension', [daysAgo(20), daysAgo(10), now], daysAgo(10), false],
    ['two after the earlier suspension started', [daysAgo(20), daysAgo(5), now], daysAgo(10), true],
  ])('%s', (_name, noShowsAt, lastSuspendedAt, suspends) => {
    const until = suspensionAfterNoShow({ noShowsAt, now, lastSuspendedAt });
    expect(until).toEqual(suspends ? new Date(now.getTime() + 30 * 86_400_000) : null);
  });
});

describe('check-in window', () => {
  const slot = { startsAt: yoga, endsAt: at('2026-11-23', 20) };
  it.each([
    [at('2026-11-23', 17, 59), 'too_early'],
    [at('2026-11-23', 18), 'open'],
    [at('2026-11-23', 19, 40), 'open'],
    [at('2026-11-23', 20), 'over'],
  ])('at %s: %s', (now, expected) => expect(checkInWindow(slot, now, 60)).toBe(expected));
});

describe('recurring slots', () => {
  const weekdays19to20 = { fromDate: '2026-11-23', toDate: '2026-12-20', weekdays: [1, 2, 3, 4, 5], startTime: '19:00', endTime: '20:00' };

  it('every weekday 19:00–20:00 for four weeks is 20 slots, in order, in Shanghai time', () => {
    const slots = recurringSlotTimes(weekdays19to20);
    expect(slots).toHaveLength(20);
    expect(slots[0]).toEqual({ startsAt: at('2026-11-23', 19), endsAt: at('2026-11-23', 20) });
    expect(slots[4].startsAt).toEqual(at('2026-11-27', 19));
    expect(slots[5].startsAt).toEqual(at('2026-11-30', 19));
    expect(slots[19].startsAt).toEqual(at('2026-12-18', 19));
    expect(slots.every((s, i) => i === 0 || s.startsAt > slots[i - 1].startsAt)).toBe(true);
  });

  it('weekends only, across a month end', () => {
    const slots = recurringSlotTimes({ ...weekdays19to20, fromDate: '2026-11-28', toDate: '2026-12-06', weekdays: [6, 7], startTime: '09:30', endTime: '11:00' });
    expect(slots.map((s) => s.startsAt)).toEqual([at('2026-11-28', 9, 30), at('2026-11-29', 9, 30), at('2026-12-05', 9, 30), at('2026-12-06', 9, 30)]);
  });

  it.each<[string, Partial<typeof weekdays19to20>, string[]]>([
    ['a valid request', {}, []],
    ['end before start time', { startTime: '20:00', endTime: '19:00' }, ['endTime']],
    ['equal times', { endTime: '19:00' }, ['endTime']],
    ['a bad time', { startTime: '7pm' }, ['startTime']],
    ['24:00 is not a time', { endTime: '24:00' }, ['endTime']],
    ['no weekdays', { weekdays: [] }, ['weekdays']],
    ['weekday 8', { weekdays: [1, 8] }, ['weekdays']],
    ['to before from', { toDate: '2026-11-22' }, ['toDate']],
    ['more than 92 days', { toDate: '2027-02-23' }, ['toDate']],
    ['a bad date', { fromDate: '2026-02-30' }, ['fromDate']],
  ])('%s', (_name, change, fields) => {
    expect(Object.keys(recurringProblems({ ...weekdays19to20, ...change })).sort()).toEqual(fields);
  });
});

describe('self check-in: which booking a scan of the venue code checks in', () => {
  const t = (h: number, m = 0) => localDateTime('2026-11-23', h, m);
  const b = (id: string, status: 'confirmed' | 'checked_in' | 'waitlisted' | 'cancelled' | 'no_show', from: number, to: number) => ({ id, status, startsAt: t(from), endsAt: t(to) });

  it('checks in the confirmed booking whose window is open (an hour before until the end)', () => {
    expect(selfCheckInChoice([b('a', 'confirmed', 19, 20)], t(18), 60)).toEqual({ kind: 'check_in', bookingId: 'a' });
    expect(selfCheckInChoice([b('a', 'confirmed', 19, 20)], t(19, 59), 60)).toEqual({ kind: 'check_in', bookingId: 'a' });
  });
  it('says when it opens for a booking still ahead, and nothing for one that is over', () => {
    expect(selfCheckInChoice([b('a', 'confirmed', 19, 20)], t(17, 30), 60)).toEqual({ kind: 'too_early', opensAt: t(18) });
    expect(selfCheckInChoice([b('a', 'confirmed', 9, 10)], t(10), 60)).toEqual({ kind: 'none' });
  });
  it('a second scan finds the booking already checked in', () => {
    expect(selfCheckInChoice([b('a', 'checked_in', 19, 20)], t(19, 10), 60)).toEqual({ kind: 'already', bookingId: 'a' });
  });
  it('prefers an open confirmed booking to one already checked in, and the earliest of several', () => {
    const day = [b('late', 'confirmed', 15, 16), b('done', 'checked_in', 14, 16), b('early', 'confirmed', 14, 15)];
    expect(selfCheckInChoice(day, t(14, 30), 60)).toEqual({ kind: 'check_in', bookingId: 'early' });
  });
  it('ignores waitlist places, cancelled bookings and no-shows', () => {
    const day = [b('w', 'waitlisted', 19, 20), b('c', 'cancelled', 19, 20), b('n', 'no_show', 19, 20)];
    expect(selfCheckInChoice(day, t(19), 60)).toEqual({ kind: 'none' });
  });
});

describe('venue code from a scan', () => {
  it('takes the code alone, or out of the printed H5 link or a mini-program path', () => {
    const code = 'v1.abc.1.Zx-_9';
    expect(venueCodeFromScan(` ${code} `)).toBe(code);
    expect(venueCodeFromScan(selfCheckInPageUrl('https://uh.example.cn/', code))).toBe(code);
    expect(venueCodeFromScan(`/${selfCheckInPagePath(code)}`)).toBe(code);
    expect(selfCheckInPageUrl('https://uh.example.cn/', code)).toBe(`https://uh.example.cn/#/packages/venues/pages/scan-in/index?code=${code}`);
  });
});

describe('waitlist promotion and late promotions (issue 12 §7)', () => {
  const min = (m: number) => new Date(yoga.getTime() + m * 60_000);
  const hourSlot = { startsAt: yoga, endsAt: min(60) };

  it.each([
    // [slot length, grace, now relative to the start (minutes), promotion open?]
    [60, 15, -120, true], // a cancellation well ahead
    [60, 15, -1, true],
    [60, 15, 15, true], // the on-time no-show job at the deadline: the newcomer gets 15 minutes
    [60, 15, 29.99, true],
    [60, 15, 30, false], // one grace period after the no-show deadline
    [60, 15, 180, false], // the job catching up after downtime: the slot is long over
    [20, 15, 5, false], // a short slot: the newcomer could not check in before the end
    [20, 15, 4.99, true],
  ])('a %i-minute slot, grace %i: at start %d min promotion open = %s', (length, grace, now, open) => {
    const slot = { startsAt: yoga, endsAt: min(length as number) };
    expect(waitlistPromotionOpen(slot, { noShowGraceMinutes: grace as number }, min(now as number))).toBe(open);
  });

  it('the deadline is the earlier of start + 2 × grace and end − grace', () => {
    expect(waitlistPromotionDeadline(hourSlot, { noShowGraceMinutes: 15 })).toEqual(min(30));
    expect(waitlistPromotionDeadline({ startsAt: yoga, endsAt: min(20) }, { noShowGraceMinutes: 15 })).toEqual(min(5));
    expect(waitlistPromotionDeadline(hourSlot, { noShowGraceMinutes: 0 })).toEqual(yoga);
  });

  it.each([
    // [promoted at, relative to the start (minutes) or null for a direct booking, venue counts no-shows, counted?]
    [null, true, true],
    [null, false, false],
    [-24 * 60, true, true],
    [-30, true, true], // exactly LATE_PROMOTION_MINUTES before: counted
    [-29, true, false],
    [-1, true, false],
    [15, true, false], // a no-show's place given after the start
    [-120, false, false],
  ])('promoted at start %s min, venue counts %s: the no-show counts = %s', (promoted, venueCounts, counted) => {
    const promotedAt = promoted === null ? null : min(promoted as number);
    expect(noShowCounts({ startsAt: yoga, promotedAt }, venueCounts as boolean)).toBe(counted);
  });
});
