// Read paths under load, each against the framework ceiling measured in the same run:
//   framework ceiling  GET /api/v1/health at 50 connections (measured before and after; the mean is the baseline)
//   card               GET /me/card at 50 connections, then at a fixed 200 req/s
//   slots              GET /venues/{id}/slots?date= of a busy day at 50 connections
import { Context, describeAnswer, warmThenLoad } from '../context';
import { expect, LoadResult, UnexpectedAnswer } from '../http';
import { measured, missed, notRun, Row } from '../report';
import { addDays, businessInstant, businessToday, errorText, log, mapLimit } from '../util';

const CONNECTIONS = 50;
const FIXED_RATE = 200;
/** autocannon's default; with overallRate each connection sends at most FIXED_RATE / this per second. */
const FIXED_RATE_CONNECTIONS = 10;
const BUSY_DAY_SLOTS = 48; // every quarter of an hour from 08:00 to 20:00
const BUSY_DAY_BOOKINGS = 150;

interface BusyDay {
  venueId: string;
  date: string;
  slots: number;
  bookings: number;
}

/** A rules object for a bench venue: open 7 days ahead from midnight, no per-member limits. */
export function benchVenueRules(waitlist: boolean) {
  return { capacity: 20, opensDaysAhead: 7, opensAtHour: 0, membersOnly: true, maxPerDay: null, maxPerWeek: null, waitlist };
}

/** Creates a venue of DEMO-PALACE as its venue staff (13800000004). */
export async function createBenchVenue(ctx: Context, staffToken: string, name: string, kind: string, waitlist: boolean): Promise<string> {
  let r = await ctx.api.call('POST', '/venues', { name, kind, location: '压测', rules: benchVenueRules(waitlist) }, staffToken);
  if (r.status === 400) {
    // If "no limit" (null) is not accepted, the widest limits allowed do the same for the bench.
    r = await ctx.api.call('POST', '/venues', { name, kind, location: '压测', rules: { ...benchVenueRules(waitlist), maxPerDay: 20, maxPerWeek: 50 } }, staffToken);
  }
  return expect<{ id: string }>(r, [200, 201], 'POST /venues').id;
}

async function setUpBusyDay(ctx: Context, staffToken: string): Promise<BusyDay> {
  const venueId = await createBenchVenue(ctx, staffToken, '压测健身房', 'gym', true);
  const date = addDays(businessToday(), 1);
  const slotIds: string[] = [];
  for (let k = 0; k < BUSY_DAY_SLOTS; k++) {
    const r = await ctx.api.call(
      'POST',
      `/venues/${venueId}/slots`,
      { startsAt: businessInstant(date, 480 + k * 15), endsAt: businessInstant(date, 480 + k * 15 + 15), capacity: 20 },
      staffToken,
    );
    slotIds.push(expect<{ id: string }>(r, [200, 201], `POST /venues/${venueId}/slots`).id);
  }
  // 150 bookings: the first five slots full (20 each), the other 50 spread over the rest of the day.
  const n = Math.min(BUSY_DAY_BOOKINGS, ctx.members.length);
  await mapLimit(Array.from({ length: n }, (_, i) => i), 8, async (i) => {
    const slotId = i < 100 ? slotIds[Math.floor(i / 20)] : slotIds[5 + ((i - 100) % (BUSY_DAY_SLOTS - 5))];
    const r = await ctx.api.call('POST', '/bookings', { slotId }, ctx.memberTokens[i]);
    expect(r, [200, 201], 'POST /bookings (busy day)');
  });
  return { venueId, date, slots: BUSY_DAY_SLOTS, bookings: n };
}

const errorsNote = (r: LoadResult) => `${r.non2xx} non-2xx answers and ${r.errors} socket errors during the run (${JSON.stringify(r.statusCodes)})`;

export async function throughputScenarios(ctx: Context, staffToken: string, want: { card: boolean; slots: boolean }): Promise<Row[]> {
  const rows: Row[] = [];
  const tokens = ctx.memberTokens;
  log('▶ framework ceiling: GET /api/v1/health');
  const ceiling1 = await warmThenLoad(ctx, { path: '/api/v1/health', connections: CONNECTIONS, tokens }, 'ceiling-before');

  // --- card
  let card: LoadResult | null = null;
  let cardRate: LoadResult | null = null;
  let cardSkip: string | null = null;
  const probe = await ctx.api.call('GET', '/me/card', undefined, tokens[0]);
  if (!want.card) cardSkip = 'left out (--only)';
  else if (probe.status !== 200) cardSkip = describeAnswer('GET /me/card (a bench member)', probe);
  else {
    log('▶ card: GET /me/card');
    card = await warmThenLoad(ctx, { path: '/api/v1/me/card', connections: CONNECTIONS, tokens }, 'card');
    cardRate = await warmThenLoad(ctx, { path: '/api/v1/me/card', connections: FIXED_RATE_CONNECTIONS, overallRate: FIXED_RATE, tokens }, 'card-200rps');
  }

  // --- slots of a busy day
  let slots: LoadResult | null = null;
  let slotsSkip: string | null = null;
  let busy: BusyDay | null = null;
  if (!want.slots) slotsSkip = 'left out (--only)';
  else try {
    log('▶ slots: setting up a busy day (48 slots, 150 bookings)');
    busy = await setUpBusyDay(ctx, staffToken);
    const path = `/venues/${busy.venueId}/slots?date=${busy.date}`;
    const p = await ctx.api.call('GET', path, undefined, tokens[0]);
    if (p.status !== 200) slotsSkip = describeAnswer(`GET ${path}`, p);
    else {
      log(`▶ slots: GET /venues/{id}/slots?date=${busy.date}`);
      slots = await warmThenLoad(ctx, { path: `/api/v1${path}`, connections: CONNECTIONS, tokens }, 'slots');
    }
  } catch (err) {
    slotsSkip = err instanceof UnexpectedAnswer ? err.message : `set-up failed: ${errorText(err)}`;
  }

  log('▶ framework ceiling again (the baseline is the mean of both runs)');
  const ceiling2 = await warmThenLoad(ctx, { path: '/api/v1/health', connections: CONNECTIONS, tokens }, 'ceiling-after');
  const ceilingRps = (ceiling1.rps + ceiling2.rps) / 2;
  const ceilingP99 = Math.max(ceiling1.p99, ceiling2.p99);
  const ceilingBase = { value: ceilingRps, unit: 'req/s' as const, label: 'ceiling' };
  ctx.details.ceiling = { before: ceiling1, after: ceiling2, baselineRps: ceilingRps, spread: Math.abs(ceiling1.rps - ceiling2.rps) / ceilingRps };

  rows.push(
    measured(
      'framework ceiling',
      `GET /health, ${CONNECTIONS} conn`,
      { value: ceilingRps, unit: 'req/s' },
      null,
      null,
      `mean of a run before (${Math.round(ceiling1.rps)}) and after (${Math.round(ceiling2.rps)}) the card and slots runs; p99 ${ceiling1.p99}/${ceiling2.p99} ms`,
    ),
  );

  if (card && cardRate) {
    ctx.details.card = { connections50: card, fixedRate: { overallRate: FIXED_RATE, connections: FIXED_RATE_CONNECTIONS, ...cardRate } };
    let rps = measured('card', `GET /me/card req/s, ${CONNECTIONS} conn`, { value: card.rps, unit: 'req/s' }, ceilingBase, { text: '≥ 0.5× ceiling', met: (_v, r) => (r ?? 0) >= 0.5 });
    if (card.non2xx || card.errors) rps = missed(rps, errorsNote(card));
    rows.push(rps);
    rows.push(measured('card', `p50, ${CONNECTIONS} conn`, { value: card.p50, unit: 'ms' }, { value: Math.max(ceiling1.p50, ceiling2.p50), unit: 'ms', label: 'ceiling p50' }, null));
    rows.push(measured('card', `p99, ${CONNECTIONS} conn`, { value: card.p99, unit: 'ms' }, { value: ceilingP99, unit: 'ms', label: 'ceiling p99' }, null));
    let fixed = measured(
      'card',
      `p99 at a fixed ${FIXED_RATE} req/s`,
      { value: cardRate.p99, unit: 'ms' },
      null,
      { text: '< 50 ms', met: (v) => v < 50 },
      `autocannon overallRate ${FIXED_RATE}, ${FIXED_RATE_CONNECTIONS} connections; achieved ${Math.round(cardRate.rps)} req/s, p50 ${cardRate.p50} ms` +
        (cardRate.rps < FIXED_RATE * 0.95 ? ` — the BFF did not keep up with ${FIXED_RATE} req/s, so this p99 is of a saturated server` : ''),
    );
    if (cardRate.non2xx || cardRate.errors) fixed = missed(fixed, errorsNote(cardRate));
    rows.push(fixed);
  } else {
    const why = cardSkip?.startsWith('left out') ? cardSkip : `${cardSkip} — the card endpoint is not in this build or refuses a bench member`;
    rows.push(notRun('card', `GET /me/card req/s, ${CONNECTIONS} conn`, '≥ 0.5× ceiling', why));
    rows.push(notRun('card', `p99 at a fixed ${FIXED_RATE} req/s`, '< 50 ms', why));
  }

  if (slots && busy) {
    ctx.details.slots = { busyDay: busy, connections50: slots };
    let rps = measured(
      'slots',
      `GET /venues/{id}/slots req/s, ${CONNECTIONS} conn`,
      { value: slots.rps, unit: 'req/s' },
      ceilingBase,
      { text: '≥ 0.4× ceiling', met: (_v, r) => (r ?? 0) >= 0.4 },
      `a busy day: ${busy.slots} slots, ${busy.bookings} bookings`,
    );
    if (slots.non2xx || slots.errors) rps = missed(rps, errorsNote(slots));
    rows.push(rps);
    rows.push(measured('slots', `p99, ${CONNECTIONS} conn`, { value: slots.p99, unit: 'ms' }, { value: ceilingP99, unit: 'ms', label: 'ceiling p99' }, null));
  } else {
    rows.push(notRun('slots', `GET /venues/{id}/slots req/s, ${CONNECTIONS} conn`, '≥ 0.4× ceiling', slotsSkip ?? 'not set up'));
  }
  return rows;
}
