import { ScrollView, Text, View } from '@tarojs/components'
import type { StripDay } from '../format'

export interface DayStripProps {
  days: StripDay[]
  selected: string
  onSelect: (date: string) => void
}

/** The next days as big buttons: 今天 / 明天 / 后天 / 周X with the date under it. */
export function DayStrip({ days, selected, onSelect }: DayStripProps) {
  return (
    <ScrollView className='vn-days' scrollX enhanced showScrollbar={false}>
      {days.map((d) => (
        <View
          key={d.date}
          className={d.date === selected ? 'vn-day vn-day--on' : 'vn-day'}
          role='button'
          aria-label={`${d.label} ${d.short}`}
          aria-pressed={d.date === selected}
          onClick={() => onSelect(d.date)}
        >
          <Text className='vn-day__label'>{d.label}</Text>
          <Text className='vn-day__date'>{d.short}</Text>
        </View>
      ))}
    </ScrollView>
  )
}
