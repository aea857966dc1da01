import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatFen, type ClaimSummaryResponse } from '@unionhome/shared'
import { fetchCoverage, fetchMyClaims } from '@/api/claims'
import { ActionButton, ErrorRetry, Loading, NumberedSteps, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { formatInstant } from '@/utils/format'
import { StatusTag } from '../../components/status-tag'
import { applyUrl, COVERAGE_PAGE, detailUrl } from '../../urls'
import '../../components/claims.css'

const HOW = ['填写住院和发票信息，马上看到预计能拿多少', '拍照上传身份证、出院小结、结算单和发票', '确认提交，审核和打款每一步都会通知您']

/** 医疗互助: start a claim, resume a draft, follow the others, see 我的保障. */
export default function ClaimsHomePage() {
  const session = useRequireLogin()
  const data = useRemote(async () => {
    const [coverage, claims] = await Promise.all([fetchCoverage(), fetchMyClaims(undefined, 1, 50)])
    return { coverage, claims: claims.data }
  })
  useDidShow(() => {
    if (session) data.reload()
  })
  if (!session) return <Page />
  const go = (url: string) => Taro.navigateTo({ url })
  const open = (c: ClaimSummaryResponse) => go(c.status === 'draft' ? applyUrl(c.id) : detailUrl(c.id))

  const drafts = data.data?.claims.filter((c) => c.status === 'draft') ?? []
  const others = data.data?.claims.filter((c) => c.status !== 'draft') ?? []
  const cover = data.data?.coverage[0]

  return (
    <Page className='claims-home'>
      <View className='uh-card'>
        <Text className='uh-title'>职工医疗互助</Text>
        <Text className='uh-muted claim-block'>住院看病花了钱，出院后在手机上三步申请互助金，提交前就知道能拿多少、怎么算的。</Text>
        <NumberedSteps steps={HOW} />
      </View>

      {data.loading && !data.data ? (
        <Loading />
      ) : data.error && !data.data ? (
        <ErrorRetry error={data.error} onRetry={data.reload} />
      ) : (
        <>
          {cover ? (
            <ActionButton onClick={() => go(applyUrl())}>申请理赔</ActionButton>
          ) : (
            <View className='claim-banner'>
              <Text>您还没有参加医疗互助保障计划。请联系所在工会办理参保，参保后就能在这里申请。</Text>
            </View>
          )}

          <View className='uh-list claim-gap'>
            <View className='uh-row' hoverClass='uh-row--pressed' role='button' onClick={() => go(COVERAGE_PAGE)}>
              <Text className='uh-row__label'>我的保障</Text>
              <Text className='uh-row__value'>{cover ? (cover.remaining !== null ? `还可申请 ${formatFen(cover.remaining)}` : cover.planName) : '未参保'}</Text>
              <Text className='uh-row__arrow'>›</Text>
            </View>
          </View>

          {drafts.length ? (
            <>
              <Text className='uh-heading claim-gap'>没填完的申请</Text>
              {drafts.map((c) => (
                <ClaimRow key={c.id} claim={c} onOpen={() => open(c)} />
              ))}
            </>
          ) : null}

          <Text className='uh-heading claim-gap'>我的理赔</Text>
          {others.length ? others.map((c) => <ClaimRow key={c.id} claim={c} onOpen={() => open(c)} />) : <Text className='uh-muted claim-block'>还没有提交过理赔申请。</Text>}
        </>
      )}
    </Page>
  )
}

function ClaimRow({ claim, onOpen }: { claim: ClaimSummaryResponse; onOpen: () => void }) {
  const amount = claim.approvedAmount ?? claim.estimatePayout
  return (
    <View className='uh-card claim-row' hoverClass='uh-row--pressed' role='button' aria-label={`${claim.hospital} ${claim.admissionDate}`} onClick={onOpen}>
      <View className='claim-row__top'>
        <Text className='claim-row__title'>{claim.hospital}</Text>
        <StatusTag status={claim.status} />
      </View>
      <Text className='uh-muted claim-block'>
        住院 {claim.admissionDate} 至 {claim.dischargeDate} · 费用 {formatFen(claim.totalAmount)}
      </Text>
      <Text className='claim-block'>
        {claim.approvedAmount !== null ? '核定金额 ' : '预计可得 '}
        <Text className='claim-row__amount'>{formatFen(amount)}</Text>
      </Text>
      <Text className='uh-muted claim-block'>{claim.status === 'draft' ? `保存于 ${formatInstant(claim.updatedAt)}，点此继续填写` : `提交于 ${formatInstant(claim.submittedAt ?? claim.updatedAt)}`}</Text>
    </View>
  )
}
