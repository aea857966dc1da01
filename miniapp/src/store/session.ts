import { STAFF_ROLES, type LoginResponse, type MeResponse, type Role } from '@unionhome/shared'
import { createStore, useStore } from './create-store'
import { STORAGE_KEYS, readStored, removeStored, writeStored } from './storage'

/**
 * Who is logged in: the BFF's token pair plus the last /me answer. Kept in Taro storage so a
 * reload (H5) or a cold start (WeChat) does not log the person out, and so pages can greet
 * them by name before /me has answered again.
 */
export interface Session {
  accessToken: string
  refreshToken: string
  user: LoginResponse['user']
  me: MeResponse | null
}

function load(): Session | null {
  const s = readStored<Session>(STORAGE_KEYS.session)
  if (!s || typeof s.accessToken !== 'string' || typeof s.refreshToken !== 'string' || !s.user) return null
  return { ...s, me: s.me ?? null }
}

const sessionStore = createStore<Session | null>(load)

function save(next: Session | null): void {
  if (next) writeStored(STORAGE_KEYS.session, next)
  else removeStored(STORAGE_KEYS.session)
  sessionStore.set(next)
}

export function getSession(): Session | null {
  return sessionStore.get()
}

export function getAccessToken(): string | null {
  return sessionStore.get()?.accessToken ?? null
}

export function isLoggedIn(): boolean {
  return sessionStore.get() !== null
}

/** Stores a login answer; the cached profile survives only if it is the same person. */
export function saveLogin(res: LoginResponse): void {
  const prev = sessionStore.get()
  const me = prev && prev.user.id === res.user.id ? prev.me : null
  save({ accessToken: res.accessToken, refreshToken: res.refreshToken, user: res.user, me })
}

/**
 * Stores the new pair from /auth/refresh. API.md promises only the pair, so the user (and the
 * cached profile) carry over when the answer does not repeat them.
 */
export function saveRefreshed(res: Pick<LoginResponse, 'accessToken' | 'refreshToken'> & Partial<Pick<LoginResponse, 'user'>>): void {
  const prev = sessionStore.get()
  if (res.user) saveLogin(res as LoginResponse)
  else if (prev) save({ ...prev, accessToken: res.accessToken, refreshToken: res.refreshToken })
}

export function saveMe(me: MeResponse): void {
  const prev = sessionStore.get()
  // Logged out, or logged in as someone else, while /me was on its way.
  if (!prev || prev.user.id !== me.id) return
  save({ ...prev, me, user: { ...prev.user, roles: me.roles } })
}

export function clearSession(): void {
  save(null)
}

/** Re-reads the session from storage (tests; another H5 tab logged in or out). */
export function reloadSession(): void {
  sessionStore.reload()
}

export function useSession(): Session | null {
  return useStore(sessionStore)
}

export function sessionRoles(session: Session | null): Role[] {
  return session?.me?.roles ?? session?.user.roles ?? []
}

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r))
}
