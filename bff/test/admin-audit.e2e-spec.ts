import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry, AuditVerifyResponse } from '@unionhome/shared';
import { AUDIT_ACTION_LABELS, FINAL_DECISIONS, REVIEW_DECISIONS } from '@unionhome/shared';
import { auditRowHash } from '../src/common/audit-chain';
import { AuditService } from '../src/common/audit.service';
import { TransactionRunner } from '../src/common/transaction-runner';
import { instantOf } from '../src/database/raw-values';
import { AuditChainVerifier } from '../src/admin/audit/audit-chain.verifier';
import { newId } from '../src/common/ids';
import { MembershipEntity } from '../src/membership/entities/membership.entity';
import { createTestApp, onMysql, TestApp } from './support/test-app';

const API = '/api/v1';
const CJK = /[\u4e00-\u9fa5]/;
type Auth = { Authorization: string };

describe('audit log: GET /admin/audit, the hash chain and its check', () => {
  let t: TestApp;
  let admin: Auth;
  let officer: Auth;
  let officerId: string;
  let reviewer: Auth;
  let staff: Auth;
  let member: Auth;
  let audit: AuditService;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.login('13800000006')).auth;
    const o = await t.login('13800000002');
    officer = o.auth;
    officerId = o.user.id;
    reviewer = (await t.login('13800000003')).auth;
    staff = (await t.login('13800000004')).auth;
    member = (await t.login('13800000001')).auth;
    audit = t.app.get(AuditService);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const list = (query: Record<string, string | number> = {}, auth: Auth = admin) => t.http.get(`${API}/admin/audit`).query(query).set(auth);
  const verify = async (): Promise<AuditVerifyResponse> => (await t.http.get(`${API}/admin/audit/verify`).set(admin).expect(200)).body;
  const zhangMembership = async () => {
    const zhang = (await t.http.get(`${API}/me`).set(member).expect(200)).body;
    return t.ds.manager.findOneByOrFail(MembershipEntity, { activeUserId: zhang.id });
  };

  it('is for admins only: officers, reviewers and venue staff get 403, no login 401', async () => {
    for (const auth of [officer, reviewer, staff, member]) {
      expect((await list({}, auth).expect(403)).body.code).toBe('FORBIDDEN');
      await t.http.get(`${API}/admin/audit/verify`).set(auth).expect(403);
    }
    await t.http.get(`${API}/admin/audit`).expect(401);
    await t.http.get(`${API}/admin/audit/verify`).expect(401);
  });

  it('shows staff reads made through the app, newest first, with the person’s name', async () => {
    const m = await zhangMembership();
    const card = (await t.http.get(`${API}/me/card`).set(member).expect(200)).body;
    await t.http.get(`${API}/orgs/${m.orgId}/members/${m.id}`).set(officer).expect(200);
    await t.http.post(`${API}/cards/verify`).set(staff).send({ token: card.qr.token }).expect(200);

    const res = await list({ subjectType: 'membership', subjectId: m.id }).expect(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    const [newest, older] = res.body.data as AuditEntry[];
    expect(newest).toMatchObject({ action: 'card.verify', subjectType: 'membership', subjectId: m.id, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/) });
    expect(older).toMatchObject({ action: 'member.read', actorId: officerId, actorName: expect.any(String), subjectId: m.id });
    expect(newest.seq).toBe(older.seq + 1);
    expect(Object.keys(older).sort()).toEqual(['action', 'actorId', 'actorName', 'at', 'detail', 'id', 'seq', 'subjectId', 'subjectType']);
    // Every action code the app writes has its words for the page.
    for (const e of res.body.data as AuditEntry[]) expect(AUDIT_ACTION_LABELS[e.action]).toMatch(CJK);
  });

  it('filters by person (id or phone), record and day; pages with total', async () => {
    const subject = newId();
    const days = ['2026-03-01T01:00:00Z', '2026-03-02T15:59:59Z', '2026-03-02T16:00:00Z', '2026-03-05T03:00:00Z']; // 16:00Z is 00:00 next day in Shanghai
    for (const at of days) {
      t.clock.set(at);
      await audit.record(officerId, 'member.read', 'membership', subject);
    }
    t.clock.set('2026-03-02T02:00:00Z');
    await audit.record(newId(), 'member.read', 'membership', subject);

    expect((await list({ subjectId: subject }).expect(200)).body.total).toBe(5);
    expect((await list({ subjectId: subject, actorId: officerId }).expect(200)).body.total).toBe(4);
    expect((await list({ subjectId: subject, actorPhone: '13800000002' }).expect(200)).body.total).toBe(4);
    expect((await list({ subjectId: subject, actorPhone: '13911112222' }).expect(200)).body).toEqual({ data: [], total: 0, page: 1, limit: 20 });
    expect((await list({ subjectId: subject, actorPhone: '13800000002', actorId: newId() }).expect(200)).body.total).toBe(0);

    const day2 = (await list({ subjectId: subject, from: '2026-03-02', to: '2026-03-02' }).expect(200)).body;
    expect(day2.data.map((e: AuditEntry) => e.at)).toEqual(['2026-03-02T10:00:00+08:00', '2026-03-02T23:59:59+08:00']);
    expect((await list({ subjectId: subject, from: '2026-03-03' }).expect(200)).body.total).toBe(2);
    expect((await list({ subjectId: subject, to: '2026-03-01' }).expect(200)).body.total).toBe(1);

    const page1 = (await list({ subjectId: subject, limit: 2 }).expect(200)).body;
    const page3 = (await list({ subjectId: subject, limit: 2, page: 3 }).expect(200)).body;
    expect(page1).toMatchObject({ total: 5, page: 1, limit: 2 });
    expect(page1.data).toHaveLength(2);
    expect(page3.data).toHaveLength(1);
    // Newest first is append order, whatever the clock said.
    expect(page1.data[0].seq).toBeGreaterThan(page1.data[1].seq);
    expect(page1.data[1].seq).toBeGreaterThan(page3.data[0].seq);
  });

  it('refuses bad filters with 400 and Chinese field messages', async () => {
    const bad = await list({ from: '2026-02-30', to: '20260301', actorId: 'x', actorPhone: '12345', subjectType: 'DROP TABLE', subjectId: '1', limit: 0 }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    for (const f of ['from', 'to', 'actorId', 'actorPhone', 'subjectType', 'subjectId', 'limit']) expect(bad.body.fields[f]).toMatch(CJK);
    const reversed = await list({ from: '2026-03-05', to: '2026-03-01' }).expect(400);
    expect(reversed.body.fields.to).toMatch(CJK);
    expect((await list({ secret: '1' }).expect(400)).body.fields.secret).toMatch(CJK);
    expect((await list({ limit: 500 }).expect(200)).body.limit).toBe(100);
  });

  it('appends 50 records made at the same moment as one gapless chain that verifies', async () => {
    const before = await verify();
    expect(before.ok).toBe(true);
    const subject = newId();
    await Promise.all(Array.from({ length: 50 }, (_, i) => audit.record(officerId, 'member.read', 'membership', subject, `parallel ${i}`)));
    const rows: Array<{ seq: number | string }> = await t.ds.query('SELECT seq FROM audit_logs ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    const after = await verify();
    expect(after).toEqual({ ok: true, checked: before.checked + 50, headSeq: before.headSeq + 50, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(after.checked).toBe(rows.length);
  });

  it('a record rolls back with the change it belongs to: no hole in the chain', async () => {
    const before = await verify();
    const tx = t.app.get(TransactionRunner);
    await expect(
      tx.run(async () => {
        await audit.record(officerId, 'member.read', 'membership', newId());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await audit.record(officerId, 'member.read', 'membership', newId());
    expect(await verify()).toMatchObject({ ok: true, headSeq: before.headSeq + 1 });
  });

  describe('tampering with the table directly', () => {
    type Row = Record<string, unknown>;
    const rowAt = async (seq: number): Promise<Row> => (await t.ds.query('SELECT * FROM audit_logs WHERE seq = ?', [seq]))[0];
    const reinsert = async (r: Row) => {
      const cols = Object.keys(r);
      await t.ds.query(`INSERT INTO audit_logs (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, cols.map((c) => r[c]));
    };

    describe('by someone with full rights on the database', () => {
      it('an edited row is the first broken one', async () => {
        const r = await rowAt(3);
        await t.ds.query(`UPDATE audit_logs SET subjectId = ? WHERE seq = 3`, [newId()]);
        expect(await verify()).toMatchObject({ ok: false, firstBrokenId: r.id, firstBrokenSeq: 3, problem: 'ROW_CHANGED', firstBrokenAt: expect.stringMatching(/\+08:00$/) });
        await t.ds.query(`UPDATE audit_logs SET subjectId = ? WHERE seq = 3`, [r.subjectId]);
        expect((await verify()).ok).toBe(true);

        // Recomputing the edited row's own hash does not help: the next row still points at the old one.
        const forged = { seq: 3, id: String(r.id), actorId: String(r.actorId), action: 'claim.view', subjectType: String(r.subjectType), subjectId: String(r.subjectId), detail: (r.detail as string | null) ?? null, createdAt: instantOf(r.createdAt as string) };
        const hash = auditRowHash(forged, String(r.prevHash));
        await t.ds.query(`UPDATE audit_logs SET action = 'claim.view', hash = ? WHERE seq = 3`, [hash]);
        const next = await rowAt(4);
        expect(await verify()).toMatchObject({ ok: false, firstBrokenId: next.id, firstBrokenSeq: 4, problem: 'ROW_CHANGED' });
        await t.ds.query(`UPDATE audit_logs SET action = ?, hash = ? WHERE seq = 3`, [r.action, r.hash]);
        expect((await verify()).ok).toBe(true);
      });

      it('a deleted row shows as the gap after it', async () => {
        const gone = await rowAt(5);
        const after = await rowAt(6);
        await t.ds.query('DELETE FROM audit_logs WHERE seq = 5');
        expect(await verify()).toMatchObject({ ok: false, firstBrokenId: after.id, firstBrokenSeq: 6, problem: 'ROW_MISSING', checked: 4 });
        await reinsert(gone);
        expect((await verify()).ok).toBe(true);
      });

      it('two rows swapped in order', async () => {
        const [a, b] = [await rowAt(7), await rowAt(8)];
        await t.ds.query('UPDATE audit_logs SET seq = -1 WHERE seq = 7');
        await t.ds.query('UPDATE audit_logs SET seq = 7 WHERE seq = 8');
        await t.ds.query('UPDATE audit_logs SET seq = 8 WHERE seq = -1');
        expect(await verify()).toMatchObject({ ok: false, firstBrokenId: b.id, firstBrokenSeq: 7, problem: 'ROW_CHANGED' });
        await t.ds.query('UPDATE audit_logs SET seq = -1 WHERE id = ?', [a.id]);
        await t.ds.query('UPDATE audit_logs SET seq = 8 WHERE id = ?', [b.id]);
        await t.ds.query('UPDATE audit_logs SET seq = 7 WHERE id = ?', [a.id]);
        expect((await verify()).ok).toBe(true);
      });

      it('rows cut off the end, or a row slipped in after the head', async () => {
        const { headSeq } = await verify();
        const last = await rowAt(headSeq);
        await t.ds.query('DELETE FROM audit_logs WHERE seq = ?', [headSeq]);
        const cut = await verify();
        expect(cut).toMatchObject({ ok: false, firstBrokenSeq: headSeq, problem: 'HEAD_MISMATCH', checked: headSeq - 1 });
        expect(cut.firstBrokenId).toBeUndefined();
        await reinsert(last);
        expect((await verify()).ok).toBe(true);

        await reinsert({ ...last, id: newId(), seq: headSeq + 1, prevHash: '0'.repeat(64) });
        expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: headSeq + 1, problem: 'HEAD_MISMATCH' });
        await t.ds.query('DELETE FROM audit_logs WHERE seq = ?', [headSeq + 1]);
        expect((await verify()).ok).toBe(true);
      });
    });
  });

  it('every action code the BFF writes has its Chinese words in shared', () => {
    const codes = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/audit\.record\([^,]+,\s*'([a-z_.]+)'/g)) codes.add(m[1]);
      }
    };
    walk(join(__dirname, '../src'));
    // The two written from a template: hardship.review.<decision> and hardship.decision.<decision>.
    for (const d of REVIEW_DECISIONS) codes.add(`hardship.review.${d}`);
    for (const d of FINAL_DECISIONS) codes.add(`hardship.decision.${d}`);
    // Passed to the org tree writer, which records them.
    for (const c of ['org.create', 'org.update', 'org.import']) codes.add(c);
    expect(codes.size).toBeGreaterThan(10);
    expect([...codes].filter((c) => !CJK.test(AUDIT_ACTION_LABELS[c] ?? ''))).toEqual([]);
  });

  it('no code path updates or deletes audit rows (only the chaining migration writes them)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.includes('audit-chain.ts')) {
          const text = readFileSync(path, 'utf8');
          if (/(UPDATE|DELETE FROM)\s+audit_logs|(update|delete|remove|save|softDelete|upsert)\w*\(\s*AuditLogEntity/i.test(text)) offenders.push(path);
        }
      }
    };
    walk(join(__dirname, '../src'));
    expect(offenders).toEqual([]);
  });
});

describe('audit log: rows from before the chain', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('the migration chains them in (createdAt, id) order and the chain verifies', async () => {
    t = await createTestApp({ SEED_DEMO: 'false' });
    const names = t.ds.migrations.map((m) => m.name);
    const ours = names.indexOf('AuditChain1765000004000');
    for (let i = names.length - 1; i >= ours; i--) await t.ds.undoLastMigration({ transaction: 'each' });

    const at = (s: string) => (onMysql ? new Date(s) : new Date(s).toISOString().replace('T', ' ').replace('Z', ''));
    const old = [
      { id: 'bbbbbbbb-0000-4000-8000-000000000002', createdAt: '2026-01-02T08:00:00Z' },
      { id: 'aaaaaaaa-0000-4000-8000-000000000001', createdAt: '2026-01-03T08:00:00Z' },
      { id: 'cccccccc-0000-4000-8000-000000000003', createdAt: '2026-01-02T08:00:00Z' },
      { id: 'dddddddd-0000-4000-8000-000000000004', createdAt: '2026-01-01T08:00:00.250Z' },
    ];
    for (const r of old) {
      await t.ds.query('INSERT INTO audit_logs (id, actorId, action, subjectType, subjectId, detail, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)', [r.id, newId(), 'member.read', 'membership', newId(), null, at(r.createdAt)]);
    }
    await t.ds.runMigrations({ transaction: 'each' });

    const rows: Array<{ id: string; seq: number | string }> = await t.ds.query('SELECT id, seq FROM audit_logs ORDER BY seq');
    expect(rows.map((r) => [Number(r.seq), r.id])).toEqual([
      [1, 'dddddddd-0000-4000-8000-000000000004'],
      [2, 'bbbbbbbb-0000-4000-8000-000000000002'],
      [3, 'cccccccc-0000-4000-8000-000000000003'],
      [4, 'aaaaaaaa-0000-4000-8000-000000000001'],
    ]);
    await t.app.get(AuditService).record(newId(), 'member.read', 'membership', newId());
    expect(await t.app.get(AuditChainVerifier).verify()).toMatchObject({ ok: true, checked: 5, headSeq: 5 });
  });
});
