import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { create } from 'qrcode/lib/core/qrcode'
import './qr-code.css'

export interface QrRun {
  dark: boolean
  length: number
}

/*
 * Used by the membership card and the venue's check-in code. Deliberately not exported from
 * ./index: pages of the main package import that barrel, and the encoder should be downloaded only
 * with the subpackages that draw a QR code.
 */

/**
 * The QR matrix of `text` as rows of runs (a stretch of equal cells is one view, not one per
 * cell: ~15 views a row instead of ~37). The text goes in as bytes: WeChat's JS engine has no
 * TextEncoder, which the library would use for a string. Card tokens and check-in links are ASCII.
 */
export function qrRows(text: string): QrRun[][] {
  const { modules } = create([{ data: Array.from(text, (c) => c.charCodeAt(0) & 0xff), mode: 'byte' }], { errorCorrectionLevel: 'M' })
  const rows: QrRun[][] = []
  for (let r = 0; r < modules.size; r++) {
    const row: QrRun[] = []
    for (let c = 0; c < modules.size; c++) {
      const dark = modules.data[r * modules.size + c] === 1
      const last = row[row.length - 1]
      if (last && last.dark === dark) last.length += 1
      else row.push({ dark, length: 1 })
    }
    rows.push(row)
  }
  return rows
}

/**
 * A QR code drawn with flex boxes, so one component renders in the mini-program and in H5
 * without canvas or image encoding; the quiet zone is the white padding around it.
 */
export function QrCode({ text, label, dimmed = false }: { text: string; label: string; dimmed?: boolean }) {
  const rows = useMemo(() => qrRows(text), [text])
  return (
    <View className={dimmed ? 'qr qr--dimmed' : 'qr'} role='img' aria-label={label} data-modules={String(rows.length)}>
      {rows.map((row, r) => (
        <View key={r} className='qr__row'>
          {row.map((run, i) => (
            <View key={i} className={run.dark ? 'qr__run qr__run--dark' : 'qr__run'} style={{ flex: run.length }} />
          ))}
        </View>
      ))}
    </View>
  )
}
