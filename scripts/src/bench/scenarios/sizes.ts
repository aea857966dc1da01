// Mini-app size: the weapp main package and each subpackage against WeChat's 2 MB limit, and the
// JavaScript the H5 index.html loads before the first page renders, gzipped. Numbers come from
// scripts/src/weapp-size.ts measure(), the same as `npm run size:weapp`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { measured, notRun, Row } from '../report';
import { ROOT } from '../util';
import { measure } from '../../weapp-size';

interface Measure {
  weapp: { limit: number; main: Pkg; subpackages: Pkg[]; total: number } | null;
  h5: { gzip: number; bytes: number; firstLoadJs: Array<{ file: string; gzip: number; bytes: number }> } | null;
}
interface Pkg {
  name: string;
  bytes: number;
  files: number;
}

const KB = 1024;
const MB = 1024 * 1024;
const MAIN_GOAL = '≤ 1 MB';
const H5_GOAL = '≤ 250 KB gz';

export function sizeRows(details: Record<string, unknown>): Row[] {
  const m: Measure = measure({ distDir: path.join(ROOT, 'miniapp/dist') });
  details.miniappSize = m;
  const rows: Row[] = [];
  if (m.weapp) {
    const limit = { value: m.weapp.limit / KB, unit: 'KB' as const, label: 'WeChat limit' };
    const pkgRow = (p: Pkg, what: string) =>
      measured('mini-app size', what, { value: p.bytes / KB, unit: 'KB' }, limit, { text: MAIN_GOAL, met: (v) => v * KB <= MB });
    rows.push(pkgRow(m.weapp.main, 'weapp main package'));
    for (const p of m.weapp.subpackages) rows.push(pkgRow(p, `weapp subpackage ${p.name}`));
  } else {
    rows.push(notRun('mini-app size', 'weapp main package', MAIN_GOAL, 'no weapp build in miniapp/dist/weapp'));
  }
  if (m.h5) {
    rows.push(
      measured(
        'mini-app size',
        'H5 first-load JS, gzipped',
        { value: m.h5.gzip / KB, unit: 'KB' },
        null,
        { text: H5_GOAL, met: (v) => v <= 250 },
        `${m.h5.firstLoadJs.length} scripts, ${(m.h5.bytes / KB).toFixed(0)} KB before gzip`,
      ),
    );
  } else {
    rows.push(notRun('mini-app size', 'H5 first-load JS, gzipped', H5_GOAL, 'no H5 build in miniapp/dist/h5'));
  }
  return rows;
}
