import Taro from '@tarojs/taro'
import type { DevLoginRequest, HealthResponse, LoginResponse, LogoutRequest, SmsCodeRequest, SmsCodeResponse, SmsLoginRequest, WechatLoginRequest } from '@unionhome/shared'
import { clearSession, getSession, saveLogin, saveMe } from '@/store/session'
import { fetchMe } from './me'
import { request } from './request'

export function devLogin(phone: string): Promise<LoginResponse> {
  const body: DevLoginRequest = { phone }
  return request<LoginResponse>('/auth/dev-login', { method: 'POST', data: body, auth: false })
}

/** Whether the BFF runs the demo: only then does the login page offer the demo accounts. */
export function fetchHealth(): Promise<HealthResponse> {
  return request<HealthResponse>('/health', { auth: false })
}

/** Asks for a six-digit code by SMS; the answer is the same whether or not the phone has an account. */
export function requestSmsCode(phone: string): Promise<SmsCodeResponse> {
  const body: SmsCodeRequest = { phone }
  return request<SmsCodeResponse>('/auth/sms-code', { method: 'POST', data: body, auth: false })
}

/** A phone seen for the first time becomes a new account. */
export function smsLogin(phone: string, code: string): Promise<LoginResponse> {
  const body: SmsLoginRequest = { phone, code }
  return request<LoginResponse>('/auth/sms-login', { method: 'POST', data: body, auth: false })
}

/**
 * Logs out: forgets the session on this device at once, then asks the BFF to void its refresh
 * token, so a copy of the stored session cannot be renewed. Offline the local logout still
 * stands; the access token dies by itself within minutes.
 */
export async function logOut(): Promise<void> {
  const refreshToken = getSession()?.refreshToken
  clearSession()
  if (!refreshToken) return
  const body: LogoutRequest = { refreshToken }
  try {
    await request<void>('/auth/logout', { method: 'POST', data: body, auth: false })
  } catch {
    // Nothing the person can do about it; the device no longer holds the token either way.
  }
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
