import type { ReactNode } from 'react'
import { Button } from '@tarojs/components'

export interface ActionButtonProps {
  children: ReactNode
  onClick?: () => void
  /** primary: the one main action of a screen; plain: outlined red; quiet: grey outline (退出登录). */
  kind?: 'primary' | 'plain' | 'quiet'
  /**
   * While true the button is disabled, so a double tap sends nothing twice. Say what is happening
   * in the label ('正在登录…'): Taro's `loading` spinner breaks the H5 button when its text changes.
   */
  busy?: boolean
  disabled?: boolean
  className?: string
}

/** A full-width, thumb-sized button (≥ 96 design px tall, taller in 长辈模式). */
export function ActionButton({ children, onClick, kind = 'primary', busy, disabled, className }: ActionButtonProps) {
  const classes = ['uh-btn', kind === 'plain' ? '' : `uh-btn--${kind}`, className ?? ''].filter(Boolean).join(' ')
  return (
    <Button
      className={classes}
      // `disabled={false}` reaches Taro's H5 button as the attribute disabled="false", which greys it
      // out: leave the attribute off unless the button really is disabled.
      disabled={busy || disabled || undefined}
      onClick={onClick}
    >
      {children}
    </Button>
  )
}
