import fc from 'fast-check';
import { Auth, createDraft, demoPlan, midYear } from './support/claims';
import { json, startStub } from './support/stub-server';
import { createTestApp, TestApp } from './support/test-app';
import { createSlot, createVenue } from './support/venues-fixtures';

/**
 * Every operation of the OpenAPI document that takes a JSON body or query parameters gets generated
 * requests — wrong types, null, missing and empty values, huge strings, NUL and bidi characters, emoji,
 * numbers at ±2^53, nested objects, unknown fields — from a caller allowed to call it. None may answer
 * 5xx, and every 400 is in the error shape (VALIDATION_FAILED names its fields). A new endpoint is
 * fuzzed without anyone touching this test: the document is read at run time.
 */

const TOTAL_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 20_000);
const PARALLEL = 8;
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);

interface Schema {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Values that break naive code: the kinds the review found, and their neighbours. */
const nasty = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('   '),
  fc.constant('\u0000'),
  fc.constant('\u202e\u2066abc\u2069'),
  fc.constant('😀👨‍👩‍👧'),
  fc.constant('x'.repeat(20_000)),
  fc.constant('%_!\\\''),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(-Number.MAX_SAFE_INTEGER),
  fc.constant(2 ** 53 + 2),
  fc.constant(1e300),
  fc.constant(-1),
  fc.constant(0),
  fc.constant(0.5),
  fc.constant(true),
  fc.constant([]),
  fc.constant({}),
  fc.constant([[[[{ a: [1] }]]]]),
  fc.constant({ a: { b: { c: { d: null } } } }),
  fc.constant('2026-02-30'),
  fc.constant('00000000-0000-4000-8000-000000000000'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

export function resolve(schema: Schema | undefined, doc: OpenApi, depth = 0): Schema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc, depth + 1);
  const combined = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (combined?.length) return resolve(combined[0], doc, depth + 1);
  return schema;
}

/** A value of roughly the right shape, so that requests get past the first check and into the next. */
function plausible(schema: Schema, doc: OpenApi, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'integer':
      return fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer());
    case 'number':
      return fc.double({ noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('2026-12-06', '13800000001', '张伟', '11010519491231002X'));
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(mutated(s.items ?? {}, doc, depth + 1), { maxLength: 3 });
    default:
      return s.properties && depth <= 3 ? bodyOf(s, doc, depth + 1) : fc.jsonValue({ maxDepth: 2 });
  }
}

/** Mostly plausible, sometimes nasty. */
function mutated(schema: Schema, doc: OpenApi, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: plausible(schema, doc, depth), weight: 3 }, { arbitrary: nasty, weight: 2 });
}

/** An object of the schema's properties, each mutated or left out, sometimes with a field it does not know. */
function bodyOf(schema: Schema, doc: OpenApi, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const s = resolve(schema, doc);
  const props = Object.entries(s.properties ?? {});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of props) record[name] = mutated(prop, doc, depth);
  return fc
    .tuple(fc.record(record, { requiredKeys: [] }), fc.option(fc.tuple(fc.constantFrom('isAdmin', '__proto__x', 'constructor', 'extra'), nasty), { freq: 5 }))
    .map(([body, extra]) => (extra ? { ...body, [extra[0]]: extra[1] } : body));
}

interface Target {
  method: string;
  path: string;
  query: Parameter[];
  body: Schema | null;
}

function targets(doc: OpenApi): Target[] {
  const out: Target[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      const json = op.requestBody?.content?.['application/json']?.schema ?? null;
      if (op.requestBody && !json) continue; // multipart uploads have their own tests
      if (!query.length && !json) continue;
      out.push({ method, path, query, body: json });
    }
  }
  return out;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let admin: Auth;
  let wechat: Awaited<ReturnType<typeof startStub>>;
  const ids: string[] = [];

  beforeAll(async () => {
    // WeChat as it answers a code it never issued (the real API is out of reach here: a 502 would be honest, but not the point).
    wechat = await startStub((_req, res) => json(res, 200, { errcode: 40029, errmsg: 'invalid code' }));
    t = await createTestApp({ WECHAT_API_BASE: wechat.url, WECHAT_APP_ID: 'wx-fuzz', WECHAT_APP_SECRET: 'fuzz-secret' });
    admin = (await t.login('13800000006')).auth;
    // Real records, so that some generated paths reach the code behind the "not found".
    const worker = (await t.login('13800000001')).auth;
    const staff = (await t.login('13800000004')).auth;
    const plan = await demoPlan(t, worker);
    const claim = await createDraft(t, worker, plan.id, midYear(t, plan));
    const venue = await createVenue(t, staff);
    const slot = await createSlot(t, staff, venue.id, 2, 10);
    const orgs = (await t.http.get('/api/v1/orgs?code=DEMO-GRASSROOTS')).body as Array<{ id: string }>;
    ids.push(plan.id, claim.id, venue.id, slot.id, orgs[0].id);
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  it(`answers ${TOTAL_REQUESTS.toLocaleString('en')} generated requests with no 5xx, and every 400 in the error shape`, async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApi;
    const all = targets(doc);
    expect(all.length).toBeGreaterThan(30);
    const perTarget = Math.ceil(TOTAL_REQUESTS / all.length);
    const failures: string[] = [];
    let sent = 0;

    const jobs: Array<() => Promise<void>> = [];
    all.forEach((target, n) => {
      const pathArb = fc.constantFrom(...ids, '00000000-0000-4000-8000-000000000000', 'not-an-id', '%00');
      const queryArb = fc.record(Object.fromEntries(target.query.map((p) => [p.name, fc.oneof(plausible(p.schema ?? {}, doc), nasty)])), { requiredKeys: [] });
      const bodyArb = target.body ? fc.oneof({ arbitrary: bodyOf(target.body, doc), weight: 9 }, { arbitrary: nasty, weight: 1 }) : fc.constant(undefined);
      const cases = fc.sample(fc.tuple(fc.array(pathArb, { minLength: 4, maxLength: 4 }), queryArb, bodyArb), { numRuns: perTarget, seed: SEED + n });
      for (const [pathIds, query, body] of cases) {
        jobs.push(async () => {
          let i = 0;
          const url = target.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(pathIds[i++ % pathIds.length]));
          const qs = Object.entries(query)
            .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
            .join('&');
          const req = t.http[target.method as 'get'](`${url}${qs ? `?${qs}` : ''}`).set(admin);
          const res = await (body === undefined ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(body)));
          sent++;
          const what = `${target.method.toUpperCase()} ${target.path} ${qs.slice(0, 200)} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
          if (res.status >= 500) failures.push(what);
          else if (res.status === 400) {
            const b = res.body as { code?: unknown; message?: unknown; fields?: unknown };
            const shaped = typeof b.code === 'string' && typeof b.message === 'string' && (b.code !== 'VALIDATION_FAILED' || (typeof b.fields === 'object' && b.fields !== null && Object.keys(b.fields).length > 0));
            if (!shaped) failures.push(`unshaped 400: ${what}`);
          }
        });
      }
    });

    for (let i = 0; i < jobs.length; i += PARALLEL) await Promise.all(jobs.slice(i, i + PARALLEL).map((j) => j()));
    expect(sent).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
    const byOperation: Record<string, number> = {};
    for (const f of failures) {
      const op = f.replace(/^unshaped 400: /, '').split(' ').slice(0, 2).join(' ');
      byOperation[op] = (byOperation[op] ?? 0) + 1;
    }
    expect({ byOperation, first: failures.slice(0, 20) }).toEqual({ byOperation: {}, first: [] });
  }, 900_000);
});
