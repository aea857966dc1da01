import { Text, View } from '@tarojs/components'
import './hardship.css'

export interface Choice<T extends string> {
  value: T
  label: string
  /** One plain sentence under the label. */
  detail?: string
}

export interface ChoiceListProps<T extends string> {
  /** Read aloud by screen readers; shown as a heading when `title` is not given separately. */
  label: string
  choices: readonly Choice<T>[]
  /** One value (radio) or several (checkboxes). */
  value: T | null | readonly T[]
  onChange: (value: T) => void
  error?: string | null
  /** Small chips in a row instead of full-width cards (short labels such as relations). */
  compact?: boolean
}

/**
 * Big tappable choices instead of a picker: everything is on screen, one tap chooses, and the
 * whole card is the touch target. `value` as an array makes it a multiple choice.
 */
export function ChoiceList<T extends string>({ label, choices, value, onChange, error, compact }: ChoiceListProps<T>) {
  const multiple = Array.isArray(value)
  const chosen = (v: T) => (multiple ? (value as readonly T[]).includes(v) : value === v)
  return (
    <View className={compact ? 'hs-choices hs-choices--compact' : 'hs-choices'} role={multiple ? 'group' : 'radiogroup'} aria-label={label}>
      {choices.map((c) => (
        <View
          key={c.value}
          className={chosen(c.value) ? 'hs-choice hs-choice--on' : 'hs-choice'}
          role={multiple ? 'checkbox' : 'radio'}
          aria-checked={chosen(c.value)}
          aria-label={c.label}
          hoverClass='hs-choice--pressed'
          onClick={() => onChange(c.value)}
        >
          <View className='hs-choice__head'>
            <Text className='hs-choice__mark'>{chosen(c.value) ? '✓' : ''}</Text>
            <Text className='hs-choice__label'>{c.label}</Text>
          </View>
          {c.detail ? <Text className='hs-choice__detail'>{c.detail}</Text> : null}
        </View>
      ))}
      {error ? <Text className='uh-field__error'>{error}</Text> : null}
    </View>
  )
}
