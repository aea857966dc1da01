import { Page } from '@/components'

/** 操作日志 (being built on its branch; replaced before it lands). */
export default function PlaceholderPage() {
  return <Page />
}
