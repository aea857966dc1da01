import Taro from '@tarojs/taro'

/** Storage keys of the whole mini-app, in one place so two features never collide. */
export const STORAGE_KEYS = {
  session: 'uh.session',
  elder: 'uh.elder'
} as const

/** Reads a JSON value written by writeStored; null when absent or unreadable. */
export function readStored<T>(key: string): T | null {
  try {
    const raw: unknown = Taro.getStorageSync(key)
    if (raw === '' || raw === undefined || raw === null) return null
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T
  } catch {
    return null
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, JSON.stringify(value))
  } catch {
    // Storage full or unavailable (private mode): the app keeps working for this visit.
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // Nothing to do: an entry that cannot be removed cannot be read back either.
  }
}
