import { In } from 'typeorm';
import { BookingEntity } from '../src/venues/entities/booking.entity';
import { VenueSlotEntity } from '../src/venues/entities/venue-slot.entity';
import { startSecondApp, SecondApp } from './support/second-app';
import { Agent, createTestApp, TestApp } from './support/test-app';
import { createMembers, createSlot, createVenue, tally, TestMember } from './support/venues-fixtures';

type Auth = { Authorization: string };
type Answer = { status: number; body: { id?: string; status?: string; code?: string; position?: number } };
const API = '/api/v1';
const CAPACITY = 20;
const RUSH = 300;

/**
 * Races for places with real concurrent HTTP requests. On MariaDB they are real races between
 * connections (and, at the end, between two BFF processes); on SQLite writes are serialised, and
 * the same assertions must hold with no 500 either.
 */
describe('venues: races for places', () => {
  let t: TestApp;
  let staff: Auth;
  let venueId: string;
  let members: TestMember[];

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await t.login('13800000004')).auth;
    venueId = (await createVenue(t, staff, { name: '热门课程', rules: { capacity: CAPACITY, membersOnly: true, waitlist: true } })).id;
    members = await createMembers(t, RUSH);
  }, 180_000);
  afterAll(() => t.close());

  const book = (http: Agent, auth: Auth, slotId: string, extra: Record<string, unknown> = {}) => http.post(`${API}/bookings`).set(auth).send({ slotId, ...extra });
  const answers = (responses: Array<{ status: number; body: unknown }>) => responses.map((r) => ({ status: r.status, body: r.body as Answer['body'] }));
  const slotRow = (id: string) => t.ds.manager.findOneByOrFail(VenueSlotEntity, { id });
  const bookingsOf = (slotId: string) => t.ds.manager.findBy(BookingEntity, { slotId });

  /** Everything that must hold after a rush, whichever request won. */
  async function expectRushOutcome(slotId: string, result: Answer[]) {
    expect(result.filter((r) => r.status >= 500)).toEqual([]);
    const counts = tally(result);
    const waitlisted = result.filter((r) => r.status === 201 && r.body.status === 'waitlisted');
    expect(counts['201 confirmed']).toBe(CAPACITY);
    expect((counts['409 SLOT_FULL'] ?? 0) + waitlisted.length).toBe(RUSH - CAPACITY);
    expect(Object.keys(counts).sort()).toEqual(expect.arrayContaining(['201 confirmed']));
    for (const key of Object.keys(counts)) expect(['201 confirmed', '201 waitlisted', '409 SLOT_FULL']).toContain(key);

    const slot = await slotRow(slotId);
    const rows = await bookingsOf(slotId);
    const confirmed = rows.filter((b) => b.status === 'confirmed');
    const queued = rows.filter((b) => b.status === 'waitlisted').sort((a, b) => a.waitlistSeq! - b.waitlistSeq!);
    expect(confirmed).toHaveLength(CAPACITY);
    expect(slot.booked).toBe(CAPACITY);
    expect(slot.waitlisted).toBe(queued.length);
    expect(queued).toHaveLength(waitlisted.length);
    // one booking per member, and the answers are the rows
    expect(new Set(rows.map((b) => b.userId)).size).toBe(rows.length);
    expect(new Set(result.filter((r) => r.status === 201).map((r) => r.body.id))).toEqual(new Set(rows.map((b) => b.id)));
    // the waitlist is in arrival order: numbers 1..n without gaps, each answer told its own place
    expect(queued.map((b) => b.waitlistSeq)).toEqual(queued.map((_, i) => i + 1));
    const told = new Map(waitlisted.map((r) => [r.body.id, r.body.position]));
    for (const b of queued) expect(told.get(b.id)).toBe(b.waitlistSeq);
    return { confirmed, queued };
  }

  it(`${RUSH} members rush ${CAPACITY} places at once: exactly ${CAPACITY} confirmed, the rest full or waitlisted in arrival order, no 500`, async () => {
    const slot = await createSlot(t, staff, venueId, 2, 19, { capacity: CAPACITY });
    const result = answers(await Promise.all(members.map((m, i) => book(t.http, m.auth, slot.id, { waitlist: i % 2 === 0 }))));
    const { confirmed, queued } = await expectRushOutcome(slot.id, result);
    expect(queued.length).toBeGreaterThan(0);

    // three cancellations at once promote the first three in line, in order
    const leavers = confirmed.slice(0, 3);
    const byUser = new Map(members.map((m) => [m.userId, m]));
    const cancels = await Promise.all(leavers.map((b) => t.http.post(`${API}/bookings/${b.id}/cancel`).set(byUser.get(b.userId)!.auth)));
    expect(cancels.map((c) => c.status)).toEqual([200, 200, 200]);
    const promotedIds = queued.slice(0, 3).map((b) => b.id);
    const after = await t.ds.manager.findBy(BookingEntity, { id: In(promotedIds) });
    expect(after.map((b) => b.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(await slotRow(slot.id)).toMatchObject({ booked: CAPACITY, waitlisted: queued.length - 3 });
    if (queued.length > 3) {
      const next = queued[3];
      const mine = await t.http.get(`${API}/me/bookings`).set(byUser.get(next.userId)!.auth).expect(200);
      expect(mine.body.data.find((b: { id: string }) => b.id === next.id)).toMatchObject({ status: 'waitlisted', position: 1 });
    }
  });

  it('the same member firing 10 requests at once gets one booking (and one waitlist place on a full slot)', async () => {
    const slot = await createSlot(t, staff, venueId, 3, 19, { capacity: CAPACITY });
    const [m] = members;
    const result = answers(await Promise.all(Array.from({ length: 10 }, () => book(t.http, m.auth, slot.id))));
    expect(tally(result)).toEqual({ '201 confirmed': 1, '409 ALREADY_BOOKED': 9 });
    expect(await bookingsOf(slot.id)).toHaveLength(1);
    expect((await slotRow(slot.id)).booked).toBe(1);

    const full = await createSlot(t, staff, venueId, 3, 21, { capacity: 1 });
    await book(t.http, members[1].auth, full.id).expect(201);
    const queued = answers(await Promise.all(Array.from({ length: 10 }, () => book(t.http, m.auth, full.id, { waitlist: true }))));
    expect(tally(queued)).toEqual({ '201 waitlisted': 1, '409 ALREADY_BOOKED': 9 });
    expect(await slotRow(full.id)).toMatchObject({ booked: 1, waitlisted: 1, waitlistSeq: 1 });
  });

  it('the same Idempotency-Key 10 times at once: one booking and ten identical answers', async () => {
    const slot = await createSlot(t, staff, venueId, 4, 19, { capacity: CAPACITY });
    const m = members[2];
    const result = await Promise.all(Array.from({ length: 10 }, () => book(t.http, m.auth, slot.id).set('Idempotency-Key', 'double-tap-42')));
    expect(result.map((r) => r.status)).toEqual(Array(10).fill(201));
    for (const r of result) expect(r.body).toEqual(result[0].body);
    expect(result[0].body).toMatchObject({ status: 'confirmed', slotId: slot.id });
    expect(await bookingsOf(slot.id)).toHaveLength(1);
  });

  describe('two BFF instances on one database', () => {
    let second: SecondApp;
    beforeAll(async () => {
      second = await startSecondApp(t);
    }, 120_000);
    afterAll(() => second.close());

    it('the second instance serves the same data (no re-created schema, no second seed)', async () => {
      const venues = await second.http.get(`${API}/venues`).set(members[0].auth).expect(200);
      expect(venues.body.filter((v: { name: string }) => v.name === '瑜伽课')).toHaveLength(1);
      expect(venues.body.map((v: { id: string }) => v.id)).toContain(venueId);
    });

    it(`${RUSH} members split between the two instances: still exactly ${CAPACITY} confirmed, no 500`, async () => {
      const slot = await createSlot(t, staff, venueId, 5, 19, { capacity: CAPACITY });
      const result = answers(await Promise.all(members.map((m, i) => book(i % 2 === 0 ? t.http : second.http, m.auth, slot.id, { waitlist: i % 3 === 0 }))));
      await expectRushOutcome(slot.id, result);
    });

    it('one member’s 10 requests split between the instances: one booking; one Idempotency-Key: one booking, identical answers', async () => {
      const slot = await createSlot(t, staff, venueId, 6, 19, { capacity: CAPACITY });
      const m = members[3];
      const result = answers(await Promise.all(Array.from({ length: 10 }, (_, i) => book(i % 2 ? second.http : t.http, m.auth, slot.id))));
      expect(tally(result)).toEqual({ '201 confirmed': 1, '409 ALREADY_BOOKED': 9 });
      expect(await bookingsOf(slot.id)).toHaveLength(1);

      const keyed = await createSlot(t, staff, venueId, 6, 21, { capacity: CAPACITY });
      const n = members[4];
      const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => book(i % 2 ? second.http : t.http, n.auth, keyed.id).set('Idempotency-Key', 'two-instances-1')));
      expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
      for (const r of replies) expect(r.body).toEqual(replies[0].body);
      expect(await bookingsOf(keyed.id)).toHaveLength(1);
    });
  });
});
