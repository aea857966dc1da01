import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { fenToYuan, formatFen, REGION_CODE_PATTERN, yuanToFen, type RegionResponse } from '@unionhome/shared'
import { fetchRegions, saveRegion } from '@/api/hardship'
import { isApiError, showError } from '@/api/request'
import { ActionButton, Empty, ErrorRetry, Field, Loading, Page } from '@/components'
import { useRemote } from '@/hooks/use-remote'
import { useRequireLogin } from '@/hooks/use-require-login'
import { formatInstant } from '@/utils/format'
import '../../components/hardship.css'

interface Draft {
  code: string
  name: string
  amount: string
  isNew: boolean
}

/** Checks the admin's input; returns the problems by field (empty when it can be saved). */
function regionProblems(d: Draft): Record<string, string> {
  const problems: Record<string, string> = {}
  if (!REGION_CODE_PATTERN.test(d.code)) problems.code = '地区代码应为6位数字，如 330602'
  if (!d.name.trim()) problems.name = '请填写地区名称'
  if (yuanToFen(d.amount) === null) problems.minimumLiving = '请填写金额（元），如 1150'
  return problems
}

/** The city admin's table of regions and their monthly minimum living standards (低保标准). */
export default function RegionsPage() {
  const session = useRequireLogin()
  const remote = useRemote(fetchRegions)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useDidShow(() => {
    if (session) remote.reload()
  })

  if (!session) return <Page />

  const edit = (r: RegionResponse) => {
    setErrors({})
    setDraft({ code: r.code, name: r.name, amount: fenToYuan(r.minimumLiving), isNew: false })
  }

  const save = async () => {
    if (!draft) return
    const problems = regionProblems(draft)
    setErrors(problems)
    if (Object.keys(problems).length) return
    const fen = yuanToFen(draft.amount)!
    const { confirm } = await Taro.showModal({
      title: '保存低保标准',
      content: `${draft.name.trim()}：每月 ${formatFen(fen)}。保存后，还在填写的申请按新标准测算；已提交的申请仍按提交时的标准。`,
      confirmText: '保存',
      cancelText: '再看看'
    })
    if (!confirm) return
    setBusy(true)
    try {
      await saveRegion(draft.code, { name: draft.name.trim(), minimumLiving: fen })
      Taro.showToast({ title: '已保存', icon: 'success' })
      setDraft(null)
      remote.reload()
    } catch (err) {
      if (isApiError(err)) setErrors(err.fields)
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  const form = draft ? (
    <View className='uh-card'>
      <Text className='uh-heading'>{draft.isNew ? '新增地区' : `修改：${draft.name}`}</Text>
      {draft.isNew ? <Field label='地区代码' required type='number' maxlength={6} value={draft.code} placeholder='6位行政区划代码' error={errors.code} onChange={(v) => setDraft({ ...draft, code: v.trim() })} /> : null}
      <Field label='地区名称' required value={draft.name} maxlength={50} error={errors.name} onChange={(v) => setDraft({ ...draft, name: v })} />
      <Field label='每月低保标准（元）' required type='digit' value={draft.amount} maxlength={12} error={errors.minimumLiving} onChange={(v) => setDraft({ ...draft, amount: v })} />
      <View className='hs-actions'>
        <ActionButton busy={busy} onClick={save}>
          {busy ? '正在保存…' : '保存'}
        </ActionButton>
        <ActionButton kind='quiet' disabled={busy} onClick={() => setDraft(null)}>
          取消
        </ActionButton>
      </View>
    </View>
  ) : null

  const list = remote.data
  return (
    <Page className='regions-page'>
      <Text className='uh-title hs-page-title'>各地区低保标准</Text>
      <Text className='hs-note'>困难帮扶申请用它测算家庭人均收入是否低于当地标准。点一个地区即可修改。</Text>
      {form}
      {!list ? (
        remote.error ? <ErrorRetry error={remote.error} onRetry={remote.reload} /> : <Loading />
      ) : list.length === 0 ? (
        <Empty text='还没有地区' />
      ) : (
        <View className='uh-list'>
          {list.map((r) => (
            <View key={r.code} className='uh-row' hoverClass='uh-row--pressed' role='button' aria-label={`修改${r.name}`} onClick={() => edit(r)}>
              <View className='uh-row__label'>
                <Text className='hs-list-item__title'>{r.name}</Text>
                <Text className='uh-muted hs-list-item__line'>
                  {r.code} · 更新于 {formatInstant(r.updatedAt)}
                </Text>
              </View>
              <Text className='uh-row__value'>{formatFen(r.minimumLiving)}/月</Text>
              <Text className='uh-row__arrow'>›</Text>
            </View>
          ))}
        </View>
      )}
      {!draft ? (
        <ActionButton kind='plain' onClick={() => setDraft({ code: '', name: '', amount: '', isNew: true })}>
          ＋ 新增地区
        </ActionButton>
      ) : null}
    </Page>
  )
}
