import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { CLAIM_DOCUMENT_INFO, CLAIM_DOCUMENT_TYPES, type ClaimDocumentType, type ClaimResponse, type StoredDocumentResponse } from '@unionhome/shared'
import { ApiError, errorText } from '@/api/api-error'
import { deleteClaimDocument, fileUrl, uploadClaimDocument } from '@/api/claims'
import { ActionButton } from '@/components'
import { pickPhotos, previewPhotos } from '../photos'
import { AuthImage } from './auth-image'

export interface PhotoItem {
  key: string
  type: ClaimDocumentType
  status: 'uploading' | 'failed' | 'done'
  progress: number
  /** The photo on the phone (kept so a failed upload can be retried without picking it again). */
  localPath?: string
  doc?: StoredDocumentResponse
  error?: string
  /** A stored photo this one replaces once it has arrived. */
  replaces?: string
}

/** At most this many uploads at once (WeChat allows 10 network tasks in all). */
const PARALLEL_UPLOADS = 3

let seq = 0
const nextKey = () => `p${Date.now().toString(36)}${(seq++).toString(36)}`

/** What a failed upload says: the BFF's own sentence for a refused photo (it names HEIC, size…). */
export function uploadErrorText(err: unknown): string {
  if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.message) return err.message
  return errorText(err)
}

export function itemsFromClaim(claim: ClaimResponse): PhotoItem[] {
  return claim.documents.filter((d) => !d.removed).map((d) => ({ key: d.id, type: d.type, status: 'done' as const, progress: 100, doc: d }))
}

export interface PhotoChecklistProps {
  claim: ClaimResponse
  /** The papers still missing, as the BFF last said (422 DOCUMENTS_MISSING). */
  serverMissing: ClaimDocumentType[] | null
  onNext: () => void
  onBack: () => void
}

/**
 * Step 2 上传材料: one row per kind of paper with what it looks like, camera or album, one upload
 * per photo with its progress, retry of a failed one without touching the others, delete and
 * replace, thumbnails served by the BFF.
 */
export function PhotoChecklist({ claim, serverMissing, onNext, onBack }: PhotoChecklistProps) {
  const [items, setItems] = useState<PhotoItem[]>(() => itemsFromClaim(claim))
  const itemsRef = useRef(items)
  itemsRef.current = items
  const [notice, setNotice] = useState<string | null>(null)
  const queue = useRef<PhotoItem[]>([])
  const running = useRef(0)
  const aborts = useRef(new Map<string, () => void>())
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
      aborts.current.forEach((abort) => abort())
    },
    []
  )

  const update = (key: string, patch: Partial<PhotoItem> | null) =>
    alive.current && setItems((prev) => (patch === null ? prev.filter((i) => i.key !== key) : prev.map((i) => (i.key === key ? { ...i, ...patch } : i))))

  const pump = () => {
    while (running.current < PARALLEL_UPLOADS && queue.current.length) {
      const item = queue.current.shift()!
      running.current += 1
      const task = uploadClaimDocument(claim.id, item.type, item.localPath!, (p) => update(item.key, { progress: Math.min(99, p) }))
      aborts.current.set(item.key, task.abort)
      task.promise
        .then(async (doc) => {
          if (!alive.current) return
          // The BFF keeps one copy of a photo per claim (same bytes, same id): show it once.
          const duplicate = itemsRef.current.some((i) => i.key !== item.key && i.doc?.id === doc.id)
          if (duplicate) {
            update(item.key, null)
            setNotice('这张照片已经上传过了，不用重复上传')
          } else {
            update(item.key, { status: 'done', progress: 100, doc, error: undefined })
          }
          if (item.replaces && item.replaces !== doc.id) {
            await deleteClaimDocument(claim.id, item.replaces).catch(() => undefined)
            if (alive.current) setItems((prev) => prev.filter((i) => i.doc?.id !== item.replaces))
          }
        })
        .catch((err) => {
          if (err instanceof ApiError && err.isAborted) return
          update(item.key, { status: 'failed', error: uploadErrorText(err) })
        })
        .finally(() => {
          aborts.current.delete(item.key)
          running.current -= 1
          pump()
        })
    }
  }

  const enqueue = (fresh: PhotoItem[]) => {
    setItems((prev) => [...prev, ...fresh])
    queue.current.push(...fresh)
    pump()
  }

  const add = async (type: ClaimDocumentType, source: 'camera' | 'album', replaces?: string) => {
    setNotice(null)
    try {
      const photos = await pickPhotos(source, replaces ? 1 : 9)
      enqueue(photos.map((p) => ({ key: nextKey(), type, status: 'uploading', progress: 0, localPath: p.path, replaces })))
    } catch (err) {
      setNotice(`没能打开${source === 'camera' ? '相机' : '相册'}：${errorText(err)}`)
    }
  }

  const retry = (item: PhotoItem) => {
    const again = { ...item, status: 'uploading' as const, progress: 0, error: undefined }
    update(item.key, again)
    queue.current.push(again)
    pump()
  }

  const remove = async (item: PhotoItem) => {
    if (item.status !== 'done') {
      aborts.current.get(item.key)?.()
      queue.current = queue.current.filter((q) => q.key !== item.key)
      update(item.key, null)
      return
    }
    const { confirm } = await Taro.showModal({ title: '删除这张照片？', content: CLAIM_DOCUMENT_INFO[item.type].label, confirmText: '删除', cancelText: '保留' })
    if (!confirm) return
    try {
      await deleteClaimDocument(claim.id, item.doc!.id)
      update(item.key, null)
    } catch (err) {
      setNotice(errorText(err))
    }
  }

  const requested = claim.status === 'need_documents' ? claim.requestedDocuments : []
  const done = (type: ClaimDocumentType) => items.filter((i) => i.type === type && i.status === 'done')
  const initialIds = new Set(claim.documents.map((d) => d.id))
  const missing = CLAIM_DOCUMENT_TYPES.filter((t) => (CLAIM_DOCUMENT_INFO[t].required && done(t).length === 0) || (requested.includes(t) && !done(t).some((i) => !initialIds.has(i.doc!.id))))
  const uploading = items.some((i) => i.status === 'uploading')
  const doneUrls = items.filter((i) => i.status === 'done').map((i) => fileUrl(i.doc!.id, 'full'))

  const next = () => {
    if (uploading) return setNotice('照片还在上传，请稍等')
    if (missing.length) return setNotice(`还缺：${missing.map((t) => CLAIM_DOCUMENT_INFO[t].label).join('、')}`)
    onNext()
  }

  return (
    <View>
      {requested.length ? (
        <View className='claim-banner' role='alert'>
          <Text>审核员请您重新上传：{requested.map((t) => CLAIM_DOCUMENT_INFO[t].label).join('、')}。把看不清的照片删掉，再拍一张清楚的。</Text>
        </View>
      ) : null}
      {serverMissing?.length ? (
        <View className='claim-banner' role='alert'>
          <Text>提交时发现还缺：{serverMissing.map((t) => CLAIM_DOCUMENT_INFO[t].label).join('、')}</Text>
        </View>
      ) : null}

      {CLAIM_DOCUMENT_TYPES.map((type) => {
        const info = CLAIM_DOCUMENT_INFO[type]
        const mine = items.filter((i) => i.type === type)
        const ok = done(type).length > 0 && !missing.includes(type)
        return (
          <View key={type} className='uh-card claim-doc' aria-label={info.label}>
            <View className='claim-doc__head'>
              <Text className='claim-doc__title'>{info.label}</Text>
              <Text className={`uh-tag ${ok ? 'uh-tag--ok' : info.required || requested.includes(type) ? 'uh-tag--warn' : 'uh-tag--muted'}`}>
                {ok ? `已上传${done(type).length}张` : requested.includes(type) ? '请重新上传' : info.required ? '必传' : '选传'}
              </Text>
            </View>
            <Text className='uh-muted claim-block'>{info.hint}</Text>
            {mine.length ? (
              <View className='claim-photos'>
                {mine.map((item) => (
                  <View key={item.key} className='claim-photos__cell'>
                    {item.status === 'done' ? (
                      <AuthImage url={fileUrl(item.doc!.id, 'thumb')} label={`${info.label}照片`} onClick={() => previewPhotos(doneUrls, fileUrl(item.doc!.id, 'full')).catch(() => undefined)} />
                    ) : (
                      <View className='claim-photo'>
                        <Image className='claim-photo__img' src={item.localPath!} mode='aspectFill' />
                        <View className={`claim-photo__overlay ${item.status === 'failed' ? 'claim-photo__overlay--failed' : ''}`}>
                          <Text>{item.status === 'failed' ? '上传失败' : `上传中 ${item.progress}%`}</Text>
                        </View>
                      </View>
                    )}
                    {item.status === 'uploading' ? (
                      <View className='claim-progress' aria-label={`上传进度 ${item.progress}%`}>
                        <View className='claim-progress__bar' style={{ width: `${item.progress}%` }} />
                      </View>
                    ) : null}
                    {item.error ? <Text className='uh-field__error claim-photos__error'>{item.error}</Text> : null}
                    <View className='claim-photos__actions'>
                      {item.status === 'failed' ? (
                        <View className='claim-link' role='button' onClick={() => retry(item)}>
                          重试
                        </View>
                      ) : null}
                      {item.status === 'done' ? (
                        <View className='claim-link' role='button' onClick={() => add(type, 'camera', item.doc!.id)}>
                          重拍
                        </View>
                      ) : null}
                      <View className='claim-link claim-link--danger' role='button' onClick={() => remove(item)}>
                        {item.status === 'uploading' ? '取消' : '删除'}
                      </View>
                    </View>
                  </View>
                ))}
              </View>
            ) : null}
            <View className='claim-doc__add'>
              <ActionButton kind='plain' className='claim-doc__btn' onClick={() => add(type, 'camera')}>
                拍照
              </ActionButton>
              <ActionButton kind='quiet' className='claim-doc__btn' onClick={() => add(type, 'album')}>
                从相册选
              </ActionButton>
            </View>
          </View>
        )
      })}

      {notice ? (
        <View className='claim-banner' role='alert'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      <ActionButton onClick={next}>下一步</ActionButton>
      <ActionButton kind='quiet' className='claim-gap' onClick={onBack}>
        上一步
      </ActionButton>
    </View>
  )
}
