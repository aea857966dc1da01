import { idNumberCheckChar, MEMBERSHIP_NOTICE } from '@unionhome/shared';
import type { Role } from '@unionhome/shared';
import { newId } from '../../src/common/ids';
import { UserRoleEntity } from '../../src/users/entities/user-role.entity';
import { UserEntity } from '../../src/users/entities/user.entity';
import type { TestApp } from './test-app';

/** Test data for the membership domain: people, ID numbers, invites and applications through HTTP. */

export const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** A valid ID number for someone born on `birth` (YYYYMMDD), made distinct by `seq` (000–999). */
export function idNumber(birth: string, seq: number): string {
  return withCheck(`330602${birth}${String(seq).padStart(3, '0')}`);
}

/** The same number with a wrong check character. */
export function withBadCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

let phoneSeq = 0;

/** A new person who can dev-login by phone (not a member of anything); optionally with a scoped role. */
export async function newPerson(t: TestApp, opts: { name?: string; role?: { role: Role; orgId: string | null } } = {}) {
  const phone = `139${String(process.pid % 10000).padStart(4, '0')}${String(++phoneSeq).padStart(4, '0')}`;
  const id = newId();
  await t.ds.manager.insert(UserEntity, { id, phone, openid: null, name: opts.name ?? '', idNumberCipher: null, idNumberIndex: null, tags: null, createdAt: new Date(), lastLoginAt: null });
  if (opts.role) await t.ds.manager.insert(UserRoleEntity, { id: newId(), userId: id, role: opts.role.role, orgId: opts.role.orgId });
  const session = await t.login(phone);
  return { id, phone, ...session };
}

export async function orgId(t: TestApp, code: string): Promise<string> {
  const res = await t.http.get(`/api/v1/orgs?code=${code}`).expect(200);
  return res.body[0].id;
}

export async function createInvite(t: TestApp, auth: Record<string, string>, org: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http.post(`/api/v1/orgs/${org}/invites`).set(auth).send(body);
  if (res.status !== 201) throw new Error(`invite → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

export function applicationBody(inviteToken: string, overrides: Record<string, unknown> = {}) {
  return {
    inviteToken,
    name: '李娜',
    idNumber: idNumber('19960808', 221),
    phone: '13800000007',
    employer: '美团外卖越城站',
    jobType: '外卖员',
    noticeVersion: MEMBERSHIP_NOTICE.version,
    consent: true,
    ...overrides,
  };
}
