import type { GrantableRole } from '@unionhome/shared'

/** One line per role on 授予权限: what the person will be able to do, in plain words. */
export const ROLE_HINTS: Record<GrantableRole, string> = {
  officer: '本工会及下级工会的入会审核、会员名册和帮扶初审',
  claim_reviewer: '医疗互助理赔的审核',
  claim_payer: '医疗互助金的打款登记',
  venue_staff: '文化宫场馆的时段、签到和课程',
  hardship_reviewer: '困难帮扶申请的审批和档案',
  admin: '工会组织、人员权限、保障计划等全部管理'
}

export const STAFF_GRANT_PAGE = '/packages/admin/pages/staff-grant/index'
