/**
 * The encoder core of `qrcode` (pure JavaScript: no canvas, no Node), which the membership card and the
 * venue check-in code use to draw their QR codes with plain views in WeChat and H5 alike.
 */
declare module 'qrcode/lib/core/qrcode' {
  interface BitMatrix {
    size: number
    /** size × size cells, row by row; 1 = dark. */
    data: Uint8Array
  }
  interface QRCodeSymbol {
    modules: BitMatrix
    version: number
  }
  type Segment = { data: string | number[] | Uint8Array; mode: 'byte' | 'alphanumeric' | 'numeric' }
  export function create(data: string | Segment[], options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QRCodeSymbol
}
