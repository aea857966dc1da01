import type { Role } from '@unionhome/shared';
import { idNumberCheckChar } from '@unionhome/shared';
import { newId } from '../../common/ids';
import { RegionEntity } from '../../hardship/entities/region.entity';
import { MembershipEntity } from '../../membership/entities/membership.entity';
import { OrgEntity } from '../../orgs/entities/org.entity';
import { UserRoleEntity } from '../../users/entities/user-role.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { SeedContext } from './seed-context';

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** The demo org tree: city → district → street/industry → grassroots, plus the cultural palace. */
const ORGS: Array<{ code: string; name: string; type: OrgEntity['type']; parent: string | null; creditCode?: string; regionCode?: string }> = [
  { code: 'DEMO-CITY', name: '绍兴市总工会', type: 'city', parent: null, regionCode: '330600' },
  { code: 'DEMO-DISTRICT', name: '越城区总工会', type: 'district', parent: 'DEMO-CITY', regionCode: '330602' },
  { code: 'DEMO-STREET', name: '北海街道总工会', type: 'street', parent: 'DEMO-DISTRICT', regionCode: '330602' },
  { code: 'DEMO-GRASSROOTS', name: '示范基层工会', type: 'grassroots', parent: 'DEMO-STREET', creditCode: '81330602MC12345670', regionCode: '330602' },
  { code: 'DEMO-INDUSTRY', name: '越城区快递物流行业工会联合会', type: 'industry', parent: 'DEMO-DISTRICT', regionCode: '330602' },
  { code: 'DEMO-COURIER', name: '顺达快递基层工会', type: 'grassroots', parent: 'DEMO-INDUSTRY', creditCode: '81330602MC7654321W', regionCode: '330602' },
  { code: 'DEMO-PALACE', name: '示范工人文化宫', type: 'palace', parent: 'DEMO-CITY', regionCode: '330602' },
];

/** The accounts of API.md; every one can dev-login by phone. */
const USERS: Array<{ phone: string; name: string; idNumber?: string; roles: Array<{ role: Role; org?: string }> }> = [
  { phone: '13800000001', name: '张伟', idNumber: withCheck('33060219900315123'), roles: [] },
  { phone: '13800000002', name: '王芳', roles: [{ role: 'officer', org: 'DEMO-GRASSROOTS' }] },
  { phone: '13800000003', name: '陈静', roles: [{ role: 'claim_reviewer' }] },
  { phone: '13800000004', name: '刘洋', roles: [{ role: 'venue_staff', org: 'DEMO-PALACE' }] },
  { phone: '13800000005', name: '赵敏', roles: [{ role: 'hardship_reviewer' }] },
  { phone: '13800000006', name: '孙强', roles: [{ role: 'admin' }] },
  { phone: '13800000007', name: '李娜', roles: [] },
];

export async function seedFoundation(ctx: SeedContext): Promise<void> {
  const { em, cipher, clock } = ctx;
  const now = clock.now();
  for (const o of ORGS) {
    const id = newId();
    const parentId = o.parent ? ctx.orgIds[o.parent] : null;
    const parentPath = o.parent ? (await em.findOneByOrFail(OrgEntity, { id: parentId! })).path : '/';
    await em.insert(OrgEntity, {
      id,
      code: o.code,
      name: o.name,
      type: o.type,
      parentId,
      path: `${parentPath}${id}/`,
      creditCode: o.creditCode ?? null,
      regionCode: o.regionCode ?? null,
      autoApprove: false,
      active: true,
      createdAt: now,
    });
    ctx.orgIds[o.code] = id;
  }
  for (const u of USERS) {
    const id = newId();
    await em.insert(UserEntity, {
      id,
      phone: u.phone,
      openid: null,
      name: u.name,
      idNumberCipher: u.idNumber ? cipher.encrypt(u.idNumber) : null,
      idNumberIndex: u.idNumber ? cipher.idNumberIndex(u.idNumber) : null,
      tags: null,
      createdAt: now,
      lastLoginAt: null,
    });
    ctx.userIds[u.phone] = id;
    for (const r of u.roles) {
      await em.insert(UserRoleEntity, { id: newId(), userId: id, role: r.role, orgId: r.org ? ctx.orgIds[r.org] : null });
    }
  }
  const zhangwei = ctx.userIds['13800000001'];
  await em.insert(MembershipEntity, {
    id: newId(),
    userId: zhangwei,
    activeUserId: zhangwei,
    orgId: ctx.orgIds['DEMO-GRASSROOTS'],
    memberNo: 'M330602000001',
    status: 'active',
    employer: '示范物流有限公司',
    jobType: '快递员',
    joinedAt: `${clock.today().slice(0, 4)}-01-01`,
    leftAt: null,
    createdAt: now,
  });
  await em.insert(RegionEntity, { code: '330602', name: '越城区', minimumLiving: 115000, updatedAt: now });
  await em.insert(RegionEntity, { code: '330603', name: '柯桥区', minimumLiving: 115000, updatedAt: now });
}
