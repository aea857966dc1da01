import { Page } from '@/components'

/** 工会组织 (being built on its branch; replaced before it lands). */
export default function PlaceholderPage() {
  return <Page />
}
