import { Text } from '@tarojs/components'
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '@unionhome/shared'

const TONE: Partial<Record<ClaimStatus, string>> = {
  draft: 'uh-tag--muted',
  need_documents: 'uh-tag--warn',
  rejected: 'uh-tag--warn',
  approved: 'uh-tag--ok',
  paid: 'uh-tag--ok'
}

export function StatusTag({ status }: { status: ClaimStatus }) {
  return <Text className={`uh-tag ${TONE[status] ?? ''}`}>{CLAIM_STATUS_LABELS[status]}</Text>
}
