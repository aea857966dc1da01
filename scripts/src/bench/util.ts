// Small helpers of the bench: where things are, time, statistics, business dates.
import { randomUUID } from 'node:crypto';
import path from 'node:path';

/** The repository root (scripts/dist/bench → ../../..). */
export const ROOT = path.resolve(__dirname, '../../..');
export const RESULTS_DIR = path.join(ROOT, 'bench-results');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const newId = () => randomUUID();

const STARTED = Date.now();

/** One line of progress; steps (▶) carry the seconds since the bench started. */
export function log(line: string): void {
  const stamp = line.startsWith('▶') ? `[${((Date.now() - STARTED) / 1000).toFixed(0).padStart(3)} s] ` : '';
  process.stdout.write(`${stamp}${line}\n`);
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples; null when there are none. */
export function percentile(samples: number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (samples: number[]) => percentile(samples, 50);

/** Runs `fn` over `items` with at most `limit` at a time, keeping the order of results. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// Business time is Asia/Shanghai (UTC+8, no daylight saving), as in shared/src/common/dates.ts.
const OFFSET_MS = 8 * 3_600_000;

/** Today's YYYY-MM-DD in Asia/Shanghai. */
export const businessToday = (now = Date.now()) => new Date(now + OFFSET_MS).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO 8601 instant with the +08:00 offset, e.g. 2026-11-23T19:30:00+08:00. */
export function businessInstant(date: string, minutesOfDay: number): string {
  if (minutesOfDay >= 1440) return businessInstant(addDays(date, Math.floor(minutesOfDay / 1440)), minutesOfDay % 1440);
  const hh = String(Math.floor(minutesOfDay / 60)).padStart(2, '0');
  const mm = String(minutesOfDay % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00+08:00`;
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
