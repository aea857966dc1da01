import { DEFAULT_VENUE_RULES, VENUE_RULE_RANGES, type VenueRules } from '@unionhome/shared'

/** The staff's rules form: text inputs in, checked VenueRules out (blank limit = no limit). */

export type NumberRule = keyof typeof VENUE_RULE_RANGES
export type RulesForm = Record<NumberRule, string> & Pick<VenueRules, 'membersOnly' | 'noShowCounts' | 'waitlist'>

export const NUMBER_RULES: Array<{ key: NumberRule; label: string; unit: string; optional?: boolean }> = [
  { key: 'capacity', label: '每个时段名额', unit: '人' },
  { key: 'opensDaysAhead', label: '提前几天开放预约', unit: '天' },
  { key: 'opensAtHour', label: '几点开放预约（0–23）', unit: '点' },
  { key: 'maxPerDay', label: '每人每天最多预约', unit: '次', optional: true },
  { key: 'maxPerWeek', label: '每人每周最多预约', unit: '次', optional: true },
  { key: 'cancelCutoffHours', label: '开始前几小时截止取消', unit: '小时' },
  { key: 'noShowGraceMinutes', label: '开始后几分钟未签到算未到场', unit: '分钟' }
]

export function rulesToForm(rules: VenueRules = DEFAULT_VENUE_RULES): RulesForm {
  const text = (n: number | null) => (n === null ? '' : String(n))
  return {
    capacity: text(rules.capacity),
    opensDaysAhead: text(rules.opensDaysAhead),
    opensAtHour: text(rules.opensAtHour),
    maxPerDay: text(rules.maxPerDay),
    maxPerWeek: text(rules.maxPerWeek),
    cancelCutoffHours: text(rules.cancelCutoffHours),
    noShowGraceMinutes: text(rules.noShowGraceMinutes),
    membersOnly: rules.membersOnly,
    noShowCounts: rules.noShowCounts,
    waitlist: rules.waitlist
  }
}

/** The rules, or the problem of each field in Chinese. */
export function formToRules(form: RulesForm): { rules: VenueRules } | { problems: Partial<Record<NumberRule, string>> } {
  const problems: Partial<Record<NumberRule, string>> = {}
  const values: Partial<Record<NumberRule, number | null>> = {}
  for (const { key, unit, optional } of NUMBER_RULES) {
    const raw = form[key].trim()
    const [min, max] = VENUE_RULE_RANGES[key]
    if (raw === '' && optional) {
      values[key] = null
      continue
    }
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems[key] = raw === '' ? '请填写' : `应为${min}到${max}${unit}的整数${optional ? '，不限请留空' : ''}`
      continue
    }
    values[key] = Number(raw)
  }
  if (Object.keys(problems).length) return { problems }
  return {
    rules: {
      capacity: values.capacity as number,
      opensDaysAhead: values.opensDaysAhead as number,
      opensAtHour: values.opensAtHour as number,
      maxPerDay: values.maxPerDay ?? null,
      maxPerWeek: values.maxPerWeek ?? null,
      cancelCutoffHours: values.cancelCutoffHours as number,
      noShowGraceMinutes: values.noShowGraceMinutes as number,
      membersOnly: form.membersOnly,
      noShowCounts: form.noShowCounts,
      waitlist: form.waitlist
    }
  }
}
