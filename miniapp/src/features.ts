import type { Role } from '@unionhome/shared'

/**
 * The registry of what the service hall (首页) and the staff workbench (工作台) offer.
 * A domain team adds its subpackage to app.config.ts and its entries here; pages read only
 * this file, so no page changes when a feature ships.
 */

export interface ServiceTile {
  key: string
  title: string
  /** One short line under the title, plain words. */
  subtitle: string
  /**
   * One character drawn in a coloured badge. A Chinese character renders the same on every
   * phone and browser (emoji fonts vary), and costs no image in the main package.
   */
  icon: string
  /** Badge colour; the union red when left out. */
  color?: string
  /** The page that opens, e.g. '/packages/claims/pages/index/index'; null while it is not built. */
  url: string | null
  /** true when the page is useless without login: the hall sends the person to log in first. */
  requiresLogin?: boolean
}

export interface WorkbenchEntry {
  key: string
  title: string
  subtitle?: string
  /** One character in a badge, as for tiles. */
  icon?: string
  /** Shown to anyone holding at least one of these roles (list 'admin' explicitly if admins use it). */
  roles: readonly Role[]
  url: string
}

export const SERVICE_TILES: readonly ServiceTile[] = [
  { key: 'join', title: '扫码入会', subtitle: '扫工会二维码，在线加入工会', icon: '入', color: '#c8281e', url: '/pages/join/index?scan=1' },
  { key: 'card', title: '会员卡', subtitle: '出示电子会员卡', icon: '卡', color: '#d9730d', url: '/packages/membership/pages/card/index', requiresLogin: true },
  { key: 'claims', title: '医疗互助', subtitle: '住院理赔，三步办好', icon: '医', color: '#1f6fd1', url: '/packages/claims/pages/index/index', requiresLogin: true },
  { key: 'venues', title: '场馆预约', subtitle: '文化宫场地和课程', icon: '馆', color: '#12845a', url: '/packages/venues/pages/index/index', requiresLogin: true },
  { key: 'hardship', title: '困难帮扶', subtitle: '困难职工网上申报', icon: '帮', color: '#7a4fd6', url: '/packages/hardship/pages/index/index', requiresLogin: true }
]

export const WORKBENCH_ENTRIES: readonly WorkbenchEntry[] = [
  { key: 'claims-review', title: '理赔审核', subtitle: '医疗互助理赔的审核和打款登记', icon: '赔', roles: ['claim_reviewer', 'admin'], url: '/packages/claims/pages/review-queue/index' },
  { key: 'claims-enrol', title: '互助参保', subtitle: '勾选本工会会员，批量参加医疗互助', icon: '保', roles: ['officer', 'admin'], url: '/packages/claims/pages/enrol/index' },
  { key: 'claims-plans', title: '保障计划', subtitle: '医疗互助计划的期限和赔付规则', icon: '规', roles: ['admin'], url: '/packages/claims/pages/plans/index' },
  { key: 'membership-invites', title: '入会二维码', subtitle: '生成、打印和作废本工会的入会二维码', icon: '码', roles: ['officer'], url: '/packages/membership/pages/invites/index' },
  { key: 'membership-applications', title: '入会审核', subtitle: '扫码提交的入会和转会申请', icon: '核', roles: ['officer'], url: '/packages/membership/pages/applications/index' },
  { key: 'membership-members', title: '会员名册', subtitle: '查询、统计和导出本工会会员', icon: '册', roles: ['officer'], url: '/packages/membership/pages/members/index' },
  { key: 'hardship-check', title: '帮扶初审', subtitle: '困难帮扶申请的初审', icon: '审', roles: ['officer'], url: '/packages/hardship/pages/queue/index?stage=check' },
  { key: 'hardship-decide', title: '帮扶审批', subtitle: '初审通过的困难帮扶申请', icon: '批', roles: ['hardship_reviewer'], url: '/packages/hardship/pages/queue/index?stage=decide' },
  { key: 'hardship-archive', title: '困难职工档案', subtitle: '30天内到期复核的档案', icon: '档', roles: ['hardship_reviewer'], url: '/packages/hardship/pages/archive/index' },
  { key: 'hardship-regions', title: '低保标准', subtitle: '各地区最低生活保障标准', icon: '标', roles: ['admin'], url: '/packages/hardship/pages/regions/index' },
  { key: 'venues-check-in', title: '场馆签到', subtitle: '扫会员卡二维码，为预约的职工签到', icon: '签', roles: ['venue_staff', 'admin'], url: '/packages/venues/pages/check-in/index' },
  { key: 'membership-verify', title: '核验会员卡', subtitle: '扫职工出示的会员卡，确认会员身份', icon: '验', roles: ['officer', 'venue_staff', 'admin'], url: '/packages/membership/pages/verify/index' },
  { key: 'admin-orgs', title: '工会组织', subtitle: '建立、调整和导入工会组织树', icon: '组', roles: ['admin'], url: '/packages/admin/pages/orgs/index' },
  { key: 'admin-staff', title: '人员与权限', subtitle: '按手机号授予或收回工作人员权限', icon: '权', roles: ['admin'], url: '/packages/admin/pages/staff/index' },
  { key: 'admin-audit', title: '操作日志', subtitle: '谁在何时查看或处理了个人信息', icon: '志', roles: ['admin'], url: '/packages/admin/pages/audit/index' },
  { key: 'venues-manage', title: '场馆与时段', subtitle: '预约规则、添加时段、按周生成', icon: '场', roles: ['venue_staff', 'admin'], url: '/packages/venues/pages/manage/index' }
]

export function workbenchEntriesFor(roles: readonly Role[], entries: readonly WorkbenchEntry[] = WORKBENCH_ENTRIES): WorkbenchEntry[] {
  return entries.filter((e) => e.roles.some((r) => roles.includes(r)))
}

/** What a tile whose page does not exist yet says when tapped. */
export const UNDER_CONSTRUCTION = {
  title: '敬请期待',
  content: '该功能正在建设中，敬请期待'
} as const
