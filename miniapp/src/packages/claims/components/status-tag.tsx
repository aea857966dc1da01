import { Text } from '@tarojs/components'
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '@unionhome/shared'

const TONE: Partial<Record<ClaimStatus, string>> = {
  draft: 'claim-tag--muted',
  need_documents: 'claim-tag--warn',
  rejected: 'claim-tag--warn',
  approved: 'claim-tag--ok',
  paid: 'claim-tag--ok'
}

export function StatusTag({ status }: { status: ClaimStatus }) {
  return <Text className={`claim-tag ${TONE[status] ?? ''}`}>{CLAIM_STATUS_LABELS[status]}</Text>
}
