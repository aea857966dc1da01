import { useCallback, useRef, useState } from 'react'
import type { Paged } from '@unionhome/shared'
import { showError } from '@/api/request'

export interface PagedList<T> {
  items: T[]
  total: number
  loading: boolean
  error: unknown
  /** Nothing loaded yet (first load still running, or not started). */
  initial: boolean
  hasMore: boolean
  reload: () => Promise<void>
  more: () => Promise<void>
  /** Local edits after an action (a decided application leaves the pending list). */
  update: (fn: (items: T[]) => T[]) => void
}

/**
 * A list loaded page by page: page 1 replaces (first show, after a change), later pages append.
 * An answer for an older reload is dropped. `extra` keeps whatever else the first page carried.
 */
export function usePagedList<T, P extends Paged<T> = Paged<T>>(load: (page: number) => Promise<P>, onFirstPage?: (page: P) => void): PagedList<T> {
  const [state, setState] = useState({ items: [] as T[], total: 0, page: 0, loading: false, error: undefined as unknown })
  const loadRef = useRef(load)
  loadRef.current = load
  const firstRef = useRef(onFirstPage)
  firstRef.current = onFirstPage
  const ticket = useRef(0)

  const fetchPage = useCallback(async (page: number) => {
    const mine = ++ticket.current
    setState((s) => ({ ...s, loading: true, error: undefined }))
    try {
      const res = await loadRef.current(page)
      if (mine !== ticket.current) return
      if (page === 1) firstRef.current?.(res)
      setState((s) => ({ items: page === 1 ? res.data : [...s.items, ...res.data], total: res.total, page, loading: false, error: undefined }))
    } catch (error) {
      if (mine !== ticket.current) return
      setState((s) => ({ ...s, loading: false, error }))
      if (page > 1) showError(error)
    }
  }, [])

  return {
    items: state.items,
    total: state.total,
    loading: state.loading,
    error: state.error,
    initial: state.page === 0,
    hasMore: state.items.length < state.total,
    reload: () => fetchPage(1),
    more: () => (state.loading ? Promise.resolve() : fetchPage(state.page + 1)),
    update: (fn) => setState((s) => {
      const items = fn(s.items)
      return { ...s, items, total: Math.max(0, s.total - (s.items.length - items.length)) }
    })
  }
}
