import { Text, View } from '@tarojs/components'
import { ActionButton } from './action-button'

export interface EmptyProps {
  text: string
  /** One character shown in a grey circle above the text, e.g. '信' for no messages. */
  icon?: string
  /** An optional next step, e.g. 登录. */
  action?: { text: string; onClick: () => void }
}

export function Empty({ text, icon, action }: EmptyProps) {
  return (
    <View className='uh-state'>
      {icon ? <Text className='uh-badge uh-badge--muted uh-state__icon'>{icon}</Text> : null}
      <Text className='uh-state__text'>{text}</Text>
      {action ? (
        <ActionButton onClick={action.onClick}>{action.text}</ActionButton>
      ) : null}
    </View>
  )
}
