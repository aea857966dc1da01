import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { protectedImage } from '../photos'

export interface AuthImageProps {
  url: string
  label: string
  className?: string
  onClick?: () => void
}

/** A photo served by the BFF behind the login (thumbnails in lists); a quiet placeholder while it loads. */
export function AuthImage({ url, label, className, onClick }: AuthImageProps) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    setFailed(false)
    protectedImage(url).then(
      (path) => live && setSrc(path),
      () => live && setFailed(true)
    )
    return () => {
      live = false
    }
  }, [url])
  return (
    <View className={`claim-photo ${className ?? ''}`} onClick={onClick} role={onClick ? 'button' : undefined} aria-label={label}>
      {src ? <Image className='claim-photo__img' src={src} mode='aspectFill' aria-label={label} /> : <Text className='claim-photo__placeholder'>{failed ? '加载失败' : '加载中'}</Text>}
    </View>
  )
}
