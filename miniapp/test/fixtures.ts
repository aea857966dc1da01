import type { LoginResponse, MeResponse, Role } from '@unionhome/shared'
import { saveLogin, saveMe } from '@/store/session'

export const ZHANG_WEI: MeResponse = {
  id: 'u1',
  name: '张伟',
  phoneMasked: '138****0001',
  roles: ['member'],
  staffOrg: null,
  membership: { memberNo: 'M2026000001', orgId: 'o1', orgName: '示范基层工会', status: 'active', joinedAt: '2024-03-01' }
}

export const LI_NA: MeResponse = {
  id: 'u7',
  name: '李娜',
  phoneMasked: '138****0007',
  roles: [],
  staffOrg: null,
  membership: null
}

/** Logs a person in as far as the session store is concerned (no request is made). */
export function loginAs(me: MeResponse, options: { cacheProfile?: boolean; roles?: Role[] } = {}): void {
  const res: LoginResponse = { accessToken: `access-${me.id}`, refreshToken: `refresh-${me.id}`, user: { id: me.id, roles: options.roles ?? me.roles } }
  saveLogin(res)
  if (options.cacheProfile !== false) saveMe(me)
}
