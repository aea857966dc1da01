import Taro from '@tarojs/taro'

export const HOME_PAGE = '/pages/index/index'
export const MINE_PAGE = '/pages/mine/index'
export const LOGIN_PAGE = '/pages/login/index'
export const MESSAGES_PAGE = '/pages/messages/index'
export const WORKBENCH_PAGE = '/packages/workbench/pages/index/index'

/** Tab pages can only be opened with switchTab (and never with a query string). */
const TAB_PAGES = [HOME_PAGE, MINE_PAGE]

function pathOf(url: string): string {
  const path = url.split('?')[0]
  return path.startsWith('/') ? path : `/${path}`
}

export function isTabPage(url: string): boolean {
  return TAB_PAGES.includes(pathOf(url))
}

/** Opens any page of the app by its url, choosing the navigation call WeChat allows for it. */
export function openPage(url: string): Promise<unknown> {
  return isTabPage(url) ? Taro.switchTab({ url: pathOf(url) }) : Taro.navigateTo({ url })
}

/**
 * The url of the page on top of the stack, with its query, e.g.
 * '/packages/claims/pages/detail/index?id=42'. Taro's own bookkeeping keys are left out.
 */
export function currentPageUrl(): string | null {
  const router = Taro.getCurrentInstance()?.router
  if (!router?.path) return null
  const path = pathOf(router.path)
  const query = Object.entries(router.params ?? {})
    .filter(([k, v]) => !k.startsWith('$') && k !== 'stamp' && v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/** A query value as the page received it: WeChat passes it still encoded, H5 already decoded. */
export function decodeParam(value: string | undefined): string {
  if (!value) return ''
  try {
    return value.includes('%') ? decodeURIComponent(value) : value
  } catch {
    return value
  }
}

let leavingForLogin = false

export interface GoLoginOptions {
  /** Take the current page off the stack (it cannot show anything without login). */
  replace?: boolean
  /** Where to go after login; default the current page. */
  redirect?: string
}

/**
 * Sends the person to the login page, remembering where they were so login can bring them back.
 * Several failing requests at once lead to one navigation, not a pile of login pages.
 */
export function goLogin(options: GoLoginOptions = {}): void {
  const here = currentPageUrl()
  if (leavingForLogin || (here && pathOf(here) === LOGIN_PAGE)) return
  leavingForLogin = true
  setTimeout(() => {
    leavingForLogin = false
  }, 1000)
  const redirect = options.redirect ?? here
  const url = redirect ? `${LOGIN_PAGE}?redirect=${encodeURIComponent(redirect)}` : LOGIN_PAGE
  const go = options.replace && here && !isTabPage(here) ? Taro.redirectTo : Taro.navigateTo
  go({ url }).catch(() => Taro.reLaunch({ url }))
}

/** After a successful login: back to where the person came from, or to 首页. */
export function leaveLoginPage(redirect: string): void {
  const pages = Taro.getCurrentPages()
  const below = pages.length > 1 ? pages[pages.length - 2] : null
  const belowPath = below ? pathOf(String(below.route ?? '')) : null
  if (redirect && isTabPage(redirect)) {
    Taro.switchTab({ url: pathOf(redirect) })
  } else if (redirect && belowPath === pathOf(redirect)) {
    // The page that sent us here is still underneath: go back so its state (a half-filled form) survives.
    Taro.navigateBack()
  } else if (redirect) {
    Taro.redirectTo({ url: redirect })
  } else if (below) {
    Taro.navigateBack()
  } else {
    Taro.switchTab({ url: HOME_PAGE })
  }
}
