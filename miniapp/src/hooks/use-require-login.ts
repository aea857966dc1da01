import { useEffect } from 'react'
import { getSession, useSession, type Session } from '@/store/session'
import { goLogin } from '@/utils/navigation'

/**
 * For pages that show nothing useful without login: sends the person to log in (taking this
 * page off the stack; login brings them back here) and returns null until they have.
 */
export function useRequireLogin(): Session | null {
  const session = useSession()
  useEffect(() => {
    if (!getSession()) goLogin({ replace: true })
  }, [])
  return session
}
