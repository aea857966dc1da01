import { Text, View } from '@tarojs/components'
import './hardship.css'

/** "第 2 步，共 4 步" with the step names, the current one highlighted. */
export function StepBar({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <View className='hs-steps' aria-label={`第${current + 1}步，共${steps.length}步：${steps[current]}`}>
      {steps.map((s, i) => (
        <View key={s} className={i === current ? 'hs-steps__item hs-steps__item--on' : i < current ? 'hs-steps__item hs-steps__item--done' : 'hs-steps__item'}>
          <Text className='hs-steps__no'>{i < current ? '✓' : i + 1}</Text>
          <Text className='hs-steps__name'>{s}</Text>
        </View>
      ))}
    </View>
  )
}
