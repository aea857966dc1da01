import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

/**
 * Loads once `key` is known (e.g. the officer's union, which may arrive after the page opened),
 * and again whenever the page comes back into view (after approving on another page, say).
 */
export function useReloadOnShow(key: string | undefined | null, reload: () => unknown): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && key) reload()
    shown.current = true
  })
  useEffect(() => {
    if (key) reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
}
