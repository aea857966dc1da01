import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CLAIM_DOCUMENT_INFO, CLAIM_STATUS_LABELS, formatFen, toBusinessIso, type ClaimResponse } from '@unionhome/shared'
import { fetchClaim, fileUrl } from '@/api/claims'
import { ActionButton, ErrorRetry, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { AuthImage } from '../../components/auth-image'
import { Breakdown } from '../../components/breakdown'
import { StatusTag } from '../../components/status-tag'
import { Timeline } from '../../components/timeline'
import { previewPhotos } from '../../photos'
import { applyUrl } from '../../urls'
import '../../components/claims.css'

/** The headline of a claim: where it stands and what it means for the worker's money. */
function headline(c: ClaimResponse): { title: string; amount: number | null; note: string } {
  switch (c.status) {
    case 'draft':
      return { title: '草稿，还没有提交', amount: c.estimate.payout, note: '预计可得' }
    case 'submitted':
    case 'resubmitted':
    case 'in_review':
      return { title: CLAIM_STATUS_LABELS[c.status], amount: c.estimatePayout, note: '预计可得，以审核结果为准' }
    case 'need_documents':
      return { title: '请补充材料', amount: c.estimatePayout, note: '补好后再次提交' }
    case 'approved':
      return { title: '已通过', amount: c.approvedAmount, note: '核定金额，将打到您的银行卡' }
    case 'paid':
      return { title: '已打款', amount: c.approvedAmount, note: c.paidAt ? `${toBusinessIso(new Date(c.paidAt)).slice(0, 10)} 已打款` : '已打款' }
    case 'rejected':
      return { title: '未通过', amount: null, note: c.timeline.at(-1)?.reason ?? '' }
  }
}

/** 理赔详情: status, amount, the timeline with every reason, the papers and the calculation. */
export default function ClaimDetailPage() {
  const session = useRequireLogin()
  const { params } = useRouter()
  const claim = useRemote(() => fetchClaim(params.id ?? ''))
  useDidShow(() => {
    if (session) claim.reload()
  })
  if (!session) return <Page />
  if (claim.loading && !claim.data) return <Page><Loading /></Page>
  if (claim.error && !claim.data) return <Page><ErrorRetry error={claim.error} onRetry={claim.reload} /></Page>
  const c = claim.data!
  const head = headline(c)
  const photos = c.documents.filter((d) => !d.removed)
  const fullUrls = photos.map((d) => fileUrl(d.id, 'full'))
  return (
    <Page className='claim-detail'>
      <View className={`uh-card claim-head claim-head--${c.status}`}>
        <View className='claim-head__row'>
          <Text className='claim-head__title'>{head.title}</Text>
          <StatusTag status={c.status} />
        </View>
        {head.amount !== null ? <Text className='claim-head__amount'>{formatFen(head.amount)}</Text> : null}
        {head.note ? <Text className='uh-muted claim-block'>{head.note}</Text> : null}
        {c.status === 'need_documents' ? (
          <Text className='claim-block'>需要重新上传：{c.requestedDocuments.map((t) => CLAIM_DOCUMENT_INFO[t].label).join('、')}</Text>
        ) : null}
        {c.paidReference ? <Text className='uh-muted claim-block'>打款流水号 {c.paidReference}</Text> : null}
      </View>
      {c.editable ? (
        <ActionButton onClick={() => Taro.navigateTo({ url: applyUrl(c.id, c.status === 'need_documents' ? 2 : 1) })}>
          {c.status === 'need_documents' ? '去补充材料' : '继续填写'}
        </ActionButton>
      ) : null}

      <Text className='uh-heading claim-gap'>办理进度</Text>
      <View className='uh-card'>
        <Timeline entries={c.timeline} />
      </View>

      <Text className='uh-heading'>就诊信息</Text>
      <View className='uh-card'>
        <View className='claim-kv'><Text className='claim-kv__k'>保障计划</Text><Text>{c.planName}</Text></View>
        <View className='claim-kv'><Text className='claim-kv__k'>医院</Text><Text>{c.hospital}</Text></View>
        <View className='claim-kv'><Text className='claim-kv__k'>住院</Text><Text>{c.admissionDate} 至 {c.dischargeDate}</Text></View>
        <View className='claim-kv'><Text className='claim-kv__k'>医疗总费用</Text><Text>{formatFen(c.totalAmount)}</Text></View>
        <View className='claim-kv'><Text className='claim-kv__k'>医保统筹支付</Text><Text>{formatFen(c.insurancePaid)}</Text></View>
        {c.otherReimbursed ? <View className='claim-kv'><Text className='claim-kv__k'>其他已报销</Text><Text>{formatFen(c.otherReimbursed)}</Text></View> : null}
        {c.invoices.map((inv, i) => (
          <View key={i} className='claim-kv'>
            <Text className='claim-kv__k'>发票{i + 1}</Text>
            <Text>{inv.number} · {formatFen(inv.amount)}</Text>
          </View>
        ))}
      </View>

      <Text className='uh-heading'>怎么算的</Text>
      <View className='uh-card'>
        <Breakdown lines={c.estimate.breakdown} />
      </View>

      {photos.length ? (
        <>
          <Text className='uh-heading'>材料照片</Text>
          <View className='uh-card claim-photos'>
            {photos.map((d) => (
              <View key={d.id} className='claim-photos__cell'>
                <AuthImage url={fileUrl(d.id, 'thumb')} label={CLAIM_DOCUMENT_INFO[d.type].label} onClick={() => previewPhotos(fullUrls, fileUrl(d.id, 'full')).catch(() => undefined)} />
                <Text className='uh-muted claim-photos__caption'>{CLAIM_DOCUMENT_INFO[d.type].label}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </Page>
  )
}
