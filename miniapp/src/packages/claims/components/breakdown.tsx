import { Text, View } from '@tarojs/components'
import { formatFen, type ClaimEstimateResponse, type PayoutLine } from '@unionhome/shared'

/** The itemised payout, line by line, as the shared rule computed it. */
export function Breakdown({ lines }: { lines: PayoutLine[] }) {
  return (
    <View className='claim-breakdown'>
      {lines.map((l, i) => (
        <View key={i} className={`claim-breakdown__line claim-breakdown__line--${l.kind}`}>
          <Text className='claim-breakdown__label'>{l.label}</Text>
          <Text className='claim-breakdown__amount'>{l.kind === 'minus' || l.kind === 'limit' ? `−${formatFen(Math.abs(l.amount))}` : formatFen(l.amount)}</Text>
        </View>
      ))}
    </View>
  )
}

/** The big number and what is left of the year's cap. */
export function EstimateSummary({ estimate, title = '预计可得' }: { estimate: ClaimEstimateResponse; title?: string }) {
  return (
    <View className='claim-estimate'>
      <Text className='claim-estimate__title'>{title}</Text>
      <Text className='claim-estimate__amount'>{formatFen(estimate.payout)}</Text>
      {estimate.annualRemaining !== null ? (
        <Text className='uh-muted claim-estimate__note'>
          本年度还可申请 {formatFen(estimate.annualRemaining)}，本次之后剩 {formatFen(estimate.annualRemainingAfter ?? 0)}
        </Text>
      ) : null}
    </View>
  )
}
