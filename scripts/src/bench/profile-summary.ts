// Reads a V8 .cpuprofile and says where the BFF spent its time: by area (our code by folder,
// each package, node internals, GC, idle) and the functions with the most self time.
import { readFileSync } from 'node:fs';

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Share of the wall time the BFF's main thread was busy (the rest it waited: database, disk, sharp's threads, network). */
  busyShare: number;
  /** Share of busy (non-idle) time per area. */
  areas: Array<{ area: string; ms: number; share: number }>;
  /** Functions by self time. */
  functions: Array<{ fn: string; where: string; ms: number; share: number }>;
  /** Our own functions (bff/dist, shared/dist) by inclusive time: the paths that cost the most. */
  ownInclusive: Array<{ fn: string; where: string; ms: number; share: number }>;
}

function area(url: string, fn: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return '(garbage collector)';
  if (fn === '(program)' || fn === '(root)') return '(program)';
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/(bff|shared)\/dist\/(.+?)\/[^/]+\.js$/.exec(url) ?? /\/(bff|shared)\/dist\/()[^/]+\.js$/.exec(url);
  if (own) return `${own[1]}/${own[2] || '.'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/g;
  let last: string | null = null;
  for (let m = pkg.exec(url); m; m = pkg.exec(url)) last = m[1];
  return last ?? url.replace(/^file:\/\//, '');
}

const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/(bff|shared)\/dist\//, '$1/');

export function summarise(file: string, top = 12): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const totalSamples = p.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
  const totalMs = (p.endTime - p.startTime) / 1000;
  const msPerSample = totalMs / totalSamples;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));

  const areas = new Map<string, number>();
  const self = new Map<string, { fn: string; where: string; ms: number }>();
  for (const n of p.nodes) {
    const ms = (n.hitCount ?? 0) * msPerSample;
    if (!ms) continue;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    areas.set(a, (areas.get(a) ?? 0) + ms);
    const fn = n.callFrame.functionName || '(anonymous)';
    const where = n.callFrame.url ? `${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : '';
    const key = `${fn}@${where}`;
    const cur = self.get(key) ?? { fn, where, ms: 0 };
    cur.ms += ms;
    self.set(key, cur);
  }
  const idle = areas.get('(idle)') ?? 0;
  const busy = Math.max(1e-9, totalMs - idle);

  // Inclusive time of our own functions: each sample counted once per distinct own function on its stack.
  const inclusive = new Map<string, { fn: string; where: string; ms: number }>();
  const walk = (id: number, onStack: Set<string>) => {
    const n = byId.get(id);
    if (!n) return;
    const url = n.callFrame.url;
    let key: string | null = null;
    if (/\/(bff|shared)\/dist\//.test(url)) {
      key = `${n.callFrame.functionName || '(anonymous)'}@${shortUrl(url)}:${n.callFrame.lineNumber + 1}`;
      if (onStack.has(key)) key = null;
    }
    if (key) onStack.add(key);
    const ms = (n.hitCount ?? 0) * msPerSample;
    if (ms) {
      for (const k of onStack) {
        const [fn, where] = k.split('@');
        const cur = inclusive.get(k) ?? { fn, where, ms: 0 };
        cur.ms += ms;
        inclusive.set(k, cur);
      }
    }
    for (const c of n.children ?? []) walk(c, onStack);
    if (key) onStack.delete(key);
  };
  walk(p.nodes[0].id, new Set());

  const share = <T extends { ms: number }>(x: T) => ({ ...x, share: x.ms / busy });
  return {
    file,
    totalMs,
    busyShare: busy / Math.max(1e-9, totalMs),
    areas: [...areas.entries()]
      .filter(([a]) => a !== '(idle)')
      .map(([a, ms]) => share({ area: a, ms }))
      .sort((x, y) => y.ms - x.ms)
      .slice(0, top),
    functions: [...self.values()].filter((f) => f.fn !== '(idle)').map(share).sort((x, y) => y.ms - x.ms).slice(0, top),
    ownInclusive: [...inclusive.values()].map(share).sort((x, y) => y.ms - x.ms).slice(0, top),
  };
}

export function renderSummary(label: string, s: ProfileSummary): string {
  const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)} %`;
  const lines = [`${label} (${s.file}, ${(s.totalMs / 1000).toFixed(1)} s, main thread busy ${pct(s.busyShare).trim()} of it)`, '  busy time by area:'];
  for (const a of s.areas) lines.push(`    ${pct(a.share)}  ${a.area}`);
  lines.push('  self time by function:');
  for (const f of s.functions) lines.push(`    ${pct(f.share)}  ${f.fn}  ${f.where}`);
  if (s.ownInclusive.length) {
    lines.push('  our code, inclusive:');
    for (const f of s.ownInclusive) lines.push(`    ${pct(f.share)}  ${f.fn}  ${f.where}`);
  }
  return lines.join('\n');
}
