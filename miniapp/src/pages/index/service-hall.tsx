import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SERVICE_TILES, UNDER_CONSTRUCTION, type ServiceTile } from '@/features'
import { isLoggedIn } from '@/store/session'
import { goLogin, openPage } from '@/utils/navigation'

/** Opens a tile's page, or says honestly that it is not there yet. */
export function openTile(tile: ServiceTile): void {
  if (!tile.url) {
    Taro.showModal({ title: UNDER_CONSTRUCTION.title, content: UNDER_CONSTRUCTION.content, showCancel: false, confirmText: '知道了' })
    return
  }
  if (tile.requiresLogin && !isLoggedIn()) {
    goLogin({ redirect: tile.url })
    return
  }
  openPage(tile.url).catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))
}

/** The grid of services on 首页: big tiles, icon first, one short line of explanation. */
export function ServiceHall({ tiles = SERVICE_TILES }: { tiles?: readonly ServiceTile[] }) {
  return (
    <View className='hall'>
      {tiles.map((tile) => (
        <View
          key={tile.key}
          className='hall__tile'
          hoverClass='hall__tile--pressed'
          role='button'
          aria-label={tile.title}
          onClick={() => openTile(tile)}
        >
          <Text className='uh-badge hall__icon' style={tile.color ? { background: tile.color } : undefined}>
            {tile.icon}
          </Text>
          <View className='hall__text'>
            <Text className='hall__title'>{tile.title}</Text>
            <Text className='hall__subtitle'>{tile.subtitle}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
