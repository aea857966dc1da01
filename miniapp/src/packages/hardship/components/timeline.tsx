import { Text, View } from '@tarojs/components'
import type { HardshipStatus, HardshipTimelineEntry } from '@unionhome/shared'
import { formatInstant } from '@/utils/format'
import './hardship.css'

/** Each step in the words the applicant reads. */
const STEP_TEXT: Record<HardshipStatus, string> = {
  draft: '填写申请（草稿）',
  submitted: '提交申请',
  returned: '工会初审：退回修改',
  checked: '工会初审：通过',
  approved: '帮扶中心审批：批准',
  rejected: '帮扶中心审批：不批准'
}

export function stepText(e: Pick<HardshipTimelineEntry, 'status'>, index: number, all: readonly Pick<HardshipTimelineEntry, 'status'>[]): string {
  if (e.status === 'submitted' && all.slice(0, index).some((x) => x.status === 'submitted')) return '修改后重新提交'
  return STEP_TEXT[e.status]
}

/** The case's steps, oldest first, each with when and (for a return or a refusal) why. */
export function Timeline({ entries }: { entries: readonly HardshipTimelineEntry[] }) {
  return (
    <View className='hs-timeline'>
      {entries.map((e, i) => (
        <View key={`${e.status}-${e.at}-${i}`} className={i === entries.length - 1 ? 'hs-timeline__item hs-timeline__item--last' : 'hs-timeline__item'}>
          <View className='hs-timeline__dot' />
          <View className='hs-timeline__body'>
            <Text className='hs-timeline__what'>{stepText(e, i, entries)}</Text>
            <Text className='uh-muted'>{formatInstant(e.at)}</Text>
            {e.reason ? <Text className='hs-timeline__reason'>意见：{e.reason}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
