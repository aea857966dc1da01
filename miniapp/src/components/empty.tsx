import { Button, Text, View } from '@tarojs/components'

export interface EmptyProps {
  text: string
  icon?: string
  /** An optional next step, e.g. 去登录. */
  action?: { text: string; onClick: () => void }
}

export function Empty({ text, icon = '📭', action }: EmptyProps) {
  return (
    <View className='uh-state'>
      <Text className='uh-state__icon'>{icon}</Text>
      <Text className='uh-state__text'>{text}</Text>
      {action ? (
        <Button className='uh-btn uh-btn--primary' onClick={action.onClick}>
          {action.text}
        </Button>
      ) : null}
    </View>
  )
}
