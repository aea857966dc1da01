// Talking to the BFF: single calls for set-up (fetch) and load through autocannon.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { mapLimit } from './util';

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

/** An answer the bench did not expect: the scenario stops and the table says why. */
export class UnexpectedAnswer extends Error {}

export class Api {
  constructor(readonly base: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    const t = performance.now();
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, ms: performance.now() - t };
  }

  /** A multipart upload of one photo in field `file`, as wx.uploadFile sends it. */
  async upload<T = unknown>(path: string, token: string, fields: Record<string, string>, photo: Buffer, fileName: string): Promise<ApiResult<T>> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(photo.buffer as ArrayBuffer, photo.byteOffset, photo.byteLength)], { type: 'image/jpeg' }), fileName);
    const t = performance.now();
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    const ms = performance.now() - t;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, ms };
  }

  async token(phone: string): Promise<string> {
    const r = await this.call('POST', '/auth/dev-login', { phone });
    return expect<{ accessToken: string }>(r, [200], `dev-login ${phone}`).accessToken;
  }

  /** Access tokens of many people, minted by dev-login a few at a time. */
  tokens(phones: string[], concurrency = 16): Promise<string[]> {
    return mapLimit(phones, concurrency, (p) => this.token(p));
  }
}

/** The body of an answer with one of the expected statuses, or an UnexpectedAnswer naming what came instead. */
export function expect<T>(r: ApiResult, statuses: number[], what: string): T {
  if (!statuses.includes(r.status)) {
    const body = typeof r.body === 'string' ? r.body.slice(0, 300) : JSON.stringify(r.body)?.slice(0, 300);
    throw new UnexpectedAnswer(`${what}: HTTP ${r.status} ${body}`);
  }
  return r.body as T;
}

/** A list answer either as a bare array or paged `{data: [...]}`. */
export function listOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const data = (body as { data?: unknown })?.data;
  return Array.isArray(data) ? (data as T[]) : [];
}

export interface LoadSpec {
  /** Origin of the BFF, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Full path, e.g. /api/v1/me/card */
  path: string;
  method?: string;
  body?: string;
  connections: number;
  /** Seconds (ignored with `amount`). */
  duration?: number;
  /** Requests per second over all connections (autocannon overallRate). */
  overallRate?: number;
  /** Total requests; with connections == amount, one request per connection. */
  amount?: number;
  /** Bearer tokens handed out round-robin, one per request (also on /health, so the generator's work is the same). */
  tokens: string[];
  onResponse?: (status: number, body: string) => void;
}

export interface LoadResult {
  /** Mean completed requests per second. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
  /** Responses that were not 2xx, and socket errors/timeouts. */
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  durationS: number;
}

/** Runs autocannon in this process; latencies in ms. */
export function load(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  const headers: Record<string, string> = spec.body ? { 'content-type': 'application/json' } : {};
  return new Promise((ok, fail) => {
    autocannon(
      {
        url: spec.origin,
        connections: spec.connections,
        timeout: 30,
        ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration ?? 10 }),
        ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
        requests: [
          {
            method: spec.method ?? 'GET',
            path: spec.path,
            body: spec.body,
            headers,
            setupRequest: (req) => {
              const token = spec.tokens[next++ % spec.tokens.length];
              return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
            },
            onResponse: spec.onResponse ? (status, body) => spec.onResponse!(status, body) : undefined,
          },
        ],
      },
      (err, r) => {
        if (err) return fail(err);
        const statusCodes: Record<string, number> = {};
        for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = s.count;
        ok({
          rps: spec.amount ? r.requests.total / Math.max(r.duration, 1e-3) : r.requests.average,
          p50: r.latency.p50,
          p90: r.latency.p90,
          p99: r.latency.p99,
          max: r.latency.max,
          total: r.requests.total,
          non2xx: r.non2xx,
          errors: r.errors + r.timeouts,
          statusCodes,
          durationS: r.duration,
        });
      },
    );
  });
}
