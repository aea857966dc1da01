import { Page } from '@/components'

/** 授予权限 (being built on its branch; replaced before it lands). */
export default function PlaceholderPage() {
  return <Page />
}
