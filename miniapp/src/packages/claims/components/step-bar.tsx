import { Text, View } from '@tarojs/components'

const STEPS = ['就诊信息', '上传材料', '确认提交']

/** 1 就诊信息 → 2 上传材料 → 3 确认提交, with the current step marked. */
export function StepBar({ step }: { step: 1 | 2 | 3 }) {
  return (
    <View className='claim-steps' aria-label={`第${step}步，共3步`}>
      {STEPS.map((label, i) => (
        <View key={label} className={`claim-steps__item ${i + 1 === step ? 'claim-steps__item--on' : ''} ${i + 1 < step ? 'claim-steps__item--done' : ''}`}>
          <Text className='claim-steps__no'>{i + 1 < step ? '✓' : i + 1}</Text>
          <Text className='claim-steps__label'>{label}</Text>
        </View>
      ))}
    </View>
  )
}
