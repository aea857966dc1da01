import { addDays, localDateTime, MessageResponse, toBusinessIso, VenueResponse } from '@unionhome/shared';
import { CardTokenService } from '../src/membership/card-token.service';
import { MembershipEntity } from '../src/membership/entities/membership.entity';
import { OrgEntity } from '../src/orgs/entities/org.entity';
import { BookingEntity } from '../src/venues/entities/booking.entity';
import { VenueSlotEntity } from '../src/venues/entities/venue-slot.entity';
import { createTestApp, TestApp } from './support/test-app';
import { createMembers, createSlot, createVenue } from './support/venues-fixtures';

type Auth = { Authorization: string };
const API = '/api/v1';
const CJK = /[\u4e00-\u9fa5]/;

describe('venues: venues, slots, booking rules, waitlist, check-in, no-shows', () => {
  let t: TestApp;
  let zhang: Auth;
  let zhangId: string;
  let lina: Auth;
  let staff: Auth;
  let admin: Auth;
  let officer: Auth;
  let venues: VenueResponse[];
  const yoga = () => venues.find((v) => v.name === '瑜伽课')!;

  beforeAll(async () => {
    t = await createTestApp();
    const z = await t.login('13800000001');
    zhang = z.auth;
    zhangId = z.user.id;
    lina = (await t.login('13800000007')).auth;
    staff = (await t.login('13800000004')).auth;
    admin = (await t.login('13800000006')).auth;
    officer = (await t.login('13800000002')).auth;
    venues = (await t.http.get(`${API}/venues`).set(zhang).expect(200)).body;
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const tomorrow = () => addDays(t.clock.today(), 1);
  const slotsOf = async (venueId: string, date: string, auth: Auth = zhang) => (await t.http.get(`${API}/venues/${venueId}/slots?date=${date}`).set(auth).expect(200)).body;
  const book = (auth: Auth, slotId: string, extra: Record<string, unknown> = {}) => t.http.post(`${API}/bookings`).set(auth).send({ slotId, ...extra });
  const messagesOf = async (auth: Auth): Promise<MessageResponse[]> => (await t.http.get(`${API}/me/messages`).set(auth).expect(200)).body.data;
  const slotRow = (id: string) => t.ds.manager.findOneByOrFail(VenueSlotEntity, { id });

  describe('the demo palace', () => {
    it('lists a meeting room, a gym and a yoga course, bookable 7 days ahead from 08:00, members only', () => {
      expect(venues.map((v) => [v.name, v.kind])).toEqual([
        ['多功能会议室', 'room'],
        ['职工健身房', 'gym'],
        ['瑜伽课', 'course'],
      ]);
      for (const v of venues) expect(v.rules).toMatchObject({ opensDaysAhead: 7, opensAtHour: 8, membersOnly: true, noShowGraceMinutes: 15 });
      expect(yoga().rules).toMatchObject({ capacity: 20, maxPerDay: 1, maxPerWeek: 3, cancelCutoffHours: 2, waitlist: true });
    });

    it('shows tomorrow’s 19:00–20:00 yoga slot with its places and status', async () => {
      const slots = await slotsOf(yoga().id, tomorrow());
      expect(slots).toEqual([
        {
          id: expect.any(String),
          venueId: yoga().id,
          startsAt: `${tomorrow()}T19:00:00+08:00`,
          endsAt: `${tomorrow()}T20:00:00+08:00`,
          capacity: 20,
          booked: 0,
          waitlisted: 0,
          status: 'open',
          opensAt: `${addDays(tomorrow(), -7)}T08:00:00+08:00`,
          mine: null,
        },
      ]);
      // seven days of yoga from the seed time on
      const days = await Promise.all([0, 1, 2, 3, 4, 5, 6].map((d) => slotsOf(yoga().id, addDays(t.clock.today(), d))));
      expect(days.slice(1).every((d) => d.length === 1)).toBe(true);
      expect((await slotsOf(yoga().id, addDays(t.clock.today(), 7))).length).toBe(0);
    });

    it('answers 400 for a bad date, 404 for an unknown venue, 401 without login', async () => {
      const bad = await t.http.get(`${API}/venues/${yoga().id}/slots?date=2026-02-30`).set(zhang).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { date: expect.stringMatching(CJK) } });
      await t.http.get(`${API}/venues/${yoga().id}/slots`).set(zhang).expect(400);
      const unknown = await t.http.get(`${API}/venues/00000000-0000-4000-8000-000000000000/slots?date=${tomorrow()}`).set(zhang).expect(404);
      expect(unknown.body.code).toBe('VENUE_NOT_FOUND');
      expect((await t.http.get(`${API}/venues/not-an-id/slots?date=${tomorrow()}`).set(zhang).expect(404)).body.code).toBe('VENUE_NOT_FOUND');
      await t.http.get(`${API}/venues`).expect(401);
    });
  });

  describe('venue and slot management', () => {
    it('lets venue staff create a venue with its rules and change them; others get 403', async () => {
      const member = await t.http.post(`${API}/venues`).set(zhang).send({ name: '羽毛球场', kind: 'gym' }).expect(403);
      expect(member.body.code).toBe('FORBIDDEN');
      await t.http.post(`${API}/venues`).set(officer).send({ name: '羽毛球场', kind: 'gym' }).expect(403);

      const created = await t.http
        .post(`${API}/venues`)
        .set(staff)
        .send({ name: '羽毛球场', kind: 'gym', location: '体育馆二楼', rules: { capacity: 4, opensDaysAhead: 3, opensAtHour: 9, membersOnly: false, maxPerDay: null, cancelCutoffHours: 6, waitlist: false } })
        .expect(201);
      expect(created.body).toMatchObject({
        name: '羽毛球场',
        kind: 'gym',
        active: true,
        rules: { capacity: 4, opensDaysAhead: 3, opensAtHour: 9, membersOnly: false, maxPerDay: null, maxPerWeek: 3, cancelCutoffHours: 6, noShowGraceMinutes: 15, noShowCounts: true, waitlist: false },
      });
      const palace = await t.ds.manager.findOneByOrFail(OrgEntity, { code: 'DEMO-PALACE' });
      expect(created.body.orgId).toBe(palace.id);

      const patched = await t.http.patch(`${API}/venues/${created.body.id}`).set(staff).send({ rules: { maxPerWeek: 2, noShowCounts: false } }).expect(200);
      expect(patched.body.rules).toMatchObject({ capacity: 4, maxPerWeek: 2, noShowCounts: false, membersOnly: false });
      const managed = await t.http.get(`${API}/venues/managed`).set(staff).expect(200);
      expect(managed.body.map((v: VenueResponse) => v.name)).toContain('羽毛球场');
      await t.http.get(`${API}/venues/managed`).set(zhang).expect(403);
    });

    it('refuses bad rules and unknown fields with Chinese field messages', async () => {
      const bad = await t.http.post(`${API}/venues`).set(staff).send({ name: '', kind: 'sauna', rules: { capacity: 0, opensAtHour: 24, waitlist: 'yes' }, price: 1 }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      for (const f of ['name', 'kind', 'rules.capacity', 'rules.opensAtHour', 'rules.waitlist', 'price']) expect(bad.body.fields[f]).toMatch(CJK);
    });

    it('keeps venues of another union out of a palace’s staff reach (404)', async () => {
      const district = await t.ds.manager.findOneByOrFail(OrgEntity, { code: 'DEMO-DISTRICT' });
      const other = await t.http.post(`${API}/venues`).set(admin).send({ name: '区职工活动中心', kind: 'room', orgId: district.id }).expect(201);
      expect((await t.http.patch(`${API}/venues/${other.body.id}`).set(staff).send({ name: 'x' }).expect(404)).body.code).toBe('VENUE_NOT_FOUND');
      await t.http.post(`${API}/venues/${other.body.id}/slots`).set(staff).send({ startsAt: `${tomorrow()}T10:00:00+08:00`, endsAt: `${tomorrow()}T11:00:00+08:00` }).expect(404);
      expect((await t.http.get(`${API}/venues/managed`).set(staff).expect(200)).body.map((v: VenueResponse) => v.id)).not.toContain(other.body.id);
      expect((await t.http.post(`${API}/venues`).set(admin).send({ name: '无主场馆', kind: 'room' }).expect(400)).body.fields.orgId).toMatch(CJK);
    });

    it('an admin, who belongs to no palace, picks one from GET /orgs?type=palace and creates the venue there', async () => {
      const palaces = (await t.http.get(`${API}/orgs?type=palace`).expect(200)).body;
      expect(palaces.map((o: { code: string }) => o.code)).toEqual(['DEMO-PALACE']);
      expect(palaces.every((o: { type: string }) => o.type === 'palace')).toBe(true);
      const created = await t.http.post(`${API}/venues`).set(admin).send({ name: '职工书屋', kind: 'room', orgId: palaces[0].id }).expect(201);
      expect(created.body.orgId).toBe(palaces[0].id);
      // The palace's own staff manage it from then on.
      expect((await t.http.get(`${API}/venues/managed`).set(staff).expect(200)).body.map((v: VenueResponse) => v.id)).toContain(created.body.id);
      expect((await t.http.post(`${API}/venues`).set(admin).send({ name: '无主场馆', kind: 'room', orgId: '00000000-0000-4000-8000-000000000000' }).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await t.http.get(`${API}/orgs?type=castle`).expect(400)).body.fields.type).toMatch(CJK);
    });

    it('creates single slots, refusing overlaps, past times and reversed times', async () => {
      const v = await createVenue(t, staff);
      const first = await t.http.post(`${API}/venues/${v.id}/slots`).set(staff).send({ startsAt: `${tomorrow()}T09:00:00+08:00`, endsAt: `${tomorrow()}T10:30:00+08:00` }).expect(201);
      expect(first.body).toMatchObject({ capacity: 20, booked: 0, status: 'open', startsAt: `${tomorrow()}T09:00:00+08:00` });
      const clash = await t.http.post(`${API}/venues/${v.id}/slots`).set(staff).send({ startsAt: `${tomorrow()}T10:00:00+08:00`, endsAt: `${tomorrow()}T11:00:00+08:00`, capacity: 5 }).expect(409);
      expect(clash.body).toMatchObject({ code: 'SLOT_OVERLAP', message: expect.stringMatching(CJK) });
      await t.http.post(`${API}/venues/${v.id}/slots`).set(staff).send({ startsAt: `${tomorrow()}T10:30:00+08:00`, endsAt: `${tomorrow()}T11:00:00+08:00`, capacity: 5 }).expect(201);
      const reversed = await t.http.post(`${API}/venues/${v.id}/slots`).set(staff).send({ startsAt: `${tomorrow()}T12:00:00+08:00`, endsAt: `${tomorrow()}T11:00:00+08:00` }).expect(400);
      expect(reversed.body.fields.endsAt).toBe('结束时间应晚于开始时间');
      const past = await t.http.post(`${API}/venues/${v.id}/slots`).set(staff).send({ startsAt: '2020-01-01T10:00:00+08:00', endsAt: '2020-01-01T11:00:00+08:00' }).expect(400);
      expect(past.body.fields.startsAt).toMatch(CJK);
      const format = await t.http.post(`${API}/venues/${v.id}/slots`).set(staff).send({ startsAt: 'tomorrow 7pm', endsAt: `${tomorrow()}T20:00:00`, capacity: 0 }).expect(400);
      expect(Object.keys(format.body.fields).sort()).toEqual(['capacity', 'endsAt', 'startsAt']);
    });

    it('generates every weekday 19:00–20:00 for four weeks, and skips what already exists', async () => {
      const v = await createVenue(t, staff, { rules: { capacity: 12 } });
      // the next Monday after tomorrow
      let monday = tomorrow();
      while (new Date(`${monday}T00:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
      const body = { fromDate: monday, weeks: 4, weekdays: [1, 2, 3, 4, 5], startTime: '19:00', endTime: '20:00' };
      const first = await t.http.post(`${API}/venues/${v.id}/slots/recurring`).set(staff).send(body).expect(201);
      expect(first.body).toEqual({ created: 20, skipped: 0, fromDate: monday, toDate: addDays(monday, 27) });
      const tuesday = await slotsOf(v.id, addDays(monday, 8));
      expect(tuesday).toEqual([expect.objectContaining({ startsAt: `${addDays(monday, 8)}T19:00:00+08:00`, endsAt: `${addDays(monday, 8)}T20:00:00+08:00`, capacity: 12 })]);
      expect(await slotsOf(v.id, addDays(monday, 5))).toEqual([]); // Saturday
      const again = await t.http.post(`${API}/venues/${v.id}/slots/recurring`).set(staff).send({ ...body, startTime: '19:30', endTime: '20:30' }).expect(201);
      expect(again.body).toMatchObject({ created: 0, skipped: 20 });
      const bad = await t.http.post(`${API}/venues/${v.id}/slots/recurring`).set(staff).send({ ...body, weekdays: [0, 8], startTime: '20:00', endTime: '19:00' }).expect(400);
      expect(bad.body.fields.weekdays).toBe('星期应为1到7');
      const reversed = await t.http.post(`${API}/venues/${v.id}/slots/recurring`).set(staff).send({ ...body, startTime: '20:00', endTime: '19:00' }).expect(400);
      expect(reversed.body.fields).toEqual({ endTime: '结束时间应晚于开始时间' });
      const tooLong = await t.http.post(`${API}/venues/${v.id}/slots/recurring`).set(staff).send({ ...body, weeks: undefined, toDate: addDays(monday, 120) }).expect(400);
      expect(tooLong.body.fields.toDate).toMatch(CJK);
    });
  });

  describe('booking rules', () => {
    it('books tomorrow’s yoga: the slot shows it, a second booking is ALREADY_BOOKED', async () => {
      const [slot] = await slotsOf(yoga().id, tomorrow());
      const res = await book(zhang, slot.id).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), slotId: slot.id, status: 'confirmed' });
      const [after] = await slotsOf(yoga().id, tomorrow());
      expect(after).toMatchObject({ booked: 1, status: 'open', mine: { bookingId: res.body.id, status: 'confirmed', position: null } });
      const [seenByOthers] = await slotsOf(yoga().id, tomorrow(), lina);
      expect(seenByOthers.mine).toBeNull();
      const again = await book(zhang, slot.id).expect(409);
      expect(again.body).toEqual({ code: 'ALREADY_BOOKED', message: '您已预约该时段' });
      expect((await slotRow(slot.id)).booked).toBe(1);
      await t.http.post(`${API}/bookings/${res.body.id}/cancel`).set(zhang).expect(200);
    });

    it('refuses a non-member at a member-only venue (403 MEMBERS_ONLY) and lets them book an open one', async () => {
      const [slot] = await slotsOf(yoga().id, tomorrow());
      const res = await book(lina, slot.id).expect(403);
      expect(res.body).toEqual({ code: 'MEMBERS_ONLY', message: '该场馆仅对工会会员开放' });
      const open = await createVenue(t, staff, { rules: { membersOnly: false } });
      const s = await createSlot(t, staff, open.id, 2, 10);
      expect((await book(lina, s.id).expect(201)).body.status).toBe('confirmed');
    });

    it('422 BOOKING_NOT_OPEN before the opening hour, with when it opens', async () => {
      const v = await createVenue(t, staff, { rules: { opensDaysAhead: 3, opensAtHour: 8 } });
      const s = await createSlot(t, staff, v.id, 5, 19);
      const res = await book(zhang, s.id).expect(422);
      const opensAt = localDateTime(addDays(t.clock.today(), 2), 8);
      expect(res.body).toEqual({ code: 'BOOKING_NOT_OPEN', message: expect.stringMatching(/将于.*08:00开放预约/), details: { opensAt: toBusinessIso(opensAt) } });
      expect((await slotsOf(v.id, addDays(t.clock.today(), 5)))[0].status).toBe('not_yet_open');
      t.clock.set(opensAt);
      expect((await book(zhang, s.id).expect(201)).body.status).toBe('confirmed');
    });

    it('422 BOOKING_CLOSED once the slot has started', async () => {
      const v = await createVenue(t, staff);
      const s = await createSlot(t, staff, v.id, 1, 9);
      const day = tomorrow();
      t.clock.set(s.startsAt);
      expect((await book(zhang, s.id).expect(422)).body.code).toBe('BOOKING_CLOSED');
      expect((await slotsOf(v.id, day))[0].status).toBe('closed');
    });

    it('422 BOOKING_LIMIT_REACHED per day and per week, counting only active bookings', async () => {
      const v = await createVenue(t, staff, { rules: { maxPerDay: 1, maxPerWeek: 2 } });
      // a Monday two weeks on, so all four slots are in one week
      let monday = addDays(t.clock.today(), 8);
      while (new Date(`${monday}T00:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
      const ahead = (d: string) => Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${t.clock.today()}T00:00:00Z`)) / 86_400_000);
      const mon9 = await createSlot(t, staff, v.id, ahead(monday), 9);
      const mon15 = await createSlot(t, staff, v.id, ahead(monday), 15);
      const tue9 = await createSlot(t, staff, v.id, ahead(monday) + 1, 9);
      const wed9 = await createSlot(t, staff, v.id, ahead(monday) + 2, 9);
      const first = await book(zhang, mon9.id).expect(201);
      const day = await book(zhang, mon15.id).expect(422);
      expect(day.body).toEqual({ code: 'BOOKING_LIMIT_REACHED', message: '该场馆每人每天最多预约1次', details: { period: 'day', limit: 1 } });
      await book(zhang, tue9.id).expect(201);
      const week = await book(zhang, wed9.id).expect(422);
      expect(week.body).toMatchObject({ code: 'BOOKING_LIMIT_REACHED', message: '该场馆每人每周最多预约2次', details: { period: 'week', limit: 2 } });
      // a cancelled booking no longer counts
      await t.http.post(`${API}/bookings/${first.body.id}/cancel`).set(zhang).expect(200);
      await book(zhang, wed9.id).expect(201);
      await book(zhang, mon15.id).expect(422);
    });

    it('full: 409 SLOT_FULL, or a waitlist place when asked; no waitlist when the venue has none', async () => {
      const v = await createVenue(t, staff, { rules: { membersOnly: false } });
      const s = await createSlot(t, staff, v.id, 3, 10, { capacity: 1 });
      await book(zhang, s.id).expect(201);
      const full = await book(lina, s.id).expect(409);
      expect(full.body).toEqual({ code: 'SLOT_FULL', message: '该时段已约满' });
      // The holder of the last place tapping again (a retry after a lost answer) is told they have it.
      expect((await book(zhang, s.id).expect(409)).body).toEqual({ code: 'ALREADY_BOOKED', message: '您已预约该时段' });
      const queued = await book(lina, s.id, { waitlist: true }).expect(201);
      expect(queued.body).toEqual({ id: expect.any(String), slotId: s.id, status: 'waitlisted', position: 1 });
      expect((await book(lina, s.id, { waitlist: true }).expect(409)).body.code).toBe('ALREADY_BOOKED');
      const [shown] = await slotsOf(v.id, addDays(t.clock.today(), 3), lina);
      expect(shown).toMatchObject({ booked: 1, waitlisted: 1, status: 'full', mine: { status: 'waitlisted', position: 1 } });

      const noQueue = await createVenue(t, staff, { rules: { waitlist: false } });
      const s2 = await createSlot(t, staff, noQueue.id, 3, 10, { capacity: 1 });
      const [other] = await createMembers(t, 1);
      await book(other.auth, s2.id).expect(201);
      expect((await book(zhang, s2.id, { waitlist: true }).expect(409)).body.code).toBe('SLOT_FULL');
      // asking for the waitlist on a slot with room simply books it
      const roomy = await createSlot(t, staff, v.id, 4, 10);
      expect((await book(lina, roomy.id, { waitlist: true }).expect(201)).body.status).toBe('confirmed');
    });

    it('validates the request: unknown fields, a bad slot id, an unknown slot', async () => {
      const unknown = await t.http.post(`${API}/bookings`).set(zhang).send({ slotId: '00000000-0000-4000-8000-000000000000', seats: 2 }).expect(400);
      expect(unknown.body.fields).toEqual({ seats: '不支持该字段' });
      const badId = await t.http.post(`${API}/bookings`).set(zhang).send({ slotId: 'abc', waitlist: 'yes' }).expect(400);
      expect(Object.keys(badId.body.fields).sort()).toEqual(['slotId', 'waitlist']);
      const missing = await t.http.post(`${API}/bookings`).set(zhang).send({ slotId: '00000000-0000-4000-8000-000000000000' }).expect(404);
      expect(missing.body).toEqual({ code: 'SLOT_NOT_FOUND', message: '没有找到该时段' });
      await t.http.post(`${API}/bookings`).send({ slotId: '00000000-0000-4000-8000-000000000000' }).expect(401);
    });

    it('replays the first answer for a repeated Idempotency-Key, and refuses the key with another body', async () => {
      const v = await createVenue(t, staff);
      const s = await createSlot(t, staff, v.id, 2, 18);
      const s2 = await createSlot(t, staff, v.id, 2, 20);
      const first = await book(zhang, s.id).set('Idempotency-Key', 'tap-1').expect(201);
      const repeat = await book(zhang, s.id).set('Idempotency-Key', 'tap-1').expect(201);
      expect(repeat.body).toEqual(first.body);
      expect(await t.ds.manager.countBy(BookingEntity, { slotId: s.id })).toBe(1);
      expect((await book(zhang, s2.id).set('Idempotency-Key', 'tap-1').expect(409)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('cancellation and the waitlist', () => {
    it('cancels before the cut-off and gives the place back; a repeat is harmless; too late is 422 with the deadline', async () => {
      const v = await createVenue(t, staff, { rules: { cancelCutoffHours: 2 } });
      const s = await createSlot(t, staff, v.id, 2, 19);
      const b = await book(zhang, s.id).expect(201);
      expect((await slotRow(s.id)).booked).toBe(1);
      expect((await t.http.post(`${API}/bookings/${b.body.id}/cancel`).set(zhang).expect(200)).body).toEqual({ status: 'cancelled' });
      expect((await slotRow(s.id)).booked).toBe(0);
      await t.http.post(`${API}/bookings/${b.body.id}/cancel`).set(zhang).expect(200);
      expect((await slotRow(s.id)).booked).toBe(0);

      const again = await book(zhang, s.id).expect(201);
      t.clock.set(new Date(new Date(s.startsAt).getTime() - 2 * 3_600_000 + 60_000));
      const late = await t.http.post(`${API}/bookings/${again.body.id}/cancel`).set(zhang).expect(422);
      expect(late.body).toMatchObject({ code: 'CANCEL_TOO_LATE', message: expect.stringMatching(/开始前2小时可取消.*17:00/), details: { deadline: expect.stringContaining('T17:00:00+08:00') } });
      expect((await slotRow(s.id)).booked).toBe(1);
    });

    it('404 for someone else’s booking or an unknown one', async () => {
      const v = await createVenue(t, staff, { rules: { membersOnly: false } });
      const s = await createSlot(t, staff, v.id, 2, 8);
      const b = await book(zhang, s.id).expect(201);
      expect((await t.http.post(`${API}/bookings/${b.body.id}/cancel`).set(lina).expect(404)).body.code).toBe('BOOKING_NOT_FOUND');
      await t.http.post(`${API}/bookings/00000000-0000-4000-8000-000000000000/cancel`).set(zhang).expect(404);
      await t.http.post(`${API}/bookings/nope/cancel`).set(zhang).expect(404);
    });

    it('FIFO: a cancellation promotes the first in line in the same transaction and tells them', async () => {
      const v = await createVenue(t, staff, { name: '书法课', rules: { membersOnly: false } });
      const s = await createSlot(t, staff, v.id, 3, 14, { capacity: 1 });
      const [m1, m2, m3] = await createMembers(t, 3);
      const holder = await book(zhang, s.id).expect(201);
      const q1 = await book(m1.auth, s.id, { waitlist: true }).expect(201);
      const q2 = await book(m2.auth, s.id, { waitlist: true }).expect(201);
      const q3 = await book(m3.auth, s.id, { waitlist: true }).expect(201);
      expect([q1.body.position, q2.body.position, q3.body.position]).toEqual([1, 2, 3]);

      // the second in line leaves: the third moves up
      await t.http.post(`${API}/bookings/${q2.body.id}/cancel`).set(m2.auth).expect(200);
      expect((await slotRow(s.id)).waitlisted).toBe(2);
      const mineM3 = await t.http.get(`${API}/me/bookings`).set(m3.auth).expect(200);
      expect(mineM3.body.data[0]).toMatchObject({ status: 'waitlisted', position: 2 });

      await t.http.post(`${API}/bookings/${holder.body.id}/cancel`).set(zhang).expect(200);
      const promoted = await t.ds.manager.findOneByOrFail(BookingEntity, { id: q1.body.id });
      expect(promoted.status).toBe('confirmed');
      expect(await slotRow(s.id)).toMatchObject({ booked: 1, waitlisted: 1 });
      const [msg] = await messagesOf(m1.auth);
      expect(msg).toMatchObject({ title: '候补成功', body: expect.stringContaining('「书法课」'), link: '/packages/venues/pages/mine/index' });
      expect((await t.http.get(`${API}/me/bookings`).set(m3.auth).expect(200)).body.data[0]).toMatchObject({ status: 'waitlisted', position: 1 });
      // leaving the waitlist is allowed after the cut-off
      t.clock.set(new Date(new Date(s.startsAt).getTime() - 30 * 60_000));
      await t.http.post(`${API}/bookings/${q3.body.id}/cancel`).set(m3.auth).expect(200);
      expect(await slotRow(s.id)).toMatchObject({ booked: 1, waitlisted: 0 });
    });

    it('我的预约: upcoming soonest first with the cut-off, past latest first', async () => {
      const [m] = await createMembers(t, 1);
      const v = await createVenue(t, staff, { rules: { cancelCutoffHours: 3 } });
      const later = await createSlot(t, staff, v.id, 4, 9);
      const sooner = await createSlot(t, staff, v.id, 2, 9);
      const gone = await createSlot(t, staff, v.id, 3, 9);
      await book(m.auth, later.id).expect(201);
      await book(m.auth, sooner.id).expect(201);
      const cancelled = await book(m.auth, gone.id).expect(201);
      await t.http.post(`${API}/bookings/${cancelled.body.id}/cancel`).set(m.auth).expect(200);

      const upcoming = await t.http.get(`${API}/me/bookings?scope=upcoming`).set(m.auth).expect(200);
      expect(upcoming.body).toMatchObject({ total: 2, page: 1, limit: 20 });
      expect(upcoming.body.data.map((b: { slotId: string }) => b.slotId)).toEqual([sooner.id, later.id]);
      expect(upcoming.body.data[0]).toMatchObject({
        status: 'confirmed',
        position: null,
        canCancel: true,
        venue: { id: v.id, kind: 'course' },
        startsAt: sooner.startsAt,
        cancelDeadline: toBusinessIso(new Date(new Date(sooner.startsAt).getTime() - 3 * 3_600_000)),
        checkedInAt: null,
      });
      const past = await t.http.get(`${API}/me/bookings?scope=past`).set(m.auth).expect(200);
      expect(past.body.data).toEqual([expect.objectContaining({ slotId: gone.id, status: 'cancelled', canCancel: false })]);
      expect((await t.http.get(`${API}/me/bookings?scope=soon`).set(m.auth).expect(400)).body.fields.scope).toMatch(CJK);
      expect((await t.http.get(`${API}/me/bookings?limit=1000`).set(m.auth).expect(200)).body.limit).toBe(100);
    });
  });

  describe('check-in', () => {
    let cards: CardTokenService;
    let zhangMembership: MembershipEntity;
    beforeAll(async () => {
      cards = t.app.get(CardTokenService);
      zhangMembership = await t.ds.manager.findOneByOrFail(MembershipEntity, { activeUserId: zhangId });
    });

    it('checks a member in with the 60-second card QR, from an hour before the start', async () => {
      const v = await createVenue(t, staff, { name: '乒乓球室' });
      const s = await createSlot(t, staff, v.id, 1, 20);
      const b = await book(zhang, s.id).expect(201);
      const checkIn = () => t.http.post(`${API}/check-ins`).set(staff).send({ cardToken: cards.issue(zhangMembership.id).token, slotId: s.id });

      t.clock.set(new Date(new Date(s.startsAt).getTime() - 61 * 60_000));
      expect((await checkIn().expect(422)).body.code).toBe('CHECK_IN_NOT_OPEN');
      t.clock.set(new Date(new Date(s.startsAt).getTime() - 10 * 60_000));
      const ok = await checkIn().expect(201);
      expect(ok.body).toEqual({ bookingId: b.body.id, status: 'checked_in', memberNo: zhangMembership.memberNo, nameMasked: '张*', venueName: '乒乓球室', startsAt: s.startsAt, alreadyCheckedIn: false });
      expect((await checkIn().expect(201)).body).toMatchObject({ bookingId: b.body.id, alreadyCheckedIn: true });
      const roster = await t.http.get(`${API}/slots/${s.id}/bookings`).set(staff).expect(200);
      expect(roster.body).toEqual([{ bookingId: b.body.id, status: 'checked_in', nameMasked: '张*', position: null, checkedInAt: expect.any(String) }]);
      // a checked-in booking can no longer be cancelled
      expect((await t.http.post(`${API}/bookings/${b.body.id}/cancel`).set(zhang).expect(409)).body.code).toBe('BOOKING_NOT_ACTIVE');
      t.clock.set(s.endsAt);
      expect((await checkIn().expect(422)).body.code).toBe('CHECK_IN_CLOSED');
    });

    it('a card QR checks in once: the same token again (forwarded to a friend) is refused; a refused check-in leaves it usable', async () => {
      const v = await createVenue(t, staff, { name: '台球室' });
      const s = await createSlot(t, staff, v.id, 1, 15);
      const other = await createSlot(t, staff, (await createVenue(t, staff)).id, 1, 15);
      const b = await book(zhang, s.id).expect(201);
      t.clock.set(new Date(new Date(s.startsAt).getTime() - 5 * 60_000));
      const token = cards.issue(zhangMembership.id).token;
      const checkIn = (slotId: string) => t.http.post(`${API}/check-ins`).set(staff).send({ cardToken: token, slotId });
      // staff picked the wrong slot first: refused, and the QR is still good
      expect((await checkIn(other.id).expect(404)).body.code).toBe('BOOKING_NOT_FOUND');
      expect((await checkIn(s.id).expect(201)).body).toMatchObject({ bookingId: b.body.id, alreadyCheckedIn: false });
      expect((await checkIn(s.id).expect(422)).body).toEqual({ code: 'CARD_QR_INVALID', message: '这个会员卡二维码已经用过一次，请会员刷新会员卡后重新出示' });
      // the same QR is used up for the staff's card check too
      const verified = await t.http.post(`${API}/cards/verify`).set(staff).send({ token }).expect(200);
      expect(verified.body).toMatchObject({ valid: false, reason: 'INVALID' });
    });

    it('refuses an expired or forged card, a member without a booking, and non-staff', async () => {
      const v = await createVenue(t, staff);
      const s = await createSlot(t, staff, v.id, 1, 21);
      t.clock.set(new Date(new Date(s.startsAt).getTime() - 5 * 60_000));
      const old = cards.issue(zhangMembership.id).token;
      t.clock.advance(61_000);
      const expired = await t.http.post(`${API}/check-ins`).set(staff).send({ cardToken: old, slotId: s.id }).expect(422);
      expect(expired.body).toEqual({ code: 'CARD_QR_EXPIRED', message: expect.stringMatching(CJK) });
      const forged = await t.http.post(`${API}/check-ins`).set(staff).send({ cardToken: `${zhangMembership.id}.zz.abc.def`, slotId: s.id }).expect(422);
      expect(forged.body.code).toBe('CARD_QR_INVALID');
      const none = await t.http.post(`${API}/check-ins`).set(staff).send({ cardToken: cards.issue(zhangMembership.id).token, slotId: s.id }).expect(404);
      expect(none.body).toEqual({ code: 'BOOKING_NOT_FOUND', message: '该会员没有预约这个时段' });
      await t.http.post(`${API}/check-ins`).set(zhang).send({ cardToken: cards.issue(zhangMembership.id).token, slotId: s.id }).expect(403);
      const bad = await t.http.post(`${API}/check-ins`).set(staff).send({ cardToken: '', slotId: 'x' }).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['cardToken', 'slotId']);
    });
  });

  describe('check-in by the venue\'s printed code', () => {
    const scan = (auth: Auth, venueCode: string) => t.http.post(`${API}/me/check-ins`).set(auth).send({ venueCode });
    const codeOf = async (venueId: string) => (await t.http.get(`${API}/venues/${venueId}/check-in-code`).set(staff).expect(200)).body;

    it('staff show the code at the door; the member scans it from an hour before the start; a second scan says so', async () => {
      const v = await createVenue(t, staff, { name: '羽毛球馆' });
      const s = await createSlot(t, staff, v.id, 1, 18);
      const b = await book(zhang, s.id).expect(201);

      t.clock.set(new Date(new Date(s.startsAt).getTime() - 90 * 60_000));
      let printed = await codeOf(v.id);
      expect(printed).toEqual({
        venueId: v.id,
        venueName: '羽毛球馆',
        code: expect.any(String),
        qrText: expect.stringContaining('#/packages/venues/pages/scan-in/index?code='),
        version: 1,
        refreshInSeconds: expect.any(Number),
      });
      const early = await scan(zhang, printed.code).expect(422);
      expect(early.body).toEqual({ code: 'CHECK_IN_NOT_OPEN', message: '还没到签到时间，17:00起可签到', details: { opensAt: toBusinessIso(new Date(new Date(s.startsAt).getTime() - 60 * 60_000)) } });

      t.clock.set(new Date(new Date(s.startsAt).getTime() - 5 * 60_000));
      printed = await codeOf(v.id);
      // what WeChat's scanner hands over is the whole link the QR carries
      const ok = await scan(zhang, printed.qrText).expect(200);
      expect(ok.body).toEqual({ bookingId: b.body.id, status: 'checked_in', venueName: '羽毛球馆', startsAt: s.startsAt, endsAt: s.endsAt, alreadyCheckedIn: false });
      expect(await t.ds.manager.findOneByOrFail(BookingEntity, { id: b.body.id })).toMatchObject({ status: 'checked_in', checkedInBy: zhangId });
      expect((await scan(zhang, printed.code).expect(200)).body).toMatchObject({ bookingId: b.body.id, alreadyCheckedIn: true });
      // someone without a booking there
      expect((await scan(lina, printed.code).expect(404)).body).toEqual({ code: 'BOOKING_NOT_FOUND', message: '您现在在「羽毛球馆」没有可签到的预约' });
    });

    it('refuses a forged code and, once staff replace it, the old print; only the venue\'s staff see the code', async () => {
      const v = await createVenue(t, staff, { name: '阅览室' });
      const s = await createSlot(t, staff, v.id, 1, 10);
      await book(zhang, s.id).expect(201);
      t.clock.set(new Date(new Date(s.startsAt).getTime() - 5 * 60_000));
      const old = (await codeOf(v.id)).code;
      const forged = `${old.slice(0, -1)}${old.endsWith('A') ? 'B' : 'A'}`;
      expect((await scan(zhang, forged).expect(422)).body).toEqual({ code: 'VENUE_CODE_INVALID', message: '这不是有效的场馆签到码，请扫描场馆门口的签到码' });
      expect((await scan(zhang, 'hello').expect(422)).body.code).toBe('VENUE_CODE_INVALID');

      const fresh = (await t.http.post(`${API}/venues/${v.id}/check-in-code/rotate`).set(staff).expect(200)).body;
      expect(fresh.version).toBe(2);
      expect(fresh.code).not.toBe(old);
      expect((await scan(zhang, old).expect(422)).body).toEqual({ code: 'VENUE_CODE_INVALID', message: '这个签到码已被工作人员更换，请扫描场馆门口屏幕上最新的签到码' });
      expect((await scan(zhang, fresh.code).expect(200)).body.alreadyCheckedIn).toBe(false);

      await t.http.get(`${API}/venues/${v.id}/check-in-code`).set(zhang).expect(403);
      const bad = await t.http.post(`${API}/me/check-ins`).set(zhang).send({ venueCode: '' }).expect(400);
      expect(bad.body.fields).toEqual({ venueCode: '请扫描场馆门口的签到码' });
    });
  });

  describe('the venue code rotates (issue 12 §6): a photo of it stops working', () => {
    const scan = (auth: Auth, venueCode: string) => t.http.post(`${API}/me/check-ins`).set(auth).send({ venueCode });
    const codeOf = async (venueId: string) => (await t.http.get(`${API}/venues/${venueId}/check-in-code`).set(staff).expect(200)).body;
    const EXPIRED = { code: 'VENUE_CODE_EXPIRED', message: '签到码已过期，请扫描场馆门口屏幕上正在显示的签到码' };

    it('yesterday\'s code is refused with VENUE_CODE_EXPIRED; the code changes every 2 minutes and holds one window more', async () => {
      const v = await createVenue(t, staff, { name: '健身房' });
      const s = await createSlot(t, staff, v.id, 2, 9);
      await book(zhang, s.id).expect(201);
      const start = new Date(s.startsAt).getTime();

      // yesterday at the same time, staff showed the code; a photo was taken
      t.clock.set(new Date(start - 86_400_000 - 10 * 60_000));
      const yesterday = await codeOf(v.id);
      t.clock.set(new Date(start - 10 * 60_000));
      expect((await scan(zhang, yesterday.code).expect(422)).body).toEqual(EXPIRED);
      expect((await scan(zhang, yesterday.qrText).expect(422)).body).toEqual(EXPIRED);

      // the code shown now: it says when the next one comes, and a scan just after the change still works
      t.clock.set(new Date(Math.floor((start - 10 * 60_000) / 120_000) * 120_000 + 30_000));
      const now = await codeOf(v.id);
      expect(now.refreshInSeconds).toBe(90);
      t.clock.advance(90_000);
      const next = await codeOf(v.id);
      expect(next.code).not.toBe(now.code);
      expect(next.refreshInSeconds).toBe(120);
      // the code is still accepted until the end of the window after its own…
      t.clock.advance(119_000);
      expect((await scan(zhang, now.code).expect(200)).body.alreadyCheckedIn).toBe(false);
      // …and a photo of it is useless from then on
      t.clock.advance(1_000);
      expect((await scan(zhang, now.code).expect(422)).body).toEqual(EXPIRED);
      expect((await scan(zhang, next.code).expect(200)).body.alreadyCheckedIn).toBe(true);
    });

    it('a print of the old never-expiring kind is refused with a clear word', async () => {
      const v = await createVenue(t, staff);
      const { HmacSigner } = await import('../src/common/hmac-signer');
      const body = `${v.id}.1`;
      const oldPrint = `${body}.${new HmacSigner(t.config.tokenSecret, 'unionhome:venue-code:v1').sign(body)}`;
      expect((await scan(zhang, oldPrint).expect(422)).body).toEqual({ code: 'VENUE_CODE_EXPIRED', message: '张贴的签到码已停用，请扫描场馆门口屏幕上显示的签到码' });
    });
  });

  describe('closing a slot', () => {
    it('cancels its bookings and waitlist and tells the people', async () => {
      const v = await createVenue(t, staff, { name: '合唱团排练' });
      const s = await createSlot(t, staff, v.id, 2, 16, { capacity: 1 });
      const [m1, m2] = await createMembers(t, 2);
      await book(m1.auth, s.id).expect(201);
      await book(m2.auth, s.id, { waitlist: true }).expect(201);
      await t.http.post(`${API}/slots/${s.id}/close`).set(zhang).expect(403);
      const closed = await t.http.post(`${API}/slots/${s.id}/close`).set(staff).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', booked: 0, waitlisted: 0 });
      for (const m of [m1, m2]) expect((await messagesOf(m.auth))[0]).toMatchObject({ title: '预约已取消', body: expect.stringContaining('「合唱团排练」') });
      expect((await t.http.get(`${API}/me/bookings?scope=past`).set(m1.auth).expect(200)).body.data[0].status).toBe('cancelled');
      const [late] = await createMembers(t, 1);
      expect((await book(late.auth, s.id).expect(422)).body.code).toBe('BOOKING_CLOSED');
    });
  });
});
