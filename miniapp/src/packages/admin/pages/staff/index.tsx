import { Page } from '@/components'

/** 人员与权限 (being built on its branch; replaced before it lands). */
export default function PlaceholderPage() {
  return <Page />
}
