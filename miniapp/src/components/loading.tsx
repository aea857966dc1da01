import { Text, View } from '@tarojs/components'

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='uh-state' aria-busy='true'>
      <View className='uh-spinner' />
      <Text>{text}</Text>
    </View>
  )
}
