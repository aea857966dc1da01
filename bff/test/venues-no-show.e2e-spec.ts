import { SchedulerRegistry } from '@nestjs/schedule';
import { MessageResponse, toBusinessIso } from '@unionhome/shared';
import { CardTokenService } from '../src/membership/card-token.service';
import { BookingEntity } from '../src/venues/entities/booking.entity';
import { VenueSlotEntity } from '../src/venues/entities/venue-slot.entity';
import { TransactionRunner } from '../src/common/transaction-runner';
import { MessagesService } from '../src/messages/messages.service';
import { BookingsRepository } from '../src/venues/bookings.repository';
import { BookingsService } from '../src/venues/bookings.service';
import { NoShowService } from '../src/venues/no-show.service';
import { VenuesRepository } from '../src/venues/venues.repository';
import { createTestApp, TestApp } from './support/test-app';
import { createMembers, createSlot, createVenue } from './support/venues-fixtures';

type Auth = { Authorization: string };
const API = '/api/v1';
const MINUTE = 60_000;

/**
 * The no-show job, driven by moving the Clock (JOBS=false in tests, so the schedule never runs on
 * its own; the test calls the same method the schedule calls). Own database: the job looks at every
 * booking, so other tests' bookings must not be in the way.
 */
describe('venues: no-shows and suspension', () => {
  let t: TestApp;
  let staff: Auth;
  let noShows: NoShowService;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await t.login('13800000004')).auth;
    noShows = t.app.get(NoShowService);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const book = (auth: Auth, slotId: string, extra: Record<string, unknown> = {}) => t.http.post(`${API}/bookings`).set(auth).send({ slotId, ...extra });
  const messagesOf = async (auth: Auth): Promise<MessageResponse[]> => (await t.http.get(`${API}/me/messages`).set(auth).expect(200)).body.data;
  const bookingRow = (id: string) => t.ds.manager.findOneByOrFail(BookingEntity, { id });
  const at = (iso: string, plusMinutes: number) => new Date(new Date(iso).getTime() + plusMinutes * MINUTE);

  it('the schedule is off in tests (JOBS=false): nothing runs unless the test calls it', () => {
    expect(t.config.jobs).toBe(false);
    expect(t.app.get(SchedulerRegistry).getIntervals()).not.toContain('venues:no-shows');
  });

  it('with JOBS on, the job is scheduled every minute', () => {
    const registry = t.app.get(SchedulerRegistry);
    const withJobs = new NoShowService(
      { ...t.config, jobs: true },
      registry,
      t.app.get(BookingsRepository),
      t.app.get(BookingsService),
      t.app.get(VenuesRepository),
      t.app.get(MessagesService),
      t.app.get(TransactionRunner),
      t.clock,
    );
    withJobs.onApplicationBootstrap();
    try {
      expect(registry.getIntervals()).toContain('venues:no-shows');
    } finally {
      registry.deleteInterval('venues:no-shows');
    }
  });

  it('releases a booking not checked in 15 minutes after the start, gives the place to the first in line, and suspends after two in 30 days', async () => {
    const [m, waiting] = await createMembers(t, 2);
    const v = await createVenue(t, staff, { name: '游泳馆', kind: 'pool', rules: { noShowGraceMinutes: 15 } });
    const s1 = await createSlot(t, staff, v.id, 1, 7, { capacity: 1, minutes: 90 });
    const s2 = await createSlot(t, staff, v.id, 5, 7);
    const s3 = await createSlot(t, staff, v.id, 9, 7);
    const b1 = await book(m.auth, s1.id).expect(201);
    const w1 = await book(waiting.auth, s1.id, { waitlist: true }).expect(201);
    const b2 = await book(m.auth, s2.id).expect(201);

    t.clock.set(at(s1.startsAt, 14.99));
    expect(await noShows.releaseDueNoShows()).toBe(0);
    t.clock.set(at(s1.startsAt, 15));
    expect(await noShows.releaseDueNoShows()).toBe(1);
    expect(await bookingRow(b1.body.id)).toMatchObject({ status: 'no_show', activeUserId: null, noShowCounted: true });
    // the place went to the first in line, in the same transaction
    expect(await bookingRow(w1.body.id)).toMatchObject({ status: 'confirmed' });
    expect(await t.ds.manager.findOneByOrFail(VenueSlotEntity, { id: s1.id })).toMatchObject({ booked: 1, waitlisted: 0 });
    const [promotedMsg] = await messagesOf(waiting.auth);
    expect(promotedMsg).toMatchObject({ title: '候补成功', body: expect.stringMatching(/请于07:30前到场签到/) });
    const [noShowMsg] = await messagesOf(m.auth);
    expect(noShowMsg).toMatchObject({ title: '预约未到场', body: expect.stringContaining('15分钟内未签到') });
    expect((await t.http.get(`${API}/me/booking-account`).set(m.auth).expect(200)).body).toEqual({ suspendedUntil: null, reason: null });
    // the promoted person gets their own 15 minutes
    expect(await noShows.releaseDueNoShows()).toBe(0);
    t.clock.set(at(s1.startsAt, 30));
    expect(await noShows.releaseDueNoShows()).toBe(1);
    expect((await bookingRow(w1.body.id)).status).toBe('no_show');
    expect(await t.ds.manager.findOneByOrFail(VenueSlotEntity, { id: s1.id })).toMatchObject({ booked: 0, waitlisted: 0 });

    // the second no-show within 30 days suspends booking for 30 days, and says why and until when
    const second = at(s2.startsAt, 16);
    t.clock.set(second);
    expect(await noShows.releaseDueNoShows()).toBe(1);
    expect((await bookingRow(b2.body.id)).status).toBe('no_show');
    const until = new Date(second.getTime() + 30 * 86_400_000);
    const account = await t.http.get(`${API}/me/booking-account`).set(m.auth).expect(200);
    expect(account.body).toEqual({ suspendedUntil: toBusinessIso(until), reason: '30天内2次预约未到场' });
    // sent in the same instant as the second no-show notice
    const notice = (await messagesOf(m.auth)).find((msg) => msg.title === '预约功能已暂停');
    expect(notice).toMatchObject({ body: expect.stringMatching(/2次预约未按时签到.*暂停至/), link: '/packages/venues/pages/mine/index' });
    const refused = await book(m.auth, s3.id).expect(403);
    expect(refused.body).toEqual({ code: 'BOOKING_SUSPENDED', message: expect.stringMatching(/预约功能暂停至/), details: { until: toBusinessIso(until) } });

    // the suspension ends by itself
    const v2 = await createVenue(t, staff, { rules: { opensDaysAhead: 60 } });
    const later = await createSlot(t, staff, v2.id, 45, 9);
    t.clock.set(new Date(until.getTime() + 1000));
    await book(m.auth, later.id).expect(201);
  });

  it('leaves checked-in and cancelled bookings alone; no-shows at venues that do not count them do not suspend', async () => {
    const [m, z] = await createMembers(t, 2);
    const lenient = await createVenue(t, staff, { rules: { noShowCounts: false } });
    const a = await createSlot(t, staff, lenient.id, 11, 6);
    const b = await createSlot(t, staff, lenient.id, 12, 6);
    const ba = await book(m.auth, a.id).expect(201);
    const bb = await book(m.auth, b.id).expect(201);
    t.clock.set(at(b.startsAt, 20));
    await noShows.releaseDueNoShows();
    expect(await bookingRow(ba.body.id)).toMatchObject({ status: 'no_show', noShowCounted: false });
    expect((await bookingRow(bb.body.id)).status).toBe('no_show');
    expect((await t.http.get(`${API}/me/booking-account`).set(m.auth).expect(200)).body.suspendedUntil).toBeNull();
    t.clock.reset();

    const strict = await createVenue(t, staff);
    const c = await createSlot(t, staff, strict.id, 14, 6);
    const d = await createSlot(t, staff, strict.id, 14, 8);
    const bc = await book(z.auth, c.id).expect(201);
    const bd = await book(z.auth, d.id).expect(201);
    await t.http.post(`${API}/bookings/${bd.body.id}/cancel`).set(z.auth).expect(200);
    t.clock.set(at(c.startsAt, -5));
    await t.http.post(`${API}/check-ins`).set(staff).send({ cardToken: t.app.get(CardTokenService).issue(z.membershipId).token, slotId: c.id }).expect(201);
    t.clock.set(at(d.startsAt, 30));
    await noShows.releaseDueNoShows();
    expect((await bookingRow(bc.body.id)).status).toBe('checked_in');
    expect((await bookingRow(bd.body.id)).status).toBe('cancelled');
  });

  describe('waitlist promotion only while the slot can be used (issue 12 §7)', () => {
    const accountOf = async (auth: Auth) => (await t.http.get(`${API}/me/booking-account`).set(auth).expect(200)).body;

    it('the job catching up after downtime promotes nobody into a slot that is over, and counts nothing against the waiting', async () => {
      const [m, waiting] = await createMembers(t, 2);
      const v = await createVenue(t, staff, { rules: { noShowGraceMinutes: 15, opensDaysAhead: 60 } });
      const s = await createSlot(t, staff, v.id, 40, 9, { capacity: 1 });
      const b = await book(m.auth, s.id).expect(201);
      const w = await book(waiting.auth, s.id, { waitlist: true }).expect(201);

      // the BFF was down from before the slot until three hours after its end
      t.clock.set(at(s.endsAt, 180));
      expect(await noShows.releaseDueNoShows()).toBeGreaterThanOrEqual(1);
      expect(await bookingRow(b.body.id)).toMatchObject({ status: 'no_show', noShowCounted: true });
      expect(await bookingRow(w.body.id)).toMatchObject({ status: 'waitlisted', promotedAt: null });
      expect(await t.ds.manager.findOneByOrFail(VenueSlotEntity, { id: s.id })).toMatchObject({ booked: 0, waitlisted: 1 });
      expect((await messagesOf(waiting.auth)).map((msg) => msg.title)).not.toContain('候补成功');
      t.clock.set(at(s.endsAt, 240));
      await noShows.releaseDueNoShows();
      expect((await bookingRow(w.body.id)).status).toBe('waitlisted');
      expect(await accountOf(waiting.auth)).toEqual({ suspendedUntil: null, reason: null });
    });

    it('on time, a no-show\'s place goes to the first in line until one grace period after the deadline, not later', async () => {
      const [a, b, wa, wb] = await createMembers(t, 4);
      const v = await createVenue(t, staff, { rules: { noShowGraceMinutes: 15, opensDaysAhead: 60, noShowCounts: false } });
      const s1 = await createSlot(t, staff, v.id, 41, 9, { capacity: 1 });
      const s2 = await createSlot(t, staff, v.id, 41, 11, { capacity: 1 });
      await book(a.auth, s1.id).expect(201);
      const w1 = await book(wa.auth, s1.id, { waitlist: true }).expect(201);
      await book(b.auth, s2.id).expect(201);
      const w2 = await book(wb.auth, s2.id, { waitlist: true }).expect(201);
      t.clock.set(at(s1.startsAt, 29));
      await noShows.releaseDueNoShows();
      expect(await bookingRow(w1.body.id)).toMatchObject({ status: 'confirmed', promotedAt: at(s1.startsAt, 29) });
      t.clock.set(at(s2.startsAt, 30));
      await noShows.releaseDueNoShows();
      expect((await bookingRow(w2.body.id)).status).toBe('waitlisted');
    });

    it('a place given from the waitlist less than 30 minutes before the start: missing it is recorded but not counted', async () => {
      const [m, waiting] = await createMembers(t, 2);
      const v = await createVenue(t, staff, { rules: { noShowGraceMinutes: 15, opensDaysAhead: 60, cancelCutoffHours: 0 } });
      const earlier = await createSlot(t, staff, v.id, 42, 9);
      const s = await createSlot(t, staff, v.id, 43, 9, { capacity: 1 });
      // the waiting member already has one counted no-show: a second counted one would suspend them
      const missed = await book(waiting.auth, earlier.id).expect(201);
      const b = await book(m.auth, s.id).expect(201);
      const w = await book(waiting.auth, s.id, { waitlist: true }).expect(201);
      t.clock.set(at(earlier.startsAt, 20));
      await noShows.releaseDueNoShows();
      expect(await bookingRow(missed.body.id)).toMatchObject({ status: 'no_show', noShowCounted: true });

      // ten minutes before the start the holder cancels: the place goes to the waiting member, who is told it will not count
      t.clock.set(at(s.startsAt, -10));
      await t.http.post(`${API}/bookings/${b.body.id}/cancel`).set(m.auth).expect(200);
      expect(await bookingRow(w.body.id)).toMatchObject({ status: 'confirmed', promotedAt: at(s.startsAt, -10) });
      const [promoted] = await messagesOf(waiting.auth);
      expect(promoted).toMatchObject({ title: '候补成功', body: expect.stringContaining('来不了也不计入未到场次数') });

      t.clock.set(at(s.startsAt, 15));
      await noShows.releaseDueNoShows();
      expect(await bookingRow(w.body.id)).toMatchObject({ status: 'no_show', noShowCounted: false });
      expect(await accountOf(waiting.auth)).toEqual({ suspendedUntil: null, reason: null });
      const [notice] = await messagesOf(waiting.auth);
      expect(notice).toMatchObject({ title: '预约未到场', body: expect.stringContaining('不计入未到场次数') });
    });
  });

  it('works through more due bookings than one batch', async () => {
    const members = await createMembers(t, 3);
    const v = await createVenue(t, staff, { rules: { noShowCounts: false } });
    const slots = await Promise.all([20, 21, 22].map((d) => createSlot(t, staff, v.id, d, 10)));
    for (const s of slots) for (const m of members) await book(m.auth, s.id).expect(201);
    t.clock.set(at(slots[2].startsAt, 60));
    expect(await noShows.releaseDueNoShows(2)).toBe(9);
    for (const s of slots) expect((await t.ds.manager.findOneByOrFail(VenueSlotEntity, { id: s.id })).booked).toBe(0);
  });
});
