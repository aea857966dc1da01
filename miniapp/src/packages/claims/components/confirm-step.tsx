import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { CLAIM_DOCUMENT_INFO, formatFen, type ClaimResponse } from '@unionhome/shared'
import { fetchEstimate } from '@/api/claims'
import { ActionButton, ErrorRetry, Loading } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { Breakdown, EstimateSummary } from './breakdown'

export interface ConfirmStepProps {
  claim: ClaimResponse
  declared: boolean
  onDeclare: (v: boolean) => void
  busy: boolean
  banner: string | null
  onSubmit: () => void
  onBack: () => void
}

/** Step 3 确认提交: what comes back and why, the remaining annual amount, the declaration, submit. */
export function ConfirmStep({ claim, declared, onDeclare, busy, banner, onSubmit, onBack }: ConfirmStepProps) {
  const estimate = useRemote(() => fetchEstimate(claim.id))
  useEffect(() => {
    estimate.reload()
    // The estimate depends on what was saved in step 1, which `updatedAt` tracks.
  }, [claim.id, claim.updatedAt])

  const photos = claim.documents.filter((d) => !d.removed)
  return (
    <View>
      <View className='uh-card'>
        {estimate.loading && !estimate.data ? (
          <Loading text='正在计算…' />
        ) : estimate.error && !estimate.data ? (
          <ErrorRetry error={estimate.error} onRetry={estimate.reload} />
        ) : estimate.data ? (
          <>
            <EstimateSummary estimate={estimate.data} />
            <Text className='uh-heading claim-gap'>怎么算的</Text>
            <Breakdown lines={estimate.data.breakdown} />
            <Text className='uh-muted claim-block'>最终金额以审核结果为准。</Text>
          </>
        ) : null}
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>核对信息</Text>
        <View className='claim-kv'>
          <Text className='claim-kv__k'>保障计划</Text>
          <Text>{claim.planName}</Text>
        </View>
        <View className='claim-kv'>
          <Text className='claim-kv__k'>医院</Text>
          <Text>{claim.hospital}</Text>
        </View>
        <View className='claim-kv'>
          <Text className='claim-kv__k'>住院</Text>
          <Text>
            {claim.admissionDate} 至 {claim.dischargeDate}
          </Text>
        </View>
        <View className='claim-kv'>
          <Text className='claim-kv__k'>医疗总费用</Text>
          <Text>{formatFen(claim.totalAmount)}</Text>
        </View>
        <View className='claim-kv'>
          <Text className='claim-kv__k'>发票</Text>
          <Text>{claim.invoices.length}张</Text>
        </View>
        <View className='claim-kv'>
          <Text className='claim-kv__k'>材料照片</Text>
          <Text>
            {photos.length}张（{[...new Set(photos.map((d) => CLAIM_DOCUMENT_INFO[d.type].label))].join('、')}）
          </Text>
        </View>
      </View>

      <View className={`uh-card claim-declare ${declared ? 'claim-declare--on' : ''}`} role='checkbox' aria-checked={declared} onClick={() => onDeclare(!declared)}>
        <Text className='claim-declare__box'>{declared ? '✓' : ''}</Text>
        <Text className='claim-declare__text'>本人承诺：所填信息和上传的材料真实有效，同一次住院没有重复申请。如有不实，愿意退回互助金并承担责任。</Text>
      </View>

      {banner ? (
        <View className='claim-banner' role='alert'>
          <Text>{banner}</Text>
        </View>
      ) : null}
      <ActionButton busy={busy} disabled={!declared} onClick={onSubmit}>
        {busy ? '正在提交…' : '提交申请'}
      </ActionButton>
      {!declared ? <Text className='uh-muted claim-block claim-center'>请先阅读并勾选上面的承诺</Text> : null}
      <ActionButton kind='quiet' className='claim-gap' onClick={onBack}>
        上一步
      </ActionButton>
    </View>
  )
}
