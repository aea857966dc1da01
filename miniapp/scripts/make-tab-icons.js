#!/usr/bin/env node
/**
 * Draws the four tab-bar icons (首页 / 我的, grey and selected) as small PNGs, so the repository
 * needs no image editor and no network. Run once after changing the shapes or colours:
 *   node miniapp/scripts/make-tab-icons.js
 * WeChat wants tab icons of at most 40 KB; 81×81 px is the recommended size.
 */
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')

const SIZE = 81
const SAMPLES = 4 // supersampling per axis, for smooth edges
const GREY = [0x88, 0x88, 0x88]
const RED = [0xc8, 0x28, 0x1e]

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by)
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy)
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay)
  const neg = d1 < 0 || d2 < 0 || d3 < 0
  const pos = d1 > 0 || d2 > 0 || d3 > 0
  return !(neg && pos)
}
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r

const shapes = {
  home(x, y) {
    const roof = inTriangle(x, y, [40.5, 8], [5, 40], [76, 40])
    const body = inRect(x, y, 15, 36, 66, 74)
    const door = inRect(x, y, 33, 50, 48, 74)
    return (roof || body) && !door
  },
  mine(x, y) {
    const head = inCircle(x, y, 40.5, 24, 15)
    const shoulders = y <= 74 && ((x - 40.5) / 31) ** 2 + ((y - 76) / 30) ** 2 <= 1
    const neckGap = inCircle(x, y, 40.5, 24, 19) && !head
    return head || (shoulders && !neckGap)
  }
}

function crc32(buf) {
  let c
  let crc = 0xffffffff
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(inside, [r, g, b]) {
  const rows = []
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4) // filter byte 0, then RGBA
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (inside(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) hits++
        }
      }
      const o = 1 + px * 4
      row[o] = r
      row[o + 1] = g
      row[o + 2] = b
      row[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES))
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const outDir = path.join(__dirname, '..', 'src', 'assets')
fs.mkdirSync(outDir, { recursive: true })
for (const [name, inside] of Object.entries(shapes)) {
  fs.writeFileSync(path.join(outDir, `tab-${name}.png`), png(inside, GREY))
  fs.writeFileSync(path.join(outDir, `tab-${name}-active.png`), png(inside, RED))
}
console.log(`tab icons written to ${path.relative(process.cwd(), outDir)}`)
