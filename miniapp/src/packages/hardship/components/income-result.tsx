import { Text, View } from '@tarojs/components'
import { formatFen, type IncomeTestResult } from '@unionhome/shared'
import './hardship.css'

export interface IncomeResultProps {
  result: IncomeTestResult | null
  /** The region the standard belongs to, e.g. 越城区. */
  regionName: string
  /** The region's standard, shown even before the result can be computed; null while loading. */
  minimumLiving: number | null
  /** What to say while the result cannot be computed yet. */
  pending?: string
}

/**
 * The income test in words: how the per-capita income is made up, the standard it is compared
 * with, and the verdict. Shown live under the household form and again on the case pages.
 */
export function IncomeResult({ result, regionName, minimumLiving, pending = '填好每位家庭成员的月收入后，这里会算出家庭人均月收入。' }: IncomeResultProps) {
  const standard = result?.minimumLiving ?? minimumLiving
  return (
    <View className={result ? (result.belowMinimum ? 'hs-income hs-income--below' : 'hs-income hs-income--above') : 'hs-income'} aria-live='polite'>
      <Text className='hs-income__title'>收入测算</Text>
      {result ? (
        <>
          <View className='hs-income__row'>
            <Text>家庭月收入合计</Text>
            <Text>{formatFen(result.householdIncome)}</Text>
          </View>
          <View className='hs-income__row'>
            <Text>减去每月必要支出</Text>
            <Text>{formatFen(result.necessaryExpenses)}</Text>
          </View>
          <View className='hs-income__row'>
            <Text>除以家庭人数</Text>
            <Text>{result.householdSize} 人</Text>
          </View>
          <View className='hs-income__row hs-income__row--strong'>
            <Text>家庭人均月收入</Text>
            <Text>{formatFen(result.perCapitaIncome)}</Text>
          </View>
        </>
      ) : (
        <Text className='hs-income__pending'>{pending}</Text>
      )}
      <View className='hs-income__row'>
        <Text>{regionName ? `${regionName}低保标准` : '当地低保标准'}</Text>
        <Text>{standard === null ? '请先选择所在地区' : `${formatFen(standard)} / 月`}</Text>
      </View>
      {result ? (
        <Text className='hs-income__verdict'>{result.belowMinimum ? '低于当地低保标准' : '不低于当地低保标准'}</Text>
      ) : null}
      {result && !result.belowMinimum ? (
        <Text className='hs-income__note'>不低于低保标准也可以申请：遭遇重大疾病、灾害、事故等情况，工会会综合考虑。</Text>
      ) : null}
    </View>
  )
}
