import { Page } from '@/components'

/** 核验会员卡 (being built on its branch; replaced before it lands). */
export default function PlaceholderPage() {
  return <Page />
}
