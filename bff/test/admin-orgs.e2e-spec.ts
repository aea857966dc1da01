import { creditCodeCheckChar } from '@unionhome/shared';
import { AuditLogEntity } from '../src/common/entities/audit-log.entity';
import { OrgEntity } from '../src/orgs/entities/org.entity';
import { applicationBody, createInvite, idNumber, newPerson, orgId } from './support/membership-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const API = '/api/v1';
type Auth = Record<string, string>;

/** A valid unified social credit code: `prefix` + region 330602 + a running number + check character. */
let creditSeq = 0;
function creditCode(prefix = '81'): string {
  const first17 = `${prefix}330602MA${String(++creditSeq).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}
const withBadCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

/** The 10-row tree of the import tests: children listed before their parents on purpose. */
function goodTree(prefix: string, credits: string[]): string {
  return [
    'code,name,type,parentCode,regionCode,creditCode',
    `${prefix}-G1,${prefix}甲公司工会,grassroots,${prefix}-ST,330602,${credits[0]}`, // line 2: its parent is on line 6
    `${prefix}-G2,${prefix}乙公司工会,grassroots,${prefix}-IND,330602,${credits[1]}`,
    `${prefix}-G3,${prefix}丙公司工会,基层工会,${prefix}-D1,330602,`, // line 4: the type by its Chinese name
    `${prefix}-CITY,${prefix}市总工会,city,,330600,`,
    `${prefix}-ST,${prefix}街道总工会,street,${prefix}-D1,330602001,`,
    `${prefix}-D1,${prefix}一区总工会,district,${prefix}-CITY,330602,`,
    `${prefix}-D2,${prefix}二区总工会,district,${prefix}-CITY,330603,`,
    `${prefix}-IND,"${prefix}快递物流行业工会联合会",industry,${prefix}-D2,330603,`,
    `${prefix}-PAL,${prefix}工人文化宫,palace,${prefix}-CITY,330600,`,
    `${prefix}-G4,${prefix}丁公司工会,grassroots,${prefix}-CITY,,${credits[2]}`,
  ].join('\r\n');
}

describe('admin: the union tree (create, change, move, deactivate, CSV import)', () => {
  let t: TestApp;
  let admin: Auth;
  let adminId: string;
  let officer: Auth;
  let city: string;
  let district: string;
  let street: string;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await t.login('13800000006');
    admin = a.auth;
    adminId = a.user.id;
    officer = (await t.login('13800000002')).auth;
    city = await orgId(t, 'DEMO-CITY');
    district = await orgId(t, 'DEMO-DISTRICT');
    street = await orgId(t, 'DEMO-STREET');
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, auth: Auth = admin) => t.http.post(`${API}/admin/orgs`).set(auth).send(body);
  const patch = (id: string, body: Record<string, unknown>, auth: Auth = admin) => t.http.patch(`${API}/admin/orgs/${id}`).set(auth).send(body);
  const importCsv = (csv: string | Buffer, auth: Auth = admin) =>
    t.http.post(`${API}/admin/orgs/import`).set(auth).attach('file', typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv, { filename: 'orgs.csv', contentType: 'text/csv' });
  const orgRow = (code: string) => t.ds.manager.findOneByOrFail(OrgEntity, { code });
  const orgCount = () => t.ds.manager.count(OrgEntity);
  const audits = (action: string, subjectId?: string) => t.ds.manager.findBy(AuditLogEntity, { action, ...(subjectId ? { subjectId } : {}) });

  describe('who may', () => {
    it('only admins: officers and members get 403, no token 401', async () => {
      const member = (await t.login('13800000001')).auth;
      for (const auth of [officer, member]) {
        expect((await t.http.get(`${API}/admin/orgs`).set(auth).expect(403)).body.code).toBe('FORBIDDEN');
        await create({ code: 'X-1', name: '某工会', type: 'city' }, auth).expect(403);
        await patch(city, { name: '改名' }, auth).expect(403);
        await importCsv('code,name,type,parentCode,regionCode,creditCode\r\nX-2,某,city,,,', auth).expect(403);
      }
      await t.http.get(`${API}/admin/orgs`).expect(401);
      expect(await t.ds.manager.countBy(OrgEntity, { code: 'X-1' })).toBe(0);
    });
  });

  describe('create', () => {
    it('201 with the new org; it is in GET /orgs and in the admin list with its depth', async () => {
      const code = creditCode();
      const res = await create({ code: 'NEW-G1', name: ' 新建物流公司工会 ', type: 'grassroots', parentId: street, regionCode: '330602', creditCode: code.toLowerCase() }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        code: 'NEW-G1',
        name: '新建物流公司工会',
        type: 'grassroots',
        parentId: street,
        regionCode: '330602',
        creditCode: code,
        active: true,
        depth: 3,
        createdAt: expect.any(String),
      });
      const row = await orgRow('NEW-G1');
      expect(row.path).toBe(`${(await orgRow('DEMO-STREET')).path}${res.body.id}/`);
      const pub = await t.http.get(`${API}/orgs?code=NEW-G1`).expect(200);
      expect(pub.body).toEqual([expect.objectContaining({ id: res.body.id, name: '新建物流公司工会', type: 'grassroots' })]);
      const list = (await t.http.get(`${API}/admin/orgs`).set(admin).expect(200)).body as Array<{ id: string; code: string; depth: number }>;
      const at = (c: string) => list.findIndex((o) => o.code === c);
      expect(list[at('NEW-G1')].depth).toBe(3);
      expect(at('DEMO-CITY')).toBeLessThan(at('DEMO-DISTRICT'));
      expect(at('DEMO-STREET')).toBeLessThan(at('NEW-G1'));
      expect((await audits('org.create', res.body.id)).map((a) => a.actorId)).toEqual([adminId]);
    });

    it('a city may stand at the root; a repeat with the same Idempotency-Key creates one', async () => {
      const key = { 'Idempotency-Key': 'org-create-1' };
      const a = await create({ code: 'NEW-CITY', name: '新市总工会', type: 'city' }).set(key).expect(201);
      const b = await create({ code: 'NEW-CITY', name: '新市总工会', type: 'city' }).set(key).expect(201);
      expect(b.body.id).toBe(a.body.id);
      expect(a.body).toMatchObject({ parentId: null, depth: 0 });
    });

    it('a duplicate code is 409 ORG_CODE_TAKEN', async () => {
      const res = await create({ code: 'DEMO-GRASSROOTS', name: '重复', type: 'grassroots', parentId: street }).expect(409);
      expect(res.body).toEqual({ code: 'ORG_CODE_TAKEN', message: '该组织编号已被使用' });
    });

    it('a bad credit code is 400 fields.creditCode: check character, alphabet, length, and 81 for grassroots', async () => {
      const cases: Array<[string, string, string]> = [
        ['grassroots', withBadCheck(creditCode()), '统一社会信用代码校验位不正确，请核对'],
        ['grassroots', creditCode('91'), '基层工会的统一社会信用代码应以81开头'],
        ['grassroots', '81330602MA00000I1X', '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）'],
        ['district', '8133060', '统一社会信用代码应为18位'],
      ];
      for (const [type, code, message] of cases) {
        const res = await create({ code: 'BAD-CC', name: '某工会', type, parentId: type === 'district' ? city : street, creditCode: code }).expect(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { creditCode: message } });
      }
      // Other kinds of union need not start with 81, only be valid.
      await create({ code: 'NEW-D-91', name: '某区总工会', type: 'district', parentId: city, creditCode: creditCode('91') }).expect(201);
      expect(await t.ds.manager.countBy(OrgEntity, { code: 'BAD-CC' })).toBe(0);
    });

    it('an unknown parent is 400 fields.parentId; bad fields and unknown fields are 400', async () => {
      const unknown = await create({ code: 'NEW-X', name: '某工会', type: 'district', parentId: '0f0e7a4c-3d9b-4f65-9a54-7b1f5f0f0f0f' }).expect(400);
      expect(unknown.body.fields).toEqual({ parentId: '没有找到该上级组织' });
      expect((await create({ code: 'NEW-X', name: '某工会', type: 'district', parentId: 'not-an-id' }).expect(400)).body.fields.parentId).toBe('没有找到该上级组织');
      const bad = await create({ code: '中文编号', name: '', type: 'union', regionCode: '3306', colour: 'red' }).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['code', 'colour', 'name', 'regionCode', 'type']);
      expect(bad.body.fields.colour).toBe('不支持该字段');
    });

    it('the tree rules: 422 ORG_PLACEMENT_NOT_ALLOWED with the rule in words', async () => {
      const grassroots = await orgId(t, 'DEMO-GRASSROOTS');
      const palace = await orgId(t, 'DEMO-PALACE');
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ type: 'street', parentId: city }, '街道乡镇工会的上级只能是区县总工会'],
        [{ type: 'grassroots', parentId: grassroots }, '基层工会的上级只能是市总工会或区县总工会或街道乡镇工会或行业工会联合会'],
        [{ type: 'palace', parentId: palace }, '工人文化宫的上级只能是市总工会或区县总工会或街道乡镇工会或行业工会联合会'],
        [{ type: 'district' }, '区县总工会需要选择上级组织'],
        [{ type: 'city', parentId: city }, '市总工会是最上级组织，不能有上级组织'],
      ];
      for (const [body, message] of cases) {
        const res = await create({ code: 'NEW-PLACE', name: '某工会', ...body }).expect(422);
        expect(res.body).toEqual({ code: 'ORG_PLACEMENT_NOT_ALLOWED', message });
      }
    });
  });

  describe('change and move', () => {
    it('renames and sets codes; audited as org.update', async () => {
      const id = await orgId(t, 'DEMO-COURIER');
      const cc = creditCode();
      const res = await patch(id, { name: '顺达快递有限公司工会委员会', creditCode: cc, regionCode: '330602003' }).expect(200);
      expect(res.body).toMatchObject({ id, name: '顺达快递有限公司工会委员会', creditCode: cc, regionCode: '330602003', code: 'DEMO-COURIER' });
      expect((await patch(id, { creditCode: withBadCheck(cc) }).expect(400)).body.fields).toEqual({ creditCode: '统一社会信用代码校验位不正确，请核对' });
      expect((await patch(id, { type: 'city', code: 'X' }).expect(400)).body.fields).toEqual({ type: '不支持该字段', code: '不支持该字段' });
      const [entry] = await audits('org.update', id);
      expect(entry).toMatchObject({ actorId: adminId, subjectType: 'org', detail: 'name,regionCode,creditCode' });
      await t.http.patch(`${API}/admin/orgs/0f0e7a4c-3d9b-4f65-9a54-7b1f5f0f0f0f`).set(admin).send({ name: '某' }).expect(404);
      await t.http.patch(`${API}/admin/orgs/nope`).set(admin).send({ name: '某' }).expect(404);
    });

    it('a move rewrites the path of the whole subtree, and the new parent\'s officer sees the members', async () => {
      // A new district D2 with its officer; the demo street (with 示范基层工会 and its members) moves under it.
      const d2 = (await create({ code: 'MOVE-D2', name: '柯桥区总工会', type: 'district', parentId: city, regionCode: '330603' }).expect(201)).body.id;
      const d2Officer = (await newPerson(t, { name: '柯桥干部', role: { role: 'officer', orgId: d2 } })).auth;
      const grassroots = await orgId(t, 'DEMO-GRASSROOTS');
      await t.http.get(`${API}/orgs/${grassroots}/members`).set(d2Officer).expect(404);

      const moved = await patch(street, { parentId: d2 }).expect(200);
      expect(moved.body).toMatchObject({ parentId: d2, depth: 2 });
      const cityPath = (await orgRow('DEMO-CITY')).path;
      expect((await orgRow('DEMO-STREET')).path).toBe(`${cityPath}${d2}/${street}/`);
      expect((await orgRow('DEMO-GRASSROOTS')).path).toBe(`${cityPath}${d2}/${street}/${grassroots}/`);
      expect((await orgRow('NEW-G1')).path).toBe(`${cityPath}${d2}/${street}/${(await orgRow('NEW-G1')).id}/`);

      const members = await t.http.get(`${API}/orgs/${grassroots}/members`).set(d2Officer).expect(200);
      expect(members.body.total).toBeGreaterThan(0);
      expect(members.body.data.map((m: { name: string }) => m.name)).toContain('张伟');
      // The old district's branch no longer contains it; the union's own officer still sees it.
      await t.http.get(`${API}/orgs/${grassroots}/members`).set(officer).expect(200);
      expect((await audits('org.update', street))[0].detail).toBe('parentId');

      // And back, for the tests below.
      await patch(street, { parentId: district }).expect(200);
      expect((await orgRow('DEMO-GRASSROOTS')).path).toBe(`${cityPath}${district}/${street}/${grassroots}/`);
      await t.http.get(`${API}/orgs/${grassroots}/members`).set(d2Officer).expect(404);
    });

    it('refuses a move under itself or its own subtree (422), against the tree rules (422), to an unknown parent (400)', async () => {
      const grassroots = await orgId(t, 'DEMO-GRASSROOTS');
      expect((await patch(district, { parentId: street }).expect(422)).body).toEqual({ code: 'ORG_MOVE_INTO_SUBTREE', message: '不能把组织移到它自己或它的下级组织之下' });
      expect((await patch(district, { parentId: district }).expect(422)).body.code).toBe('ORG_MOVE_INTO_SUBTREE');
      expect((await patch(grassroots, { parentId: null }).expect(422)).body).toEqual({ code: 'ORG_PLACEMENT_NOT_ALLOWED', message: '基层工会需要选择上级组织' });
      expect((await patch(street, { parentId: city }).expect(422)).body.code).toBe('ORG_PLACEMENT_NOT_ALLOWED');
      expect((await patch(street, { parentId: '0f0e7a4c-3d9b-4f65-9a54-7b1f5f0f0f0f' }).expect(400)).body.fields).toEqual({ parentId: '没有找到该上级组织' });
      expect((await orgRow('DEMO-DISTRICT')).path).toBe(`${(await orgRow('DEMO-CITY')).path}${district}/`);
    });
  });

  describe('deactivate and reactivate', () => {
    it('a deactivated union leaves GET /orgs, its invites admit no one, its members stay; reactivation restores it', async () => {
      const g = (await create({ code: 'OFF-G', name: '停用测试工会', type: 'grassroots', parentId: street, regionCode: '330602' }).expect(201)).body.id;
      const gOfficer = (await newPerson(t, { name: '停用测试干部', role: { role: 'officer', orgId: g } })).auth;
      const invite = await createInvite(t, gOfficer, g, { expiresInHours: 720 });
      const worker = await newPerson(t, { name: '钱多多' });
      const applied = await t.http
        .post(`${API}/membership-applications`)
        .set(worker.auth)
        .send(applicationBody(invite, { name: '钱多多', idNumber: idNumber('19910303', 771), phone: worker.phone }))
        .expect(201);
      await t.http.post(`${API}/membership-applications/${applied.body.id}/approve`).set(gOfficer).expect(200);
      const waiting = await newPerson(t, { name: '周到' });
      const pending = await t.http
        .post(`${API}/membership-applications`)
        .set(waiting.auth)
        .send(applicationBody(invite, { name: '周到', idNumber: idNumber('19930505', 773), phone: waiting.phone }))
        .expect(201);

      const off = await patch(g, { active: false }).expect(200);
      expect(off.body.active).toBe(false);
      expect((await t.http.get(`${API}/orgs?code=OFF-G`).expect(200)).body).toEqual([]);
      const listed = (await t.http.get(`${API}/admin/orgs`).set(admin).expect(200)).body.find((o: { id: string }) => o.id === g);
      expect(listed).toMatchObject({ active: false, code: 'OFF-G' });
      expect((await t.http.get(`${API}/invites/${invite}`).expect(410)).body).toEqual({ code: 'ORG_INACTIVE', message: '该工会组织已停用，暂不接受入会申请' });
      const other = await newPerson(t, { name: '孙晓' });
      const refused = await t.http
        .post(`${API}/membership-applications`)
        .set(other.auth)
        .send(applicationBody(invite, { name: '孙晓', idNumber: idNumber('19920404', 772), phone: other.phone }))
        .expect(410);
      expect(refused.body.code).toBe('ORG_INACTIVE');
      expect((await t.http.post(`${API}/orgs/${g}/invites`).set(gOfficer).send({}).expect(422)).body.code).toBe('ORG_INACTIVE');
      // An application sent before the stop is not approved into it (it can still be rejected).
      expect((await t.http.post(`${API}/membership-applications/${pending.body.id}/approve`).set(gOfficer).expect(422)).body.code).toBe('ORG_INACTIVE');
      await t.http.post(`${API}/membership-applications/${pending.body.id}/reject`).set(gOfficer).send({ reason: '本工会已停用' }).expect(200);
      // The member keeps the membership and the card.
      expect((await t.http.get(`${API}/me/card`).set(worker.auth).expect(200)).body).toMatchObject({ orgName: '停用测试工会', status: 'active' });
      expect((await t.http.get(`${API}/orgs/${g}/members`).set(gOfficer).expect(200)).body.total).toBe(1);
      expect((await audits('org.update', g)).map((a) => a.detail)).toEqual(['inactive']);

      await patch(g, { active: true }).expect(200);
      await t.http.get(`${API}/invites/${invite}`).expect(200);
      expect((await t.http.get(`${API}/orgs?code=OFF-G`).expect(200)).body).toHaveLength(1);
    });

    it('refuses to deactivate an org with active children, and to create, move or reactivate under an inactive one', async () => {
      expect((await patch(district, { active: false }).expect(422)).body).toMatchObject({ code: 'ORG_HAS_ACTIVE_CHILDREN', message: '该组织还有在用的下级组织，请先停用或移走下级组织' });
      const d = (await create({ code: 'OFF-D', name: '停用区总工会', type: 'district', parentId: city }).expect(201)).body.id;
      const s = (await create({ code: 'OFF-S', name: '停用街道工会', type: 'street', parentId: d }).expect(201)).body.id;
      await patch(s, { active: false }).expect(200);
      await patch(d, { active: false }).expect(200);
      expect((await create({ code: 'OFF-S2', name: '某街道', type: 'street', parentId: d }).expect(422)).body.code).toBe('ORG_PARENT_INACTIVE');
      expect((await patch(s, { active: true }).expect(422)).body).toEqual({ code: 'ORG_PARENT_INACTIVE', message: '上级组织已停用' });
      const active = (await create({ code: 'OFF-S3', name: '某街道', type: 'street', parentId: district }).expect(201)).body.id;
      expect((await patch(active, { parentId: d }).expect(422)).body.code).toBe('ORG_PARENT_INACTIVE');
      // An inactive org may be parked under an inactive parent.
      await patch(active, { active: false, parentId: d }).expect(200);
      await patch(d, { active: true }).expect(200);
      await patch(s, { active: true }).expect(200);
    });
  });

  describe('CSV import', () => {
    it('a good tree of 10 rows in any order imports; a re-import updates the same 10', async () => {
      const credits = [creditCode(), creditCode(), creditCode()];
      const before = await orgCount();
      const csv = goodTree('IMP', credits);
      const res = await importCsv(csv).expect(200);
      expect(res.body).toEqual({ created: 10, updated: 0, errors: [] });
      expect(await orgCount()).toBe(before + 10);

      const list = (await t.http.get(`${API}/admin/orgs`).set(admin).expect(200)).body as Array<{ id: string; code: string; parentId: string | null; depth: number; type: string; creditCode: string | null }>;
      const by = (code: string) => list.find((o) => o.code === code)!;
      expect(by('IMP-CITY')).toMatchObject({ parentId: null, depth: 0 });
      expect(by('IMP-D1')).toMatchObject({ parentId: by('IMP-CITY').id, depth: 1 });
      expect(by('IMP-ST')).toMatchObject({ parentId: by('IMP-D1').id, depth: 2 });
      expect(by('IMP-G1')).toMatchObject({ parentId: by('IMP-ST').id, depth: 3, creditCode: credits[0] });
      expect(by('IMP-G2')).toMatchObject({ parentId: by('IMP-IND').id, depth: 3 });
      expect(by('IMP-G3')).toMatchObject({ type: 'grassroots', creditCode: null });
      expect(by('IMP-IND')).toMatchObject({ parentId: by('IMP-D2').id });
      expect((await orgRow('IMP-G1')).path).toBe(`/${by('IMP-CITY').id}/${by('IMP-D1').id}/${by('IMP-ST').id}/${by('IMP-G1').id}/`);
      expect((await audits('org.import')).length).toBe(10);

      const again = await importCsv(csv).expect(200);
      expect(again.body).toEqual({ created: 0, updated: 10, errors: [] });
      expect(await orgCount()).toBe(before + 10);
      expect((await importCsv(csv).expect(200)).body).toEqual({ created: 0, updated: 10, errors: [] });
    });

    it('one bad row (a wrong credit code on line 4) imports nothing and names line 4', async () => {
      const before = await orgCount();
      const csv = [
        'code,name,type,parentCode,regionCode,creditCode',
        'BAD1-G1,某甲工会,grassroots,BAD1-D,330602,',
        'BAD1-D,某区总工会,district,DEMO-CITY,330602,',
        `BAD1-G2,某乙工会,grassroots,BAD1-D,330602,${withBadCheck(creditCode())}`,
        'BAD1-G3,某丙工会,grassroots,BAD1-D,330602,',
      ].join('\n');
      const res = await importCsv(csv).expect(422);
      expect(res.body).toEqual({
        code: 'ORG_IMPORT_FAILED',
        message: '导入文件中有错误，没有导入任何组织，请按行号修改后重新导入',
        created: 0,
        updated: 0,
        errors: [{ line: 4, message: '统一社会信用代码校验位不正确，请核对' }],
        details: { errors: [{ line: 4, message: '统一社会信用代码校验位不正确，请核对' }] },
      });
      expect(await orgCount()).toBe(before);
      expect(await t.ds.manager.countBy(OrgEntity, { code: 'BAD1-D' })).toBe(0);
    });

    it('rules that need the tree are checked too, and roll back rows written before them', async () => {
      const before = await orgCount();
      const renamedBefore = (await orgRow('DEMO-PALACE')).name;
      const csv = [
        '\ufeffcode,name,type,parentCode,regionCode,creditCode',
        'TREE-D,某区总工会,district,DEMO-CITY,,', // fine, written, then rolled back
        'DEMO-PALACE,改名的文化宫,palace,DEMO-CITY,,', // fine update, rolled back
        '',
        'TREE-S,某街道,street,DEMO-CITY,,', // line 5: street under a city
        'TREE-X,某工会,grassroots,NOWHERE,,', // line 6: unknown parent
        'DEMO-STREET,北海街道总工会,district,DEMO-CITY,,', // line 7: the type cannot change
        'TREE-G,某工会,grassroots,TREE-S,,', // line 8: its parent failed
        'DEMO-DISTRICT,越城区总工会,district,DEMO-GRASSROOTS,,', // line 9: under its own subtree
        'DEMO-COURIER,某工会,grassroots,,,', // line 10: a grassroots union at the root
        'DEMO-CITY,绍兴市总工会,city,,,', // unchanged: fine
      ].join('\r\n');
      const res = await importCsv(csv).expect(422);
      expect(res.body.errors).toEqual([
        { line: 5, message: '街道乡镇工会的上级只能是区县总工会' },
        { line: 6, message: '上级组织编号NOWHERE不存在（文件中和系统中都没有）' },
        { line: 7, message: '组织类型不能通过导入修改（DEMO-STREET现在是街道乡镇工会）' },
        { line: 8, message: '上级组织TREE-S（第5行）有错误，这一行也无法导入' },
        { line: 9, message: '不能把组织移到它自己或它的下级组织之下' },
        { line: 10, message: '基层工会需要选择上级组织' },
      ]);
      expect(await orgCount()).toBe(before);
      expect((await orgRow('DEMO-PALACE')).name).toBe(renamedBefore);
      expect(await t.ds.manager.countBy(AuditLogEntity, { action: 'org.import', detail: 'create TREE-D' })).toBe(0);
    });

    it('file-level checks: each line numbered, duplicates, cycles, column counts, quoted line breaks', async () => {
      const csv = [
        'code,name,type,parentCode,regionCode,creditCode',
        'CYC-A,甲,district,CYC-B,,', // 2: cycle
        'CYC-B,乙,district,CYC-A,,', // 3: cycle
        '"DUP-1","多行', // 4–5: one row over two lines
        '名称",city,,,',
        'DUP-1,重复,city,,,', // 6: duplicate of line 4
        'SHORT,缺列,city', // 7
        'BADTYPE,类型,union,,,', // 8
        'BAD-REGION,区划,city,,3306,,,', // 9 (empty cells past the last column are no columns)
        '",,,,,', // 10: an unclosed quote runs to the end
      ].join('\n');
      const res = await importCsv(csv).expect(422);
      expect(res.body.errors).toEqual([{ line: 10, message: 'CSV格式有误：引号没有成对出现，或引号后面紧跟了其他文字' }]);

      const fixed = csv.split('\n').slice(0, -1).join('\n');
      const again = await importCsv(fixed).expect(422);
      expect(again.body.errors).toEqual([
        { line: 2, message: '上级关系形成了循环（CYC-A的上级是CYC-B），请检查parentCode' },
        { line: 3, message: '上级关系形成了循环（CYC-B的上级是CYC-A），请检查parentCode' },
        { line: 6, message: '组织编号DUP-1与第4行重复' },
        { line: 7, message: '应有6列（code,name,type,parentCode,regionCode,creditCode），这一行有3列' },
        { line: 8, message: '组织类型“union”不正确，应为 city、district、street、industry、grassroots、palace 之一' },
        { line: 9, message: '行政区划代码应为6位（或9位、12位）数字' },
      ]);
      expect(await t.ds.manager.countBy(OrgEntity, { code: 'DUP-1' })).toBe(0);
    });

    it('a move by import rewrites the subtree paths too', async () => {
      const csv = ['code,name,type,parentCode,regionCode,creditCode,,', 'IMP-ST,IMP街道总工会,street,IMP-D2,330602001,,,'].join('\n');
      expect((await importCsv(csv).expect(200)).body).toEqual({ created: 0, updated: 1, errors: [] });
      const [d2, st, g1] = await Promise.all(['IMP-D2', 'IMP-ST', 'IMP-G1'].map(orgRow));
      expect(st.parentId).toBe(d2.id);
      expect(g1.path).toBe(`${d2.path}${st.id}/${g1.id}/`);
    });

    it('reads a GB 18030 file as saved by Excel on a Chinese Windows', async () => {
      const gbk = Buffer.concat([
        Buffer.from('code,name,type,parentCode,regionCode,creditCode\r\nGBK-C,'),
        Buffer.from([0xb9, 0xa4, 0xbb, 0xe1]), // 工会
        Buffer.from(',city,,,\r\n'),
      ]);
      expect((await importCsv(gbk).expect(200)).body).toEqual({ created: 1, updated: 0, errors: [] });
      expect((await orgRow('GBK-C')).name).toBe('工会');
    });

    it('400 for no file, not a CSV, a wrong header or no rows; 413 over 1 MB', async () => {
      const none = await t.http.post(`${API}/admin/orgs/import`).set(admin).expect(400);
      expect(none.body.fields).toEqual({ file: '请选择一个CSV文件' });
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0xfd]);
      expect((await importCsv(png).expect(400)).body.fields.file).toBe('文件不是CSV文本，请在Excel或WPS中"另存为CSV"后再导入');
      expect((await importCsv('name,code\r\n某,X').expect(400)).body.fields.file).toBe('第一行应为 code,name,type,parentCode,regionCode,creditCode');
      expect((await importCsv('code,name,type,parentCode,regionCode,creditCode\r\n\r\n').expect(400)).body.fields.file).toBe('文件中除了第一行没有其他内容');
      const big = 'code,name,type,parentCode,regionCode,creditCode\n' + 'BIG,某,city,,,\n'.repeat(80_000);
      const res = await importCsv(big).expect(413);
      expect(res.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '文件太大了（不能超过1MB），请分几次导入' });
      const two = await t.http.post(`${API}/admin/orgs/import`).set(admin).attach('file', Buffer.from('a'), 'a.csv').attach('file', Buffer.from('b'), 'b.csv').expect(400);
      expect(two.body.fields.file).toBe('一次只能导入一个CSV文件，放在file字段中');
    });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/admin/orgs', '/api/v1/admin/orgs/{id}', '/api/v1/admin/orgs/import']));
  });
});
