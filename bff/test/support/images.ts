import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { Response } from 'superagent';

/**
 * Real image files made by the tests, for the upload policy: nothing is checked in, every byte is
 * produced here so the fixtures say exactly what they contain.
 */

/** A small photo-like JPEG (noise), `w`×`h`. */
export async function jpeg(w = 800, h = 600, seed = 0): Promise<Buffer> {
  return sharp({ create: { width: w, height: h, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 100 + (seed % 50), sigma: 40 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/**
 * What a phone camera makes: 4032×3024 (12 MP), a few MB, shot in portrait (EXIF orientation 6:
 * the pixels lie on their side), with the camera model and the GPS position in EXIF.
 */
export async function phoneJpegWithGps(): Promise<Buffer> {
  const small = await sharp({ create: { width: 504, height: 378, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  return sharp(small)
    .resize(4032, 3024, { kernel: 'cubic' })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Huawei', Model: 'P60' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 35/1 0/1' },
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}

export async function png(w = 400, h = 300, alpha = true): Promise<Buffer> {
  return sharp({ create: { width: w, height: h, channels: alpha ? 4 : 3, background: { r: 30, g: 120, b: 200, alpha: 0.5 } } }).png().toBuffer();
}

export async function webp(w = 400, h = 300): Promise<Buffer> {
  return sharp({ create: { width: w, height: h, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 90, sigma: 30 } } }).webp().toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** A decompression bomb: a valid 10000×10000 (100 MP) greyscale PNG of about 100 KB. */
export function pngBomb(w = 10_000, h = 10_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const idat = deflateSync(Buffer.alloc((w + 1) * h), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The first half of a real JPEG: the header reads fine, the pixels stop. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await jpeg(1200, 900, 7);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** HEIC by its magic bytes (ftyp heic), with no decodable picture inside. */
export function fakeHeic(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(2000, 7)]);
}

/** 11 MB that start like a JPEG: only the size may refuse it. */
export function elevenMegabytes(): Buffer {
  const buf = Buffer.alloc(11 * 1024 * 1024, 0x41);
  buf[0] = 0xff;
  buf[1] = 0xd8;
  buf[2] = 0xff;
  return buf;
}

/** supertest parser that keeps a response body as raw bytes: `.buffer(true).parse(binary)`. */
export function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
