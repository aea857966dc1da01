import type { ReactNode } from 'react'
import { Empty, ErrorRetry, Loading, Page } from '@/components'
import type { OfficerOrg } from '../hooks/use-officer-org'

/** What an officer page shows until it knows the officer's union (or learns the person is none). */
export function OfficerGate({ officer, className, children }: { officer: OfficerOrg; className: string; children: (org: { id: string; name: string }) => ReactNode }) {
  if (!officer.session) return <Page />
  if (officer.org) return <Page className={className}>{children(officer.org)}</Page>
  if (officer.notOfficer) {
    return (
      <Page className={className}>
        <Empty icon='干' text='这里是基层工会干部的工作页面，您的账号没有干部身份' />
      </Page>
    )
  }
  return <Page className={className}>{officer.error ? <ErrorRetry error={officer.error} onRetry={officer.retry} /> : <Loading />}</Page>
}
