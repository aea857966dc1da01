import { useCallback, useRef, useState } from 'react'

export interface Remote<T> {
  data: T | undefined
  error: unknown
  /** true while a load is running (also during a reload that keeps the old data on screen). */
  loading: boolean
  /** Loads again; the previous data stays visible until the new answer arrives. */
  reload: () => Promise<void>
}

/**
 * Loading, error and retry state of one remote value. The page decides when to load
 * (usually useDidShow, so coming back to a page shows fresh data); an answer that arrives
 * after a newer load started is dropped.
 */
export function useRemote<T>(load: () => Promise<T>): Remote<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true
  })
  const loadRef = useRef(load)
  loadRef.current = load
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((s) => ({ ...s, loading: true, error: undefined }))
    try {
      const data = await loadRef.current()
      if (ticket === latest.current) setState({ data, error: undefined, loading: false })
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ data: s.data, error, loading: false }))
    }
  }, [])

  return { ...state, reload }
}
