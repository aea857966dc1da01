import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { INVITE_STATUS_LABELS, formatInviteCode, type InviteResponse } from '@unionhome/shared'
import { createInvite, fetchInvites } from '@/api/membership'
import { newIdempotencyKey, showError } from '@/api/request'
import { Empty, ErrorRetry, Field, Loading } from '@/components'
import { formatInstant } from '@/utils/format'
import { openPage } from '@/utils/navigation'
import { ListFooter } from '../../components/list-footer'
import { OfficerGate } from '../../components/officer-gate'
import { useOfficerOrg } from '../../hooks/use-officer-org'
import { usePagedList } from '../../hooks/use-paged-list'
import { useReloadOnShow } from '../../hooks/use-reload-on-show'
import '../../components/membership.css'
import './index.css'

const INVITE_PAGE = '/packages/membership/pages/invite/index'

const DURATIONS = [
  { hours: 24, label: '1天' },
  { hours: 72, label: '3天' },
  { hours: 168, label: '7天' },
  { hours: 720, label: '30天' }
]

function statusClass(status: InviteResponse['status']): string {
  return status === 'active' ? 'ms-tag ms-tag--ok' : 'ms-tag ms-tag--off'
}

/** 入会二维码: make a new join QR code for the union, and see the ones made before. */
export default function InvitesPage() {
  const officer = useOfficerOrg()
  const orgId = officer.org?.id
  const list = usePagedList<InviteResponse>((page) => fetchInvites(orgId!, page))
  const [hours, setHours] = useState(72)
  const [maxUses, setMaxUses] = useState('')
  const [maxUsesError, setMaxUsesError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())

  useReloadOnShow(orgId, list.reload)

  const create = async () => {
    const uses = maxUses.trim()
    if (uses && !/^[1-9]\d{0,4}$/.test(uses)) {
      setMaxUsesError('请填写1到99999之间的整数，或留空表示不限')
      return
    }
    setBusy(true)
    try {
      const invite = await createInvite(orgId!, { expiresInHours: hours, ...(uses ? { maxUses: Number(uses) } : {}) }, key.current)
      key.current = newIdempotencyKey()
      setMaxUses('')
      openPage(`${INVITE_PAGE}?id=${invite.id}`)
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <OfficerGate officer={officer} className='invites-page'>
      {(org) => (
        <>
          <View className='uh-card'>
            <Text className='uh-title'>新建入会二维码</Text>
            <Text className='uh-muted invites-page__lead'>{org.name} · 职工扫码后在线填表申请，您在“入会审核”里通过。</Text>
            <Text className='uh-field__label invites-page__label'>有效期</Text>
            <View className='ms-tabs' role='radiogroup' aria-label='有效期'>
              {DURATIONS.map((d) => (
                <View key={d.hours} className={hours === d.hours ? 'ms-tab ms-tab--on' : 'ms-tab'} role='radio' aria-checked={hours === d.hours} onClick={() => setHours(d.hours)}>
                  <Text>{d.label}</Text>
                </View>
              ))}
            </View>
            <Field
              label='最多可用次数'
              type='number'
              maxlength={5}
              value={maxUses}
              placeholder='不填为不限'
              hint='例如工地有60人，可以填60；到次数后二维码自动失效'
              error={maxUsesError}
              onChange={(v) => {
                setMaxUses(v)
                setMaxUsesError(null)
              }}
            />
            <Button className='uh-btn uh-btn--primary' disabled={busy || undefined} onClick={create}>
              {busy ? '正在生成…' : '生成二维码'}
            </Button>
          </View>

          <Text className='uh-heading'>已生成的二维码</Text>
          {list.initial && list.error ? (
            <ErrorRetry error={list.error} onRetry={list.reload} />
          ) : list.initial ? (
            <Loading />
          ) : list.items.length === 0 ? (
            <Empty icon='码' text='还没有入会二维码，点上面的“生成二维码”' />
          ) : (
            <>
              {list.items.map((i) => (
                <View key={i.id} className='ms-item' hoverClass='uh-row--pressed' role='button' aria-label={`入会码 ${formatInviteCode(i.token)}`} onClick={() => openPage(`${INVITE_PAGE}?id=${i.id}`)}>
                  <Text className='ms-item__title'>
                    {formatInviteCode(i.token)}
                    <Text className={statusClass(i.status)}>{INVITE_STATUS_LABELS[i.status]}</Text>
                  </Text>
                  <Text className='ms-item__line'>有效至 {formatInstant(i.expiresAt)}</Text>
                  <Text className='ms-item__line'>
                    已用 {i.usedCount} 次{i.maxUses !== null ? ` / 共 ${i.maxUses} 次` : '（不限次数）'}
                  </Text>
                </View>
              ))}
              <ListFooter list={list} />
            </>
          )}
        </>
      )}
    </OfficerGate>
  )
}
