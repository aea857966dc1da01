import { Input, Text, View } from '@tarojs/components'

export interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** The inline problem under the input; the input turns red while it is set. */
  error?: string | null
  hint?: string
  placeholder?: string
  /** WeChat keyboard: 'number' for phone numbers, 'idcard' for ID numbers, 'digit' for amounts. */
  type?: 'text' | 'number' | 'idcard' | 'digit'
  maxlength?: number
  required?: boolean
  disabled?: boolean
  onBlur?: () => void
  onConfirm?: () => void
}

/** A labelled input with its hint or inline error, sized for thumbs and older eyes. */
export function Field(props: FieldProps) {
  const { label, value, onChange, error, hint, placeholder, type = 'text', maxlength, required, disabled } = props
  return (
    <View className={error ? 'uh-field uh-field--invalid' : 'uh-field'}>
      <Text className='uh-field__label'>
        {label}
        {required ? <Text className='uh-field__required'>*</Text> : null}
      </Text>
      <Input
        className='uh-field__input'
        aria-label={label}
        value={value}
        type={type}
        maxlength={maxlength ?? 140}
        placeholder={placeholder}
        disabled={disabled}
        onInput={(e) => onChange(e.detail.value)}
        onBlur={props.onBlur}
        onConfirm={props.onConfirm}
      />
      {error ? (
        <Text className='uh-field__error'>{error}</Text>
      ) : hint ? (
        <Text className='uh-field__hint'>{hint}</Text>
      ) : null}
    </View>
  )
}
