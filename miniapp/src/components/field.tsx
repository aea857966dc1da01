import { useId, type ChangeEvent } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'

export interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** The inline problem under the input; the input turns red while it is set. */
  error?: string | null
  hint?: string
  placeholder?: string
  /** Which keyboard: 'number' for phone numbers, 'idcard' for ID numbers, 'digit' for amounts. */
  type?: 'text' | 'number' | 'idcard' | 'digit'
  /**
   * Several lines of free text (a description, a reviewer's reason): a text area with a count of
   * the characters used under it. `type`, `autoComplete` and `onConfirm` do not apply.
   */
  multiline?: boolean
  maxlength?: number
  required?: boolean
  disabled?: boolean
  /** H5 only: the browser's autofill hint, e.g. 'tel', 'name'. */
  autoComplete?: string
  onBlur?: () => void
  onConfirm?: () => void
}

const IS_H5 = process.env.TARO_ENV === 'h5'

/** The H5 keyboard for each WeChat input type. */
const INPUT_MODES = { text: 'text', number: 'numeric', idcard: 'text', digit: 'decimal' } as const

/**
 * A labelled input with its hint or inline error, sized for thumbs and older eyes.
 *
 * In H5 it is a native <input> (or <textarea>) tied to a <label>: Taro's H5 <Input> is a web
 * component that renders its real input asynchronously, keeps `maxlength` only for some types and
 * cannot be found by its label. The mini-program gets Taro's <Input> / <Textarea>, i.e. WeChat's
 * native ones.
 */
export function Field(props: FieldProps) {
  const { label, value, onChange, error, hint, placeholder, type = 'text', maxlength = 140, required, disabled, multiline } = props
  const id = useId()
  const labelContent = (
    <>
      {label}
      {required ? <Text className='uh-field__required'>*</Text> : null}
    </>
  )
  const note = error ? <Text className='uh-field__error'>{error}</Text> : hint ? <Text className='uh-field__hint'>{hint}</Text> : null
  let control
  if (IS_H5) {
    const native = {
      id,
      value,
      maxLength: maxlength,
      placeholder,
      disabled,
      'aria-invalid': error ? true : undefined,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
      onBlur: props.onBlur
    }
    control = multiline ? (
      <textarea className='uh-field__textarea' {...native} />
    ) : (
      <input
        className='uh-field__input'
        type='text'
        inputMode={INPUT_MODES[type]}
        autoComplete={props.autoComplete ?? 'off'}
        {...native}
        onKeyDown={(e) => {
          if (e.key === 'Enter') props.onConfirm?.()
        }}
      />
    )
  } else {
    const taro = { value, maxlength, placeholder, disabled: disabled || undefined, onInput: (e: { detail: { value: string } }) => onChange(e.detail.value), onBlur: props.onBlur }
    control = multiline ? (
      <Textarea className='uh-field__textarea' {...taro} />
    ) : (
      <Input className='uh-field__input' type={type} {...taro} onConfirm={props.onConfirm} />
    )
  }
  return (
    <View className={error ? 'uh-field uh-field--invalid' : 'uh-field'}>
      {IS_H5 ? (
        <label className='uh-field__label' htmlFor={id}>
          {labelContent}
        </label>
      ) : (
        <Text className='uh-field__label'>{labelContent}</Text>
      )}
      {control}
      {multiline ? (
        // The empty hint keeps the count at the right edge.
        <View className='uh-field__foot'>
          {note ?? <Text className='uh-field__hint' />}
          <Text className='uh-field__hint'>
            {value.length}/{maxlength}
          </Text>
        </View>
      ) : (
        note
      )}
    </View>
  )
}
