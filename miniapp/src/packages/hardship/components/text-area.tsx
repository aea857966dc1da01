import { useId } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import './hardship.css'

export interface TextAreaProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxlength: number
  error?: string | null
  hint?: string
  required?: boolean
}

const IS_H5 = process.env.TARO_ENV === 'h5'

/** A labelled multi-line input (a native <textarea> in H5, as Field uses a native <input>), with a character count. */
export function TextArea({ label, value, onChange, placeholder, maxlength, error, hint, required }: TextAreaProps) {
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
        <textarea
          id={id}
          className='hs-textarea'
          value={value}
          maxLength={maxlength}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Textarea className='hs-textarea' value={value} maxlength={maxlength} placeholder={placeholder} onInput={(e) => onChange(e.detail.value)} />
      )}
      <View className='hs-textarea__foot'>
        {error ? <Text className='uh-field__error'>{error}</Text> : <Text className='uh-field__hint'>{hint ?? ''}</Text>}
        <Text className='uh-field__hint'>
          {value.length}/{maxlength}
        </Text>
      </View>
    </View>
  )
}
