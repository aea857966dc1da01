import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { MemberDetailResponse } from '@unionhome/shared'
import { fetchMember } from '@/api/membership'
import { ErrorRetry, Loading } from '@/components'
import { formatInstant } from '@/utils/format'
import { membershipStatusLabel } from '@/utils/labels'
import { decodeParam } from '@/utils/navigation'
import { OfficerGate } from '../../components/officer-gate'
import { useOfficerOrg } from '../../hooks/use-officer-org'
import { useReloadOnShow } from '../../hooks/use-reload-on-show'
import '../../components/membership.css'
import './index.css'

function Row({ label, value, onClick }: { label: string; value: string; onClick?: () => void }) {
  return (
    <View className='uh-row' role={onClick ? 'button' : undefined} onClick={onClick}>
      <Text className='uh-row__label'>{label}</Text>
      <Text className='uh-row__value member-page__value'>{value}</Text>
    </View>
  )
}

/** One member's record. Opening it is written to the audit log (who looked at whose record, when). */
export default function MemberPage() {
  const officer = useOfficerOrg()
  const [id, setId] = useState('')
  const [member, setMember] = useState<MemberDetailResponse | null>(null)
  const [error, setError] = useState<unknown>(undefined)
  const orgId = officer.org?.id

  useLoad((params: Record<string, string | undefined>) => setId(decodeParam(params?.id)))

  const load = async () => {
    if (!orgId || !id) return
    setError(undefined)
    try {
      setMember(await fetchMember(orgId, id))
    } catch (err) {
      setError(err)
    }
  }
  useReloadOnShow(orgId && id ? `${orgId}/${id}` : null, load)

  return (
    <OfficerGate officer={officer} className='member-page'>
      {() =>
        error && !member ? (
          <ErrorRetry error={error} onRetry={load} />
        ) : !member ? (
          <Loading />
        ) : (
          <>
            <View className='uh-card'>
              <Text className='uh-title'>{member.name}</Text>
              <Text className='uh-muted'>
                {member.orgName} · {membershipStatusLabel(member.status)}
              </Text>
            </View>
            <View className='uh-list'>
              <Row label='会员编号' value={member.memberNo} />
              <Row label='身份证号码' value={member.idNumberMasked || '未登记'} />
              <Row label='手机号码' value={member.phone ? `${member.phone} 拨打` : '未登记'} onClick={member.phone ? () => Taro.makePhoneCall({ phoneNumber: member.phone }) : undefined} />
              <Row label='工作单位' value={member.employer || '未填写'} />
              <Row label='职业' value={member.jobType || '未填写'} />
              <Row label='入会日期' value={member.joinedAt} />
              {member.leftAt ? <Row label='会籍结束' value={formatInstant(member.leftAt)} /> : null}
            </View>
            <Text className='uh-muted member-page__note'>为保护会员隐私，身份证号码只显示部分；每次查看会员档案都会留下记录。</Text>
          </>
        )
      }
    </OfficerGate>
  )
}
