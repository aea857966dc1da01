import { Text, View } from '@tarojs/components'
import { slotBadge, type SlotResponse } from '@unionhome/shared'
import { ActionButton } from '@/components'
import { slotTime } from '../format'

export interface SlotCardProps {
  slot: SlotResponse
  waitlistOn: boolean
  busy?: boolean
  onBook: (slot: SlotResponse, waitlist: boolean) => void
  onOpenMine: () => void
}

/**
 * One slot: its time, how many booked, the badge (可约 / 余N / 已满 / 候补N / 未开放 / 已结束) and
 * the one thing the worker can do with it.
 */
export function SlotCard({ slot, waitlistOn, busy, onBook, onOpenMine }: SlotCardProps) {
  let action
  if (slot.mine?.status === 'waitlisted') {
    action = (
      <View className='vn-tag vn-tag--wait' role='button' onClick={onOpenMine}>
        <Text>候补第{slot.mine.position ?? '?'}位</Text>
      </View>
    )
  } else if (slot.mine) {
    action = (
      <View className='vn-tag' role='button' onClick={onOpenMine}>
        <Text>{slot.mine.status === 'checked_in' ? '已签到' : '我已预约'}</Text>
      </View>
    )
  } else if (slot.status === 'open') {
    action = (
      <ActionButton busy={busy} onClick={() => onBook(slot, false)}>
        预约
      </ActionButton>
    )
  } else if (slot.status === 'full' && waitlistOn) {
    action = (
      <ActionButton kind='plain' busy={busy} onClick={() => onBook(slot, true)}>
        排队候补
      </ActionButton>
    )
  }
  return (
    <View className='uh-card vn-slot' data-slot={slot.id}>
      <SlotInfo slot={slot} />
      <View className='vn-slot__side'>
        <SlotBadge slot={slot} waitlistOn={waitlistOn} />
        {action}
      </View>
    </View>
  )
}

/** The slot's time and how many have booked (and wait), as workers and staff both see it. */
export function SlotInfo({ slot }: { slot: SlotResponse }) {
  return (
    <View className='vn-slot__info'>
      <Text className='vn-slot__time'>{slotTime(slot)}</Text>
      <Text className='uh-muted vn-line'>
        已约 {slot.booked}/{slot.capacity}
        {slot.waitlisted ? ` · 候补 ${slot.waitlisted} 人` : ''}
      </Text>
    </View>
  )
}

/** 可约 / 余N / 已满 / 候补N / 未开放 / 已结束, coloured by how easy the slot is to get. */
export function SlotBadge({ slot, waitlistOn }: { slot: SlotResponse; waitlistOn: boolean }) {
  const badge = slotBadge(slot, waitlistOn)
  return <Text className={`vn-badge vn-badge--${badge.tone}`}>{badge.text}</Text>
}
