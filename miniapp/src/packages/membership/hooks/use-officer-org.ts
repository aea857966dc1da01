import { useEffect, useState } from 'react'
import { fetchMe } from '@/api/me'
import { useRequireLogin } from '@/hooks/use-require-login'
import { saveMe, sessionRoles, type Session } from '@/store/session'

export interface OfficerOrg {
  session: Session | null
  /** The union the officer acts for, once known. */
  org: { id: string; name: string } | null
  /** true when the person is logged in but is no officer (the page says so instead of loading). */
  notOfficer: boolean
  error: unknown
  retry: () => void
}

/** The officer's union, from the cached profile or a fresh /me. */
export function useOfficerOrg(): OfficerOrg {
  const session = useRequireLogin()
  const [error, setError] = useState<unknown>(undefined)
  const [attempt, setAttempt] = useState(0)
  const me = session?.me ?? null

  useEffect(() => {
    if (!session || me) return
    setError(undefined)
    fetchMe().then(saveMe).catch(setError)
  }, [session?.accessToken, me, attempt])

  const roles = sessionRoles(session)
  const org = me?.staffOrg ?? null
  return {
    session,
    org: me && roles.includes('officer') ? org : null,
    notOfficer: !!me && (!roles.includes('officer') || !org),
    error,
    retry: () => setAttempt((n) => n + 1)
  }
}
