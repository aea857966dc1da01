import Taro from '@tarojs/taro'
import { venueCodeFromScan } from '@unionhome/shared'

/** A code read off the venue's print; `unavailable` when this phone cannot scan; null when the person closed the scanner. */
export type VenueScan = { code: string } | { unavailable: true } | null

/**
 * WeChat's scanner pointed at the venue's printed code. The QR carries the H5 link of the 扫码签到
 * page with `code=` (a mini-program code would give `path` instead); venueCodeFromScan takes the
 * code out of either. Camera only: a photo of the code sent round is what replacing it guards against.
 * Outside WeChat Taro.scanCode "succeeds" with an errMsg saying it cannot scan (TOOLCHAIN.md).
 */
export async function scanVenueCode(): Promise<VenueScan> {
  let res: Taro.scanCode.SuccessCallbackResult
  try {
    res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
  } catch {
    return null
  }
  if (!res || !/:ok$/.test(res.errMsg ?? '')) return { unavailable: true }
  const code = venueCodeFromScan(res.path || res.result || '')
  return code ? { code } : null
}
