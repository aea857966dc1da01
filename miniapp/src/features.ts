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
  /** An emoji or a single character: no image files in the main package. */
  icon: string
  /** The page that opens, e.g. '/packages/claims/pages/index/index'; null while it is not built. */
  url: string | null
  /** true when the page is useless without login: the hall sends the person to log in first. */
  requiresLogin?: boolean
}

export interface WorkbenchEntry {
  key: string
  title: string
  subtitle?: string
  icon?: string
  /** Shown to anyone holding at least one of these roles (list 'admin' explicitly if admins use it). */
  roles: readonly Role[]
  url: string
}

export const SERVICE_TILES: readonly ServiceTile[] = [
  { key: 'join', title: '扫码入会', subtitle: '扫工会二维码，在线加入工会', icon: '📷', url: null },
  { key: 'card', title: '会员卡', subtitle: '出示电子会员卡', icon: '💳', url: null },
  { key: 'claims', title: '医疗互助', subtitle: '住院理赔，三步办好', icon: '🏥', url: null },
  { key: 'venues', title: '场馆预约', subtitle: '文化宫场地和课程', icon: '🏸', url: null },
  { key: 'hardship', title: '困难帮扶', subtitle: '困难职工网上申报', icon: '🤝', url: null }
]

export const WORKBENCH_ENTRIES: readonly WorkbenchEntry[] = []

export function workbenchEntriesFor(roles: readonly Role[], entries: readonly WorkbenchEntry[] = WORKBENCH_ENTRIES): WorkbenchEntry[] {
  return entries.filter((e) => e.roles.some((r) => roles.includes(r)))
}

/** What a tile whose page does not exist yet says when tapped. */
export const UNDER_CONSTRUCTION = {
  title: '敬请期待',
  content: '该功能正在建设中，敬请期待'
} as const
