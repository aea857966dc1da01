// Booking rush: 300 members, one slot of 20 places, every POST /bookings at once (one autocannon
// connection each). Baseline: the same conditional booking transaction written raw against the
// same database (database.ts rawRush) for the same 300 members. Both run once first on another
// slot as the warm-up, which is excluded as in the load scenarios.
import { performance } from 'node:perf_hooks';
import { Context, describeAnswer, profiled } from '../context';
import { expect, load, LoadResult, UnexpectedAnswer } from '../http';
import { httpFloor } from '../http-floor';
import { measured, missed, notRun, Row } from '../report';
import { addDays, businessInstant, businessToday, errorText, log, percentile } from '../util';
import { createBenchVenue } from './throughput';

const CAPACITY = 20;
const SCENARIO = 'booking rush';

export async function bookingRush(ctx: Context, staffToken: string): Promise<Row[]> {
  const people = ctx.members.length;
  const goals = { confirmed: `exactly ${CAPACITY}`, errors: '0', total: '≤ 3× raw loop', p99: '< 300 ms' };
  log(`▶ booking rush: ${people} members, one slot of ${CAPACITY}, all at once`);
  let venueId: string;
  let slotId: string;
  let warmupSlotId: string;
  const date = addDays(businessToday(), 2);
  try {
    venueId = await createBenchVenue(ctx, staffToken, '压测抢约课', 'course', false);
    // 08:00 the warm-up slot, 10:00 the measured one (12:00 and 14:00 are the raw loop's).
    [warmupSlotId, slotId] = await Promise.all(
      [480, 600].map(async (minute) => {
        const r = await ctx.api.call('POST', `/venues/${venueId}/slots`, { startsAt: businessInstant(date, minute), endsAt: businessInstant(date, minute + 60), capacity: CAPACITY }, staffToken);
        return expect<{ id: string }>(r, [200, 201], 'POST /venues/{id}/slots').id;
      }),
    );
    const probe = await ctx.api.call('GET', `/venues/${venueId}/slots?date=${date}`, undefined, ctx.memberTokens[0]);
    if (probe.status !== 200) throw new UnexpectedAnswer(describeAnswer('GET /venues/{id}/slots', probe));
  } catch (err) {
    const why = err instanceof UnexpectedAnswer ? err.message : `set-up failed: ${errorText(err)}`;
    return [notRun(SCENARIO, `confirmed of ${CAPACITY} places`, goals.confirmed, why)];
  }

  // Warm-up (excluded, as in every scenario): the same rush on another slot, so the measured one
  // runs on compiled code, as a BFF that has been up a while does. Its answers are only logged.
  const warm = await timedRush(ctx, warmupSlotId);
  log(`  warm-up rush on another slot (excluded): ${JSON.stringify(warm.outcomes)}`);

  // The rush through the BFF.
  const outcomes: Record<string, number> = {};
  let confirmed = 0;
  let fullOrWaitlisted = 0;
  let lastAnswer = 0;
  let t0 = 0;
  const rush: LoadResult = await profiled(ctx, 'booking-rush', () => {
    t0 = performance.now();
    return load({
      origin: ctx.bff.baseUrl,
      path: '/api/v1/bookings',
      method: 'POST',
      body: JSON.stringify({ slotId }),
      connections: people,
      amount: people,
      tokens: ctx.memberTokens,
      onResponse: (status, body) => {
        lastAnswer = performance.now();
        let code = '';
        let bookingStatus = '';
        try {
          const parsed = JSON.parse(body) as { code?: string; status?: string };
          code = parsed.code ?? '';
          bookingStatus = parsed.status ?? '';
        } catch {
          // not JSON
        }
        const key = `${status}${code ? ` ${code}` : bookingStatus ? ` ${bookingStatus}` : ''}`;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        if (status === 201 && bookingStatus === 'confirmed') confirmed++;
        else if ((status === 409 && code === 'SLOT_FULL') || (status === 201 && bookingStatus === 'waitlisted')) fullOrWaitlisted++;
      },
    });
  }, () => people);
  const totalMs = lastAnswer - t0;
  const answered = Object.values(outcomes).reduce((a, b) => a + b, 0);
  const otherErrors = people - confirmed - fullOrWaitlisted;
  const truth = await ctx.db.slotTruth(slotId);
  log(`  rush: ${JSON.stringify(outcomes)} in ${Math.round(totalMs)} ms, p99 ${rush.p99} ms; database: booked ${truth.booked}, confirmed rows ${truth.confirmed}`);

  // The raw loop on scratch slots of the same venue, same day, later hours: a warm-up round
  // (excluded, like the BFF's), then the measured one.
  const rawSlot = (minute: number) => {
    const startsAt = new Date(businessInstant(date, minute));
    return { venueId, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), slotDate: date, capacity: CAPACITY };
  };
  await ctx.db.rawRush(rawSlot(840), ctx.members);
  const raw = await ctx.db.rawRush(rawSlot(720), ctx.members);
  const rawP99 = percentile(raw.latencies, 99) ?? 0;
  log(`  raw loop: ${raw.confirmed} confirmed, ${raw.full} full, ${raw.errors.length} errors in ${Math.round(raw.totalMs)} ms, p99 ${rawP99.toFixed(1)} ms`);

  // What the rush costs before any booking work: the same 300 POSTs at once to a server that does
  // nothing (HTTP alone), and to the BFF now that the slot is full (each refused after one read).
  const floor = await httpFloor(ctx.memberTokens, JSON.stringify({ slotId }));
  log(`  HTTP floor (bare node:http answering 409 at once): ${Math.round(floor.totalMs)} ms, p99 ${floor.p99} ms`);
  const refused = await timedRush(ctx, slotId);
  log(`  the same rush on the full slot: ${JSON.stringify(refused.outcomes)} in ${Math.round(refused.totalMs)} ms, p99 ${refused.p99} ms`);

  ctx.details.bookingRush = {
    httpFloor: floor,
    refusedOnly: refused,
    members: people,
    capacity: CAPACITY,
    bff: { outcomes, answered, totalMs, latency: { p50: rush.p50, p90: rush.p90, p99: rush.p99, max: rush.max }, socketErrors: rush.errors, database: truth },
    raw: { how: raw.how, confirmed: raw.confirmed, full: raw.full, errors: raw.errors.slice(0, 5), totalMs: raw.totalMs, p50: percentile(raw.latencies, 50), p99: rawP99 },
  };

  const rows: Row[] = [];
  const dbAgrees = truth.booked === confirmed && truth.confirmed === confirmed;
  let c = measured(
    SCENARIO,
    `confirmed of ${CAPACITY} places`,
    { value: confirmed, unit: 'count' },
    { value: raw.confirmed, unit: 'count', label: 'raw loop' },
    { text: goals.confirmed, met: (v) => v === CAPACITY },
    `database: slot.booked ${truth.booked}, confirmed rows ${truth.confirmed}`,
  );
  if (!dbAgrees) c = missed(c, 'the database does not agree with the answers');
  rows.push(c);
  rows.push(
    measured(
      SCENARIO,
      'errors other than full/waitlisted',
      { value: otherErrors, unit: 'count' },
      { value: raw.errors.length, unit: 'count', label: 'raw loop' },
      { text: goals.errors, met: (v) => v === 0 },
      otherErrors ? `answers: ${JSON.stringify(outcomes)}${rush.errors ? `, ${rush.errors} socket errors/timeouts` : ''}` : undefined,
    ),
  );
  const rawLabel = ctx.db.kind === 'mysql' ? 'raw mysql2 loop' : 'raw better-sqlite3 loop';
  // The 3× goal is set for MySQL/MariaDB, where the raw loop races through a pool as the BFF does.
  // On SQLite the raw loop is an in-process loop with no HTTP and one writer at a time: its time is
  // shown for reference and the ratio is reported, not judged.
  const onMysql = ctx.db.kind === 'mysql';
  rows.push(
    measured(
      SCENARIO,
      `total time, ${people} at once`,
      { value: totalMs, unit: 'ms' },
      { value: raw.totalMs, unit: 'ms', label: rawLabel },
      onMysql ? { text: goals.total, met: (_v, r) => (r ?? Infinity) <= 3 } : null,
      onMysql ? raw.how : `${raw.how}; the ≤ 3× goal is set for MySQL/MariaDB (BENCH_DB_URL), so here the ratio is only reported`,
    ),
  );
  rows.push(measured(SCENARIO, 'p99 latency', { value: rush.p99, unit: 'ms' }, { value: rawP99, unit: 'ms', label: rawLabel }, { text: goals.p99, met: (v) => v < 300 }));
  rows.push(
    measured(
      SCENARIO,
      `the same ${people} on the full slot (one read each)`,
      { value: refused.totalMs, unit: 'ms' },
      { value: raw.totalMs, unit: 'ms', label: rawLabel },
      null,
      `every one answered SLOT_FULL after the one plain read before the transaction: the BFF's cost of ${people} POSTs at once ` +
        `without any booking work (p99 ${refused.p99} ms; answers ${JSON.stringify(refused.outcomes)})`,
    ),
  );
  rows.push(
    measured(
      SCENARIO,
      `HTTP floor: bare node:http, ${people} at once`,
      { value: floor.totalMs, unit: 'ms' },
      { value: raw.totalMs, unit: 'ms', label: rawLabel },
      null,
      `a server in its own process answering 409 without a framework, auth or database, driven like the BFF: what HTTP alone costs ` +
        `on this machine (p99 ${floor.p99} ms); the BFF's rush took ${(totalMs / Math.max(floor.totalMs, 1)).toFixed(1)}× this floor`,
    ),
  );
  return rows;
}

/** The members' POST /bookings for `slotId`, all at once: answers by status, time to the last answer, p99. */
async function timedRush(ctx: Context, slotId: string): Promise<{ outcomes: Record<string, number>; totalMs: number; p99: number }> {
  const outcomes: Record<string, number> = {};
  let last = 0;
  const t0 = performance.now();
  const r = await load({
    origin: ctx.bff.baseUrl,
    path: '/api/v1/bookings',
    method: 'POST',
    body: JSON.stringify({ slotId }),
    connections: ctx.members.length,
    amount: ctx.members.length,
    tokens: ctx.memberTokens,
    onResponse: (status) => {
      last = performance.now();
      outcomes[status] = (outcomes[status] ?? 0) + 1;
    },
  });
  return { outcomes, totalMs: last - t0, p99: r.p99 };
}
