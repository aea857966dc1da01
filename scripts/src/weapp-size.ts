/**
 * Package sizes of the mini-app builds, checked against WeChat's limits.
 *
 *   npm run size:weapp [-- --dist <dir>] [--json]
 *
 * dist/weapp: the main package and each subpackage (roots from app.json) in bytes, against the
 * 2 MB per-package limit (and 30 MB for all together); exits 1 when one is over.
 * dist/h5 (if built): the JavaScript that index.html loads before the first page can render,
 * gzipped and summed, which is what a phone on a slow network waits for.
 *
 * Also a module: `measure({ distDir })` returns the numbers (the bench uses it).
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const MB = 1024 * 1024
export const PACKAGE_LIMIT = 2 * MB
export const TOTAL_LIMIT = 30 * MB
/** Files the developer tools read but never upload. */
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])

export interface PackageSize {
  name: string
  bytes: number
  files: number
}
export interface WeappSizes {
  limit: number
  totalLimit: number
  main: PackageSize
  subpackages: PackageSize[]
  total: number
  overLimit: string[]
}
export interface H5Sizes {
  firstLoadJs: Array<{ file: string; bytes: number; gzip: number }>
  bytes: number
  gzip: number
}
export interface SizeResult {
  distDir: string
  weapp: WeappSizes | null
  h5: H5Sizes | null
  ok: boolean
}

/** miniapp/dist, from scripts/dist where this runs compiled. */
function defaultDistDir(): string {
  return path.resolve(__dirname, '..', '..', 'miniapp', 'dist')
}

function walk(dir: string, base = dir, out: Array<{ rel: string; bytes: number }> = []): Array<{ rel: string; bytes: number }> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, base, out)
    else if (entry.isFile()) out.push({ rel: path.relative(base, full).split(path.sep).join('/'), bytes: fs.statSync(full).size })
  }
  return out
}

function measureWeapp(weappDir: string): WeappSizes {
  const appJson = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8'))
  const roots: string[] = (appJson.subPackages ?? appJson.subpackages ?? []).map((p: { root: string }) => p.root.replace(/^\/+|\/+$/g, ''))
  const main: PackageSize = { name: 'main', bytes: 0, files: 0 }
  const subpackages: PackageSize[] = roots.map((root) => ({ name: root, bytes: 0, files: 0 }))
  for (const file of walk(weappDir)) {
    if (NOT_UPLOADED.has(file.rel)) continue
    const owner = subpackages.find((p) => file.rel.startsWith(`${p.name}/`)) ?? main
    owner.bytes += file.bytes
    owner.files += 1
  }
  const all = [main, ...subpackages]
  const total = all.reduce((n, p) => n + p.bytes, 0)
  const overLimit = all.filter((p) => p.bytes > PACKAGE_LIMIT).map((p) => p.name)
  if (total > TOTAL_LIMIT) overLimit.push('total')
  return { limit: PACKAGE_LIMIT, totalLimit: TOTAL_LIMIT, main, subpackages, total, overLimit }
}

function measureH5(h5Dir: string): H5Sizes {
  const html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8')
  const files: H5Sizes['firstLoadJs'] = []
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)) {
    const src = m[1]
    if (/^(https?:)?\/\//.test(src)) continue // a CDN script is not ours to measure
    const file = path.join(h5Dir, src.replace(/^\/+/, '').split(/[?#]/)[0])
    if (!fs.existsSync(file)) continue
    const body = fs.readFileSync(file)
    files.push({ file: path.relative(h5Dir, file), bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length })
  }
  return {
    firstLoadJs: files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0)
  }
}

export function measure(options: { distDir?: string } = {}): SizeResult {
  const distDir = path.resolve(options.distDir ?? defaultDistDir())
  const weappDir = path.join(distDir, 'weapp')
  const h5Dir = path.join(distDir, 'h5')
  const weapp = fs.existsSync(path.join(weappDir, 'app.json')) ? measureWeapp(weappDir) : null
  const h5 = fs.existsSync(path.join(h5Dir, 'index.html')) ? measureH5(h5Dir) : null
  return { distDir, weapp, h5, ok: weapp !== null && weapp.overLimit.length === 0 }
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`

export function report(result: SizeResult): string {
  const lines: string[] = []
  if (result.weapp) {
    const { main, subpackages, total, limit } = result.weapp
    lines.push(`weapp (${path.join(result.distDir, 'weapp')}), limit ${limit} bytes (2 MB) per package:`)
    for (const p of [main, ...subpackages]) {
      const flag = p.bytes > limit ? '  OVER THE LIMIT' : ''
      lines.push(`  ${p.name.padEnd(28)} ${String(p.bytes).padStart(9)} bytes  ${kb(p.bytes).padStart(10)}  ${((100 * p.bytes) / limit).toFixed(1).padStart(5)} %${flag}`)
    }
    lines.push(`  ${'all packages'.padEnd(28)} ${String(total).padStart(9)} bytes  ${kb(total).padStart(10)}  (limit 30 MB)`)
  } else {
    lines.push(`weapp: no build in ${path.join(result.distDir, 'weapp')} (run: npx taro build --type weapp)`)
  }
  if (result.h5) {
    lines.push(`h5 first-load JS (scripts in index.html): ${result.h5.gzip} bytes gzipped (${kb(result.h5.gzip)}), ${result.h5.bytes} bytes raw`)
    for (const f of result.h5.firstLoadJs) lines.push(`  ${f.file.padEnd(28)} ${String(f.gzip).padStart(9)} gz  ${String(f.bytes).padStart(9)} raw`)
  }
  return lines.join('\n')
}

if (require.main === module) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--dist')
  const result = measure({ distDir: at >= 0 ? args[at + 1] : undefined })
  console.log(args.includes('--json') ? JSON.stringify(result, null, 2) : report(result))
  if (!result.ok) {
    if (result.weapp) console.error(`over the WeChat limit: ${result.weapp.overLimit.join(', ')}`)
    process.exit(1)
  }
}
