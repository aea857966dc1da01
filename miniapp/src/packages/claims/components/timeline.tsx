import { Text, View } from '@tarojs/components'
import { CLAIM_DOCUMENT_INFO, CLAIM_STATUS_LABELS, formatFen, type ClaimTimelineEntry } from '@unionhome/shared'
import { formatInstant } from '@/utils/format'

const BY: Record<ClaimTimelineEntry['by'], string> = { member: '本人', reviewer: '审核员', system: '系统' }

/** Every status with its time and reason, newest first. */
export function Timeline({ entries }: { entries: ClaimTimelineEntry[] }) {
  const newestFirst = [...entries].reverse()
  return (
    <View className='claim-timeline'>
      {newestFirst.map((e, i) => (
        <View key={`${e.status}-${e.at}-${i}`} className={`claim-timeline__item ${i === 0 ? 'claim-timeline__item--latest' : ''}`}>
          <View className='claim-timeline__dot' />
          <View className='claim-timeline__body'>
            <Text className='claim-timeline__status'>{CLAIM_STATUS_LABELS[e.status]}</Text>
            <Text className='uh-muted claim-timeline__at'>
              {formatInstant(e.at)} · {BY[e.by]}
            </Text>
            {e.amount !== undefined && (e.status === 'approved' || e.status === 'paid') ? <Text className='claim-timeline__line'>金额 {formatFen(e.amount)}</Text> : null}
            {e.documentTypes?.length ? <Text className='claim-timeline__line'>需补充：{e.documentTypes.map((t) => CLAIM_DOCUMENT_INFO[t].label).join('、')}</Text> : null}
            {e.reason ? <Text className='claim-timeline__line'>原因：{e.reason}</Text> : null}
            {e.reference ? <Text className='claim-timeline__line'>打款流水号：{e.reference}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
