import { Text, View } from '@tarojs/components'
import type { VenueRules } from '@unionhome/shared'
import { rulesSummary } from '../format'

/** A venue's booking rules in plain words, one chip each (提前7天开放, 每天最多约1次, …). */
export function RuleChips({ rules }: { rules: VenueRules }) {
  return (
    <View className='vn-chips'>
      {rulesSummary(rules).map((r) => (
        <Text key={r} className='vn-chip'>
          {r}
        </Text>
      ))}
    </View>
  )
}
