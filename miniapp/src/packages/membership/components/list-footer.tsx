import { Button, Text, View } from '@tarojs/components'
import type { PagedList } from '../hooks/use-paged-list'

/** Under a paged list: a big 加载更多 button while there is more, else a quiet end line. */
export function ListFooter({ list, endText = '没有更多了' }: { list: Pick<PagedList<unknown>, 'hasMore' | 'loading' | 'more' | 'items' | 'total'>; endText?: string }) {
  return (
    <View className='ms-list-footer'>
      {list.hasMore ? (
        <Button className='uh-btn uh-btn--quiet' disabled={list.loading || undefined} onClick={() => list.more()}>
          {list.loading ? '正在加载…' : `加载更多（已显示 ${list.items.length} / ${list.total}）`}
        </Button>
      ) : (
        <Text className='uh-muted'>{endText}</Text>
      )}
    </View>
  )
}
