import Taro from '@tarojs/taro'
import { STORED_LONG_EDGE } from '@unionhome/shared'
import { ApiError } from '@/api/api-error'
import { authHeader, withSession } from '@/api/request'

/**
 * Photos on the phone: taking or picking them, shrinking them before upload (a 12-megapixel
 * camera photo becomes a few hundred KB, so the upload is quick on a weak signal), and showing
 * the BFF's stored copies, which need the login token (an <Image src> cannot send headers).
 */

export interface PickedPhoto {
  /** A local path (WeChat) or blob: URL (H5) for Taro.uploadFile. */
  path: string
  size: number
  /** As chooseMedia measured them (0 when unknown). */
  width?: number
  height?: number
}

/** Re-encode anything larger than this, or longer than the stored edge. */
const COMPRESS_ABOVE_BYTES = 1024 * 1024

function isCancel(err: unknown): boolean {
  return /cancel/i.test(String((err as { errMsg?: string })?.errMsg ?? err))
}

/** Camera or album; [] when the person backs out. */
export async function pickPhotos(source: 'camera' | 'album', count: number): Promise<PickedPhoto[]> {
  let res: Taro.chooseMedia.SuccessCallbackResult
  try {
    res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: [source], sizeType: ['compressed'], camera: 'back' })
  } catch (err) {
    if (isCancel(err)) return []
    throw err
  }
  const out: PickedPhoto[] = []
  for (const f of res.tempFiles ?? []) out.push(await compressPhoto({ path: f.tempFilePath, size: f.size, width: f.width, height: f.height }))
  return out
}

/** Whether a photo is worth shrinking: large in bytes, or longer than the BFF keeps anyway. */
function needsCompression(photo: PickedPhoto): boolean {
  const long = Math.max(photo.width ?? 0, photo.height ?? 0)
  return photo.size > COMPRESS_ABOVE_BYTES || long > STORED_LONG_EDGE || long === 0
}

/** Smaller copy of a photo; the original when shrinking fails or does not help (the BFF decides). */
export async function compressPhoto(photo: PickedPhoto): Promise<PickedPhoto> {
  if (!needsCompression(photo)) return photo
  if (process.env.TARO_ENV === 'h5') return compressInBrowser(photo)
  if (photo.size <= COMPRESS_ABOVE_BYTES) return photo
  try {
    const res = await Taro.compressImage({ src: photo.path, quality: 80, compressedWidth: STORED_LONG_EDGE } as Taro.compressImage.Option)
    const info = await Taro.getFileInfo({ filePath: res.tempFilePath }).catch(() => null)
    const size = info && 'size' in info ? (info as { size: number }).size : photo.size
    return size < photo.size ? { path: res.tempFilePath, size } : photo
  } catch {
    return photo
  }
}

/** H5: draw onto a canvas at most 2000 px long and encode JPEG (browsers apply EXIF rotation when drawing). */
async function compressInBrowser(photo: PickedPhoto): Promise<PickedPhoto> {
  if (typeof document === 'undefined') return photo
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const el = new window.Image()
      const timer = setTimeout(() => reject(new Error('timeout')), 8000)
      el.onload = () => {
        clearTimeout(timer)
        resolve(el)
      }
      el.onerror = () => {
        clearTimeout(timer)
        reject(new Error('decode'))
      }
      el.src = photo.path
    })
    const long = Math.max(img.naturalWidth, img.naturalHeight)
    if (long <= STORED_LONG_EDGE && photo.size <= COMPRESS_ABOVE_BYTES) return photo
    const scale = Math.min(1, STORED_LONG_EDGE / long)
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(img.naturalWidth * scale)
    canvas.height = Math.round(img.naturalHeight * scale)
    const ctx = canvas.getContext('2d')
    if (!ctx) return photo
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    if (!blob || blob.size >= photo.size) return photo
    return { path: URL.createObjectURL(blob), size: blob.size }
  } catch {
    // The browser cannot read it (e.g. HEIC on a desktop): send it as it is, the BFF will say what it thinks.
    return photo
  }
}

const loaded = new Map<string, Promise<string>>()

/**
 * A local path for a protected photo URL (GET /files/{id}), fetched once with the session's token
 * (refreshed on 401 like every other call) and kept for the rest of the visit.
 */
export function protectedImage(url: string): Promise<string> {
  let pending = loaded.get(url)
  if (!pending) {
    pending = withSession(async (token) => {
      try {
        const res = await Taro.downloadFile({ url, header: authHeader(token) })
        return { statusCode: res.statusCode, path: res.tempFilePath }
      } catch {
        throw ApiError.network()
      }
    }).then((res) => {
      if (res.statusCode !== 200) throw new ApiError(res.statusCode, null)
      return res.path
    })
    pending.catch(() => loaded.delete(url))
    loaded.set(url, pending)
  }
  return pending
}

/** Zoomable full-size view of one or more protected photos (Taro.previewImage pinches and swipes). */
export async function previewPhotos(urls: string[], current: string): Promise<void> {
  const paths = await Promise.all(urls.map(protectedImage))
  await Taro.previewImage({ urls: paths, current: paths[urls.indexOf(current)] ?? paths[0] })
}
