// Claim photos:
//   claim photo    POST /claims/{id}/documents of a 12-megapixel phone JPEG (~4–5 MB), one after another,
//                  against the BFF's own pipeline (bff/dist/files: processImage + local storage writes)
//                  called directly in this process on the same bytes.
//   upload memory  the BFF's peak RSS while 8 such uploads run at once, against its RSS at idle.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { Context, describeAnswer, profiled } from '../context';
import { expect, listOf, UnexpectedAnswer } from '../http';
import { measured, missed, notRun, Row } from '../report';
import { addDays, businessToday, errorText, log, median, percentile, ROOT } from '../util';

const WIDTH = 4000;
const HEIGHT = 3000; // 12 megapixels, a phone camera's 4:3
const TARGET_MB = [4, 5];
const WARMUP = 2;
const MEASURED = 20;
const CONCURRENT = 8;
const MB = 1024 * 1024;
const DOC_TYPES = ['id_card_front', 'id_card_back', 'discharge_summary', 'settlement', 'invoice', 'expense_list', 'other'];

/**
 * A photo of a sheet of paper with lines of print on a wooden desk, with sensor noise and a vignette,
 * as a phone shoots it: JPEG quality 92 with EXIF saying "rotate 90°" (held upright).
 * The noise level is tuned until the file is 4–5 MB, the size of a real 12 MP phone photo.
 */
export async function phonePhoto(): Promise<{ jpeg: Buffer; sigma: number; ms: number }> {
  const t = performance.now();
  let sigma = 7;
  let jpeg = await encode(sigma);
  for (let tries = 0; tries < 4 && (jpeg.length < TARGET_MB[0] * 1e6 || jpeg.length > TARGET_MB[1] * 1e6); tries++) {
    sigma *= jpeg.length < TARGET_MB[0] * 1e6 ? 1.35 : 0.75;
    jpeg = await encode(sigma);
  }
  return { jpeg, sigma, ms: performance.now() - t };
}

function encode(sigma: number): Promise<Buffer> {
  const raw = Buffer.allocUnsafe(WIDTH * HEIGHT * 3);
  let s = 0x9e3779b9;
  const rnd = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const N = 1 << 16;
  const noise = new Float32Array(N);
  for (let i = 0; i < N; i++) noise[i] = Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd()) * sigma;
  let k = 0;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      let r: number;
      let g: number;
      let b: number;
      if (x > 500 && x < 3500 && y > 300 && y < 2700) {
        const print = (y - 400) % 60 < 14 && x > 700 && x < 3300 && (x * 7 + y * 3) % 97 < 70 && y < 2500;
        const base = print ? 60 : 235 - ((x - 2000) ** 2 + (y - 1500) ** 2) / 400000;
        r = base;
        g = base - 2;
        b = base - 8;
      } else {
        const grain = Math.sin(x / 37 + Math.sin(y / 91) * 3) * 18;
        r = 120 + grain;
        g = 80 + grain * 0.8;
        b = 50 + grain * 0.5;
      }
      const n = noise[(rnd() * N) | 0];
      raw[k++] = r + n;
      raw[k++] = g + n * 0.9;
      raw[k++] = b + noise[(x * 31 + y * 17) & (N - 1)];
    }
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 92 })
    .withExif({ IFD0: { Make: 'UnionHome', Model: 'bench phone' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/**
 * The same picture with a different JPEG comment segment right after the start marker: the pixels
 * are identical, the SHA-256 is not, so the BFF's "same photo twice is one photo" rule never
 * short-cuts an upload.
 */
export function variant(jpeg: Buffer): Buffer {
  const comment = Buffer.from(`bench ${randomBytes(8).toString('hex')}`);
  const segment = Buffer.alloc(4 + comment.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(comment.length + 2, 2);
  comment.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

interface BffPipeline {
  processImage(buf: Buffer): Promise<{ main: { data: Buffer }; thumb: { data: Buffer } }>;
  put(key: string, data: Buffer): Promise<void>;
  newKey(prefix: 'd' | 't'): string;
}

/** The BFF's own photo code (built), so the baseline can never drift from what the BFF runs. */
function bffPipeline(dir: string): BffPipeline | null {
  const policy = path.join(ROOT, 'bff/dist/files/upload-policy.js');
  const local = path.join(ROOT, 'bff/dist/files/storage/local-disk.storage.js');
  const keys = path.join(ROOT, 'bff/dist/files/storage/file-storage.js');
  if (![policy, local, keys].every((f) => existsSync(f))) return null;
  const { processImage } = require(policy) as { processImage: BffPipeline['processImage'] };
  const { LocalDiskStorage } = require(local) as { LocalDiskStorage: new (dir: string) => { put(key: string, data: Buffer, type?: string): Promise<void> } };
  const { newStorageKey } = require(keys) as { newStorageKey: BffPipeline['newKey'] };
  const storage = new LocalDiskStorage(dir);
  return { processImage, put: (key, data) => storage.put(key, data, 'image/jpeg'), newKey: newStorageKey };
}

async function draftClaim(ctx: Context, token: string, planId: string, invoiceNo: string): Promise<string> {
  const today = businessToday();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const admission = addDays(today, -6) < yearStart ? yearStart : addDays(today, -6);
  const discharge = addDays(today, -2) < admission ? admission : addDays(today, -2);
  const r = await ctx.api.call(
    'POST',
    '/claims',
    {
      planId,
      hospital: '绍兴市人民医院',
      admissionDate: admission,
      dischargeDate: discharge,
      totalAmount: 1_280_000,
      insurancePaid: 640_000,
      invoices: [{ code: '033001900104', number: invoiceNo, amount: 1_280_000 }],
    },
    token,
  );
  return expect<{ id: string }>(r, [200, 201], 'POST /claims').id;
}

export async function photoScenarios(ctx: Context, idleRss: number | null): Promise<Row[]> {
  const photoGoal = '≤ 1.5× direct pipeline';
  const memGoal = '< 600 MB peak';
  log('▶ claim photo: generating a 12-megapixel phone photo');
  const photo = await phonePhoto();
  log(`  ${WIDTH}×${HEIGHT} JPEG, ${(photo.jpeg.length / MB).toFixed(2)} MB (noise σ ${photo.sigma.toFixed(1)}, made in ${Math.round(photo.ms)} ms)`);
  const photoInfo = { width: WIDTH, height: HEIGHT, bytes: photo.jpeg.length, noiseSigma: photo.sigma, exifOrientation: 6 };

  // Draft claims of 张伟 (13800000001): one for the timed uploads, one for the memory run.
  let token: string;
  let claims: string[];
  try {
    token = await ctx.api.token('13800000001');
    const plans = listOf<{ id: string; code: string }>(expect(await ctx.api.call('GET', '/mutual-aid/plans', undefined, token), [200], 'GET /mutual-aid/plans'));
    const plan = plans.find((p) => p.code === 'DEMO-INPATIENT') ?? plans[0];
    if (!plan) throw new UnexpectedAnswer('GET /mutual-aid/plans → no plan (the demo plan DEMO-INPATIENT is missing)');
    const stamp = String(Date.now()).slice(-8);
    claims = [await draftClaim(ctx, token, plan.id, `${stamp}01`), await draftClaim(ctx, token, plan.id, `${stamp}02`)];
    const probe = await ctx.api.upload(`/claims/${claims[0]}/documents`, token, { type: 'other' }, variant(photo.jpeg), 'IMG_0000.jpg');
    if (probe.status !== 201 && probe.status !== 200) throw new UnexpectedAnswer(describeAnswer('POST /claims/{id}/documents', probe));
  } catch (err) {
    const why = err instanceof UnexpectedAnswer ? err.message : `set-up failed: ${errorText(err)}`;
    return [notRun('claim photo', 'upload median', photoGoal, why), notRun('upload memory', `peak RSS, ${CONCURRENT} uploads at once`, memGoal, why)];
  }

  // --- the BFF and the direct pipeline in turns, on the same bytes, so both meet the same noise of a
  // shared machine (the BFF's CPU profile of this scenario thus also holds the idle turns).
  log(`▶ claim photo: ${MEASURED} uploads one after another (after ${WARMUP} warm-up), each followed by the direct pipeline on the same bytes`);
  const dir = mkdtempSync(path.join(tmpdir(), 'uh-bench-photos-'));
  const direct: number[] = [];
  const viaBff: number[] = [];
  const failures: string[] = [];
  try {
    const local = bffPipeline(dir);
    await profiled(
      ctx,
      'claim-photo',
      async () => {
        for (let i = 0; i < WARMUP + MEASURED; i++) {
          const bytes = variant(photo.jpeg);
          const r = await ctx.api.upload(`/claims/${claims[0]}/documents`, token, { type: DOC_TYPES[i % DOC_TYPES.length] }, bytes, `IMG_${1000 + i}.jpg`);
          if (r.status !== 201 && r.status !== 200) failures.push(describeAnswer('upload', r));
          if (i >= WARMUP) viaBff.push(r.ms);
          if (!local) continue;
          const t = performance.now();
          const out = await local.processImage(bytes);
          await local.put(local.newKey('d'), out.main.data);
          await local.put(local.newKey('t'), out.thumb.data);
          if (i >= WARMUP) direct.push(performance.now() - t);
        }
      },
      () => WARMUP + MEASURED,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const stats = (xs: number[]) => ({ median: median(xs) ?? 0, p95: percentile(xs, 95) ?? 0 });
  const b = stats(viaBff);
  const d = stats(direct);
  log(`  BFF: median ${b.median.toFixed(0)} ms, p95 ${b.p95.toFixed(0)} ms; direct: median ${d.median.toFixed(0)} ms, p95 ${d.p95.toFixed(0)} ms`);

  // --- memory: 8 at once
  log(`▶ upload memory: ${CONCURRENT} uploads at once`);
  await new Promise((r) => setTimeout(r, 1000));
  const before = ctx.bff.memory();
  const peakReset = ctx.bff.resetPeak();
  let sampledPeak = before?.rss ?? 0;
  const sampler = setInterval(() => {
    const m = ctx.bff.memory();
    if (m && m.rss > sampledPeak) sampledPeak = m.rss;
  }, 10);
  const bodies = Array.from({ length: CONCURRENT }, () => variant(photo.jpeg));
  const t0 = performance.now();
  const answers = await profiled(ctx, 'upload-memory', () =>
    Promise.all(bodies.map((body, i) => ctx.api.upload(`/claims/${claims[1]}/documents`, token, { type: DOC_TYPES[i % DOC_TYPES.length] }, body, `IMG_${2000 + i}.jpg`))),
    (a) => a.length,
  );
  const wallMs = performance.now() - t0;
  clearInterval(sampler);
  const after = ctx.bff.memory();
  const hwm = peakReset && after ? after.hwm : 0;
  const peak = Math.max(sampledPeak, hwm);
  const memFailures = answers.filter((r) => r.status !== 201 && r.status !== 200).map((r) => describeAnswer('upload', r));
  log(`  peak RSS ${(peak / MB).toFixed(0)} MB (idle ${idleRss ? (idleRss / MB).toFixed(0) : '?'} MB, just before ${before ? (before.rss / MB).toFixed(0) : '?'} MB), ${CONCURRENT} uploads in ${Math.round(wallMs)} ms`);

  ctx.details.claimPhoto = {
    photo: photoInfo,
    bff: { samplesMs: viaBff, ...b, failures: failures.slice(0, 5) },
    direct: { samplesMs: direct, ...d, what: 'bff/dist/files/upload-policy.js processImage + LocalDiskStorage.put of the image and its thumbnail, in the bench process' },
  };
  ctx.details.uploadMemory = {
    concurrent: CONCURRENT,
    idleRssBytes: idleRss,
    rssJustBeforeBytes: before?.rss ?? null,
    peakRssBytes: peak,
    sampledPeakBytes: sampledPeak,
    vmHwmBytes: hwm || null,
    vmHwmReset: peakReset,
    wallMs,
    failures: memFailures.slice(0, 5),
  };

  const rows: Row[] = [];
  const photoNote = `${(photo.jpeg.length / MB).toFixed(1)} MB 12 MP JPEG, ${MEASURED} sequential uploads, each followed by the direct pipeline on the same bytes`;
  if (direct.length === 0) {
    rows.push(notRun('claim photo', 'upload median', photoGoal, 'bff/dist/files/upload-policy.js not found: no direct pipeline to compare with'));
  } else {
    let med = measured('claim photo', 'upload median', { value: b.median, unit: 'ms' }, { value: d.median, unit: 'ms', label: 'direct sharp' }, { text: photoGoal, met: (_v, r) => (r ?? Infinity) <= 1.5 }, photoNote);
    let p95 = measured('claim photo', 'upload p95', { value: b.p95, unit: 'ms' }, { value: d.p95, unit: 'ms', label: 'direct sharp' }, { text: photoGoal, met: (_v, r) => (r ?? Infinity) <= 1.5 });
    if (failures.length) {
      med = missed(med, `${failures.length} uploads failed: ${failures[0]}`);
      p95 = missed(p95, `${failures.length} uploads failed`);
    }
    rows.push(med, p95);
  }
  let mem = measured(
    'upload memory',
    `peak RSS, ${CONCURRENT} uploads at once`,
    { value: peak / MB, unit: 'MB' },
    idleRss ? { value: idleRss / MB, unit: 'MB', label: 'idle RSS' } : null,
    { text: memGoal, met: (v) => v < 600 },
    peakReset ? 'VmHWM reset before the run (clear_refs) and sampled VmRSS every 10 ms' : 'VmRSS sampled every 10 ms (VmHWM could not be reset)',
  );
  if (memFailures.length) mem = missed(mem, `${memFailures.length} of ${CONCURRENT} uploads failed: ${memFailures[0]}`);
  rows.push(mem);
  return rows;
}
