import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useElderMode } from '@/store/elder'

export interface PageProps {
  children?: ReactNode
  className?: string
  /** false for pages that draw edge to edge (a banner, a full-width list). */
  padded?: boolean
}

/**
 * The root of every page: standard padding and background, and the `elder` class when
 * 长辈模式 is on, which enlarges every text and button size that reads the app.css variables.
 */
export function Page({ children, className, padded = true }: PageProps) {
  const [elder] = useElderMode()
  const classes = ['uh-page', padded ? '' : 'uh-page--flush', elder ? 'elder' : '', className ?? '']
  return <View className={classes.filter(Boolean).join(' ')}>{children}</View>
}
