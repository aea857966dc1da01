import Taro from '@tarojs/taro'
import type { LoginResponse, MeResponse, PlanResponse, Role } from '@unionhome/shared'
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

export interface Call {
  url: string
  method?: string
  data?: any
  header: Record<string, string>
}

/** Answers Taro.request by "METHOD path"; records every call. */
export function serve(routes: Record<string, (call: Call) => unknown>): Call[] {
  const calls: Call[] = []
  ;(Taro.request as unknown as jest.Mock).mockImplementation(async (call: Call) => {
    calls.push(call)
    const key = `${call.method ?? 'GET'} ${call.url.split('?')[0].replace('/api/v1', '')}`
    const route = routes[key]
    if (!route) throw new Error(`unexpected request ${key}`)
    const answer = route(call) as { statusCode?: number; data?: unknown }
    return answer && typeof answer === 'object' && 'statusCode' in answer ? answer : { statusCode: 200, data: answer }
  })
  return calls
}

/** The demo plan of API.md (DEMO-INPATIENT: 40 %, no deductible, ¥20,000 a year). */
export const DEMO_PLAN: PlanResponse = {
  id: 'plan-1',
  code: 'DEMO-INPATIENT',
  name: '职工住院医疗互助',
  description: '',
  premium: 5000,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  waitingPeriodDays: 0,
  claimDeadlineDays: 180,
  deductible: 0,
  tiers: [{ from: 0, to: null, ratioBp: 4000 }],
  bonusBp: 500,
  bonusTags: ['hardship'],
  perClaimCap: null,
  annualCap: 2_000_000,
  active: true
}
