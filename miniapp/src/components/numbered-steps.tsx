import { Text, View } from '@tarojs/components'

/** How a service works, in a few numbered lines (1 填写… 2 上传… 3 提交…), at the top of its home page. */
export function NumberedSteps({ steps }: { steps: readonly string[] }) {
  return (
    <View className='uh-steps'>
      {steps.map((step, i) => (
        <View key={step} className='uh-steps__item'>
          <Text className='uh-steps__no'>{i + 1}</Text>
          <Text>{step}</Text>
        </View>
      ))}
    </View>
  )
}
