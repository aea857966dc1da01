import { Text, View } from '@tarojs/components'
import { errorText } from '@/api/api-error'
import { ActionButton } from './action-button'

export interface ErrorRetryProps {
  error: unknown
  onRetry: () => void
}

/** A failed load: what went wrong in plain words, and one big button to try again. */
export function ErrorRetry({ error, onRetry }: ErrorRetryProps) {
  return (
    <View className='uh-state' role='alert'>
      <Text className='uh-badge uh-state__icon'>!</Text>
      <Text className='uh-state__text'>{errorText(error)}</Text>
      <ActionButton onClick={onRetry}>重新加载</ActionButton>
    </View>
  )
}
