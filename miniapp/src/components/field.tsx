import { useId } from 'react'
import { Input, Text, View } from '@tarojs/components'

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
 * In H5 it is a native <input> tied to a <label>: Taro's H5 <Input> is a web component that
 * renders its real input asynchronously, keeps `maxlength` only for some types and cannot be
 * found by its label. The mini-program gets Taro's <Input>, i.e. WeChat's native input.
 */
export function Field(props: FieldProps) {
  const { label, value, onChange, error, hint, placeholder, type = 'text', maxlength = 140, required, disabled } = props
  const id = useId()
  const labelContent = (
    <>
      {label}
      {required ? <Text className='uh-field__required'>*</Text> : null}
    </>
  )
  return (
    <View className={error ? 'uh-field uh-field--invalid' : 'uh-field'}>
      {IS_H5 ? (
        <label className='uh-field__label' htmlFor={id}>
          {labelContent}
        </label>
      ) : (
        <Text className='uh-field__label'>{labelContent}</Text>
      )}
      {IS_H5 ? (
        <input
          id={id}
          className='uh-field__input'
          type='text'
          inputMode={INPUT_MODES[type]}
          autoComplete={props.autoComplete ?? 'off'}
          value={value}
          maxLength={maxlength}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
          onBlur={props.onBlur}
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onConfirm?.()
          }}
        />
      ) : (
        <Input
          className='uh-field__input'
          value={value}
          type={type}
          maxlength={maxlength}
          placeholder={placeholder}
          disabled={disabled || undefined}
          onInput={(e) => onChange(e.detail.value)}
          onBlur={props.onBlur}
          onConfirm={props.onConfirm}
        />
      )}
      {error ? <Text className='uh-field__error'>{error}</Text> : hint ? <Text className='uh-field__hint'>{hint}</Text> : null}
    </View>
  )
}
