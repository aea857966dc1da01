/**
 * Stand-ins for `@tarojs/components` in jest: plain DOM elements, with Taro's event shapes
 * (`e.detail.value`) where pages read them. Any component not listed renders as a <div>.
 */
import { createElement, type ChangeEvent, type FocusEvent, type ReactNode } from 'react'

type Props = Record<string, any> & { children?: ReactNode }

/** Only what the DOM understands, so React does not warn about Taro-only props. */
function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'style' || k === 'id' || k === 'role' || k === 'onClick') out[k] = v
    else if (k.startsWith('aria-') || k.startsWith('data-')) out[k] = v
  }
  return out
}

const passthrough = (tag: string) =>
  function Mock(props: Props) {
    return createElement(tag, domProps(props), props.children)
  }

export const View = passthrough('div')
export const Text = passthrough('span')
export const ScrollView = passthrough('div')
export const Swiper = passthrough('div')
export const SwiperItem = passthrough('div')
export const Label = passthrough('label')
export const Block = ({ children }: Props) => <>{children}</>

export function Button(props: Props) {
  return (
    <button type='button' {...domProps(props)} disabled={Boolean(props.disabled)}>
      {props.children}
    </button>
  )
}

export function Image(props: Props) {
  return <img {...domProps(props)} src={props.src} alt={props['aria-label'] ?? ''} />
}

/** What Input and Textarea share: value and limits, and Taro's input and blur events (`e.detail.value`). */
function textProps(props: Props) {
  const { value, onInput, onBlur, maxlength, placeholder, disabled } = props
  return {
    ...domProps(props),
    value: value ?? '',
    maxLength: maxlength,
    placeholder,
    disabled: Boolean(disabled),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onInput?.({ detail: { value: e.target.value } }),
    onBlur: (e: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => onBlur?.({ detail: { value: e.target.value } })
  }
}

export function Input(props: Props) {
  return (
    <input
      {...textProps(props)}
      type={props.password ? 'password' : 'text'}
      data-type={props.type ?? 'text'}
      onKeyDown={(e) => {
        if (e.key === 'Enter') props.onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } })
      }}
    />
  )
}

export function Textarea(props: Props) {
  return <textarea {...textProps(props)} />
}

export function Switch(props: Props) {
  return (
    <input
      {...domProps(props)}
      type='checkbox'
      role='switch'
      checked={Boolean(props.checked)}
      disabled={Boolean(props.disabled)}
      onChange={(e) => props.onChange?.({ detail: { value: e.target.checked } })}
    />
  )
}

export function Checkbox(props: Props) {
  return (
    <input
      {...domProps(props)}
      type='checkbox'
      value={props.value}
      checked={Boolean(props.checked)}
      disabled={Boolean(props.disabled)}
      onChange={(e) => props.onChange?.({ detail: { value: e.target.checked } })}
    />
  )
}

/**
 * A selector Picker renders its children plus a <select> (aria-label "picker") that fires
 * Taro's onChange with the chosen index, so tests can pick a value.
 */
export function Picker(props: Props) {
  const range: unknown[] = props.range ?? []
  const label = (item: unknown) => (props.rangeKey && item && typeof item === 'object' ? (item as any)[props.rangeKey] : String(item))
  return (
    <div {...domProps(props)}>
      {props.children}
      <select
        aria-label='picker'
        value={props.value ?? ''}
        disabled={Boolean(props.disabled)}
        onChange={(e) => props.onChange?.({ detail: { value: props.mode && props.mode !== 'selector' ? e.target.value : Number(e.target.value) } })}
      >
        {range.map((item, i) => (
          <option key={i} value={i}>
            {label(item)}
          </option>
        ))}
      </select>
    </div>
  )
}

const listed: Record<string, unknown> = module.exports
module.exports = new Proxy(listed, {
  get(target, name) {
    if (name in target || typeof name !== 'string') return target[name as string]
    return passthrough('div')
  }
})
