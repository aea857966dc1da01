import { Text, View } from '@tarojs/components'
import { businessDateTimeLabel, type BookingAccountResponse } from '@unionhome/shared'

/** Why booking is suspended and until when (after no-shows), in plain words. */
export function SuspensionBanner({ account }: { account: BookingAccountResponse | undefined }) {
  if (!account?.suspendedUntil) return null
  return (
    <View className='vn-alert' role='alert'>
      <Text>{`${account.reason ? `因${account.reason}，` : ''}预约功能暂停至${businessDateTimeLabel(new Date(account.suspendedUntil))}，到期后自动恢复。已有的预约不受影响。`}</Text>
    </View>
  )
}
