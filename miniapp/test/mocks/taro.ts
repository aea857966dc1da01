/**
 * Stand-in for `@tarojs/taro` in jest: every API is a jest.fn() with a harmless default, storage
 * lives in memory, and the page lifecycle hooks run like useEffect. Tests change behaviour
 * per case (`Taro.request.mockImplementation(...)`) and call resetTaroMock() in beforeEach.
 */
import { useEffect } from 'react'

type Params = Record<string, string | undefined>

const storage = new Map<string, unknown>()
let router: { path: string; params: Params } = { path: '/pages/index/index', params: {} }
let pages: Array<{ route: string; options?: Params }> = []

const resolved = <T>(value: T) => () => Promise.resolve(value)

function defaults() {
  return {
    request: () => Promise.reject(new Error('Taro.request is not mocked for this test')),
    uploadFile: () => Promise.reject(new Error('Taro.uploadFile is not mocked for this test')),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => {
      storage.set(key, value)
    },
    removeStorageSync: (key: string) => {
      storage.delete(key)
    },
    clearStorageSync: () => storage.clear(),
    showToast: resolved({ errMsg: 'showToast:ok' }),
    showModal: resolved({ confirm: true, cancel: false, errMsg: 'showModal:ok' }),
    showLoading: resolved({ errMsg: 'showLoading:ok' }),
    hideLoading: resolved({ errMsg: 'hideLoading:ok' }),
    showActionSheet: resolved({ tapIndex: 0, errMsg: 'showActionSheet:ok' }),
    navigateTo: resolved({ errMsg: 'navigateTo:ok' }),
    redirectTo: resolved({ errMsg: 'redirectTo:ok' }),
    switchTab: resolved({ errMsg: 'switchTab:ok' }),
    reLaunch: resolved({ errMsg: 'reLaunch:ok' }),
    navigateBack: resolved({ errMsg: 'navigateBack:ok' }),
    stopPullDownRefresh: resolved({ errMsg: 'stopPullDownRefresh:ok' }),
    login: resolved({ code: 'wx-test-code', errMsg: 'login:ok' }),
    scanCode: resolved({ result: '', errMsg: 'scanCode:ok' }),
    chooseMedia: resolved({ tempFiles: [], errMsg: 'chooseMedia:ok' }),
    chooseImage: resolved({ tempFilePaths: [], tempFiles: [], errMsg: 'chooseImage:ok' }),
    previewImage: resolved({ errMsg: 'previewImage:ok' }),
    setNavigationBarTitle: resolved({ errMsg: 'setNavigationBarTitle:ok' }),
    requestSubscribeMessage: resolved({ errMsg: 'requestSubscribeMessage:ok' }),
    getCurrentPages: () => pages,
    getCurrentInstance: () => ({ router }),
    getEnv: () => ENV_TYPE.WEB
  }
}

export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  WEB: 'WEB',
  RN: 'RN',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD'
} as const

type Defaults = ReturnType<typeof defaults>
type Mocked = { [K in keyof Defaults]: jest.Mock }

const fns = Object.fromEntries(Object.entries(defaults()).map(([k, impl]) => [k, jest.fn(impl as (...a: unknown[]) => unknown)])) as Mocked

/** Back to the defaults: empty storage, no pages, the home page as current page, fresh mocks. */
export function resetTaroMock(): void {
  storage.clear()
  router = { path: '/pages/index/index', params: {} }
  pages = []
  const impls = defaults() as Record<string, (...a: unknown[]) => unknown>
  for (const [k, fn] of Object.entries(fns)) fn.mockReset().mockImplementation(impls[k])
}

/** Pretends the given page is on top of the stack (what getCurrentInstance().router reports). */
export function setCurrentPage(path: string, params: Params = {}, stack?: Array<{ route: string; options?: Params }>): void {
  router = { path, params }
  pages = stack ?? [{ route: path.replace(/^\//, ''), options: params }]
}

export function storageSnapshot(): Record<string, unknown> {
  return Object.fromEntries(storage)
}

export const useLoad = (cb: (params: Params) => void) => {
  useEffect(() => {
    cb(router.params)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
export const useDidShow = (cb: () => void) => {
  useEffect(() => {
    cb()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
const noopHook = (_cb?: unknown) => undefined
export const useDidHide = noopHook
export const useReady = noopHook
export const useUnload = noopHook
export const useLaunch = noopHook
export const usePullDownRefresh = noopHook
export const useReachBottom = noopHook
export const usePageScroll = noopHook
export const useShareAppMessage = noopHook
export const useRouter = () => router

const Taro = { ...fns, ENV_TYPE, useLoad, useDidShow, useRouter }

export const {
  request,
  uploadFile,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  showToast,
  showModal,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  getCurrentPages,
  getCurrentInstance,
  getEnv
} = fns

export default Taro
