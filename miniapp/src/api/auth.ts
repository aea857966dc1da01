import Taro from '@tarojs/taro'
import type { DevLoginRequest, LoginResponse, WechatLoginRequest } from '@unionhome/shared'
import { saveLogin, saveMe } from '@/store/session'
import { fetchMe } from './me'
import { request } from './request'

export function devLogin(phone: string): Promise<LoginResponse> {
  const body: DevLoginRequest = { phone }
  return request<LoginResponse>('/auth/dev-login', { method: 'POST', data: body, auth: false })
}

export function wechatLogin(code: string): Promise<LoginResponse> {
  const body: WechatLoginRequest = { code }
  return request<LoginResponse>('/auth/wechat', { method: 'POST', data: body, auth: false })
}

/** WeChat: a one-time code from Taro.login, traded by the BFF for the person's openid. */
export async function loginInWechat(): Promise<LoginResponse> {
  const { code } = await Taro.login()
  return wechatLogin(code)
}

/**
 * Stores a fresh login and loads the profile, so the next page can greet the person by name.
 * A failing /me does not undo the login: pages load it again when they need it.
 */
export async function startSession(res: LoginResponse): Promise<void> {
  saveLogin(res)
  try {
    saveMe(await fetchMe())
  } catch {
    // Shown again by the page that needs the profile, with its own retry.
  }
}
