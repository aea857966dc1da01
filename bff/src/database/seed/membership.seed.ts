import { ID_NUMBER_CONSENT, MEMBERSHIP_NOTICE, idNumberCheckChar, formatMemberNo } from '@unionhome/shared';
import { newId } from '../../common/ids';
import { MembershipApplicationEntity, pendingApplication } from '../../membership/entities/membership-application.entity';
import { MembershipInviteEntity } from '../../membership/entities/membership-invite.entity';
import { MembershipEntity } from '../../membership/entities/membership.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { SeedContext } from './seed-context';

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** A few more members so the officer's register, search and export show something (no phone: they cannot log in). */
const MEMBERS = [
  { name: '周杰', id: withCheck('33060219950712203'), org: 'DEMO-GRASSROOTS', employer: '美团外卖越城站', jobType: '外卖员', seq: 2 },
  { name: '吴敏', id: withCheck('33060219880403302'), org: 'DEMO-GRASSROOTS', employer: '示范物流有限公司', jobType: '快递员', seq: 3 },
  { name: '郑强', id: withCheck('33060219790921401'), org: 'DEMO-GRASSROOTS', employer: '滴滴出行', jobType: '网约车司机', seq: 4 },
  { name: '王磊', id: withCheck('33060219920130503'), org: 'DEMO-COURIER', employer: '顺达快递越城分部', jobType: '快递员', seq: 5 },
];

/** The demo union's join QR code (valid 30 days), and one application waiting for the officer. */
export async function seedMembership(ctx: SeedContext): Promise<void> {
  const { em, cipher, clock } = ctx;
  const now = clock.now();
  const grassroots = ctx.orgIds['DEMO-GRASSROOTS'];

  for (const m of MEMBERS) {
    const userId = newId();
    await em.insert(UserEntity, {
      id: userId,
      phone: null,
      openid: null,
      name: m.name,
      idNumberCipher: cipher.encrypt(m.id),
      idNumberIndex: cipher.idNumberIndex(m.id),
      tags: null,
      createdAt: now,
      lastLoginAt: null,
    });
    await em.insert(MembershipEntity, {
      id: newId(),
      userId,
      activeUserId: userId,
      orgId: ctx.orgIds[m.org],
      memberNo: formatMemberNo('330602', m.seq),
      status: 'active',
      employer: m.employer,
      jobType: m.jobType,
      joinedAt: `${clock.today().slice(0, 4)}-03-01`,
      leftAt: null,
      createdAt: now,
    });
  }

  const inviteId = newId();
  await em.insert(MembershipInviteEntity, {
    id: inviteId,
    orgId: grassroots,
    token: 'DEM0GRASSR00TS2026J0',
    createdBy: ctx.userIds['13800000002'],
    expiresAt: new Date(now.getTime() + 30 * 24 * 3_600_000),
    maxUses: null,
    usedCount: 1,
    revokedAt: null,
    createdAt: now,
  });

  const applicantId = newId();
  const idNumber = withCheck('33060220000505602');
  await em.insert(UserEntity, {
    id: applicantId,
    phone: null,
    openid: null,
    name: '陈晨',
    idNumberCipher: null,
    idNumberIndex: null,
    tags: null,
    createdAt: now,
    lastLoginAt: null,
  });
  const index = cipher.idNumberIndex(idNumber);
  const application = pendingApplication(
    {
      orgId: grassroots,
      inviteId,
      userId: applicantId,
      kind: 'join',
      name: '陈晨',
      idNumberCipher: cipher.encrypt(idNumber),
      idNumberIndex: index,
      phone: '13900000008',
      employer: '饿了么越城站',
      jobType: '外卖员',
      noticeVersion: MEMBERSHIP_NOTICE.version,
      consentVersion: ID_NUMBER_CONSENT.version,
      fromOrgId: null,
    },
    newId(),
    now,
  );
  await em.insert(MembershipApplicationEntity, application);
}
