import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { CARD_CHECK_MESSAGES, type VerifyCardResponse } from '@unionhome/shared'
import { verifyCard } from '@/api/membership'
import { errorText } from '@/api/request'
import { ActionButton, CardQrInput, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { extractCardToken } from '@/utils/card-token'
import { membershipStatusLabel } from '@/utils/labels'
import './index.css'


type Outcome = { checked: VerifyCardResponse } | { error: string }

/**
 * 核验会员卡, a walk-in card check for officers and venue staff: scan the QR on the member's card
 * (in WeChat) or paste what it says (in a browser, where there is no scanner), and read in large
 * letters whether it is a valid card, whose, and of which union.
 */
export default function VerifyCardPage() {
  const session = useRequireLogin()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  if (!session) return <Page />

  const submit = async (raw: string): Promise<boolean> => {
    const cardToken = extractCardToken(raw)
    if (!cardToken) {
      setOutcome({ error: '请先扫描或粘贴会员卡二维码' })
      return false
    }
    setBusy(true)
    setOutcome(null)
    try {
      setOutcome({ checked: await verifyCard(cardToken) })
      return true
    } catch (err) {
      setOutcome({ error: errorText(err) })
      return false
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page className='verify-page'>
      <View className='uh-card'>
        <Text className='uh-muted verify-page__intro'>请职工打开“会员卡”，出示二维码。二维码每分钟更新，截图无效。</Text>
        <CardQrInput busy={busy} verb='核验' onSubmit={submit} />
      </View>

      {outcome ? <OutcomeCard outcome={outcome} /> : null}
      {outcome ? (
        <ActionButton kind='quiet' className='verify-page__next' onClick={() => setOutcome(null)}>
          核验下一张
        </ActionButton>
      ) : null}
    </Page>
  )
}

function OutcomeCard({ outcome }: { outcome: Outcome }) {
  if ('error' in outcome) {
    return (
      <View className='uh-card verify-result verify-result--error' role='alert'>
        <Text className='verify-result__verdict'>未能核验</Text>
        <Text className='verify-result__line'>{outcome.error}</Text>
      </View>
    )
  }
  const r = outcome.checked
  if (!r.valid) {
    const expired = r.reason === 'EXPIRED'
    return (
      <View className='uh-card verify-result verify-result--bad' role='alert'>
        <Text className='verify-result__verdict'>{expired ? '二维码已过期' : '不是有效的会员卡'}</Text>
        <Text className='verify-result__line'>{r.message || CARD_CHECK_MESSAGES[r.reason]}</Text>
        <Text className='uh-muted verify-result__line'>
          {expired ? '会员卡二维码只在1分钟内有效。请职工在手机上刷新会员卡后再出示。' : '请确认职工出示的是“职工e家”里的电子会员卡。'}
        </Text>
      </View>
    )
  }
  return (
    <View className='uh-card verify-result verify-result--ok' role='status'>
      <Text className='verify-result__verdict'>有效会员</Text>
      <Text className='verify-result__name'>{r.nameMasked || '（未填写姓名）'}</Text>
      <Text className='verify-result__line'>会员编号 {r.memberNo}</Text>
      <Text className='verify-result__line'>所在工会 {r.orgName}</Text>
      <Text className='verify-result__line'>会籍状态 {membershipStatusLabel(r.status)}</Text>
    </View>
  )
}
