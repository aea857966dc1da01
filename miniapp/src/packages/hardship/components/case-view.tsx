import { Text, View } from '@tarojs/components'
import {
  AID_TYPE_LABELS,
  formatFen,
  HARDSHIP_STATUS_LABELS,
  maskIdNumber,
  SITUATION_LABELS,
  type HardshipApplicationResponse
} from '@unionhome/shared'
import { DocumentThumb } from './document-thumb'
import { IncomeResult } from './income-result'
import { Timeline } from './timeline'
import './hardship.css'

/** The status in a coloured banner; an approved case shows its archive number large. */
export function StatusBanner({ app }: { app: HardshipApplicationResponse }) {
  return (
    <View className={`uh-card hs-status hs-status--${app.status}`}>
      <Text className='hs-status__label'>{HARDSHIP_STATUS_LABELS[app.status]}</Text>
      {app.status === 'approved' && app.archiveNo ? (
        <View className='hs-status__archive'>
          <Text className='uh-muted'>困难职工档案编号</Text>
          <Text className='hs-status__no'>{app.archiveNo}</Text>
          <Text className='hs-status__line'>帮扶类型：{app.aidTypes.map((t) => AID_TYPE_LABELS[t]).join('、')}</Text>
          {app.recheckDue ? <Text className='hs-status__line'>复核日期：{app.recheckDue} 前后，工会会再核实家庭情况</Text> : null}
        </View>
      ) : null}
    </View>
  )
}

/**
 * Everything about a case, for the applicant (their own data) and for staff (ID numbers masked by
 * the BFF). On screen ID numbers are always masked, also for the applicant: a phone is easily overlooked.
 */
export function CaseView({ app }: { app: HardshipApplicationResponse }) {
  return (
    <>
      <View className='uh-card'>
        <Text className='uh-heading'>困难情况</Text>
        <View className='hs-facts'>
          <Fact label='情形' value={SITUATION_LABELS[app.situation]} />
          <Fact label='所在地区' value={app.regionName || app.regionCode} />
          <Fact label='初审工会' value={app.orgName} />
          {app.applicant ? <Fact label='申请人' value={`${app.applicant.name} ${app.applicant.phoneMasked}`} /> : null}
        </View>
        <Text className='hs-description'>{app.description || '（还没有填写情况说明）'}</Text>
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>家庭成员（{app.household.length}人）</Text>
        {app.household.map((m, i) => (
          <View key={`${m.idNumber}-${i}`} className='hs-member'>
            <Text className='hs-member__who'>
              {m.relation} · {m.name}
            </Text>
            <Text className='uh-muted'>{m.idNumber.includes('*') ? m.idNumber : maskIdNumber(m.idNumber)}</Text>
            <Text className='hs-member__income'>月收入 {formatFen(m.monthlyIncome)}</Text>
          </View>
        ))}
        <Text className='uh-muted'>每月必要支出：{formatFen(app.monthlyNecessaryExpenses)}</Text>
      </View>

      <IncomeResult result={app.incomeTest} regionName={app.regionName} minimumLiving={app.minimumLiving} pending='还没有填写家庭成员和收入。' />

      <View className='uh-card'>
        <Text className='uh-heading'>证明材料（{app.documents.length}份）</Text>
        {app.documents.length ? (
          <View className='hs-docs'>
            {app.documents.map((d) => (
              <DocumentThumb key={d.id} doc={d} />
            ))}
          </View>
        ) : (
          <Text className='uh-muted'>没有上传材料</Text>
        )}
        <Text className='uh-muted'>家庭财产核查授权：{app.assetCheckConsent ? '已授权' : '未授权'}</Text>
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>办理进度</Text>
        <Timeline entries={app.timeline} />
      </View>
    </>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='hs-fact'>
      <Text className='hs-fact__label'>{label}</Text>
      <Text className='hs-fact__value'>{value}</Text>
    </View>
  )
}
