import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { HARDSHIP_DOCUMENT_LABELS, type HardshipDocumentType, type StoredDocumentResponse } from '@unionhome/shared'
import { downloadDocument } from '@/api/hardship'
import { showError } from '@/api/request'
import './hardship.css'

export interface DocumentThumbProps {
  doc: StoredDocumentResponse
  /** Shown when given: a 删除 link under the picture. */
  onRemove?: () => void
}

/** A stored photo's thumbnail (fetched with the session's token); a tap opens the full picture. */
export function DocumentThumb({ doc, onRemove }: DocumentThumbProps) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let live = true
    downloadDocument(doc.id, 'thumb')
      .then((path) => live && setSrc(path))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [doc.id])

  const open = async () => {
    try {
      const full = await downloadDocument(doc.id, 'full')
      await Taro.previewImage({ urls: [full], current: full })
    } catch (err) {
      showError(err)
    }
  }

  const label = HARDSHIP_DOCUMENT_LABELS[doc.type as HardshipDocumentType] ?? '材料'
  return (
    <View className='hs-doc'>
      <View className='hs-doc__frame' role='button' aria-label={`查看${label}`} onClick={open}>
        {src ? <Image className='hs-doc__img' src={src} mode='aspectFill' aria-label={label} /> : <Text className='uh-muted'>{failed ? '加载失败' : '加载中…'}</Text>}
      </View>
      <Text className='hs-doc__label'>{label}</Text>
      {onRemove ? (
        <View className='hs-doc__remove' role='button' aria-label={`删除${label}`} onClick={onRemove}>
          删除
        </View>
      ) : null}
    </View>
  )
}
