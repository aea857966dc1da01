import { createHash } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import sharp, { type OutputInfo } from 'sharp';
import { ImageFormat, STORED_LONG_EDGE, THUMB_LONG_EDGE, UPLOAD_MAX_BYTES, UPLOAD_MAX_PIXELS } from '@unionhome/shared';
import { AppException } from '../common/app-exception';

/**
 * The photo upload policy, in one place (DESIGN.md §3, STYLE.md habit 9). Every domain that takes
 * pictures goes through `processImage`; nothing else in the BFF decodes an upload.
 *
 * - type by content: the first bytes must be JPEG, PNG, WebP or HEIC, whatever the name says (415);
 * - at most 10 MB (the multer limit answers 413 before the body is even read in full);
 * - at most ~40 megapixels, checked from the header before any pixel is decoded, and again by
 *   sharp's limitInputPixels, so a decompression bomb costs milliseconds (422);
 * - decode errors and truncated files are refused (422), never stored half-read;
 * - auto-rotated by the EXIF orientation, then re-encoded to JPEG: this drops EXIF (GPS included),
 *   colour-profile tricks and any payload appended after the image data;
 * - long edge at most 2000 px, plus a 320 px thumbnail for lists.
 */
export const UPLOAD_POLICY = {
  maxBytes: UPLOAD_MAX_BYTES,
  maxPixels: UPLOAD_MAX_PIXELS,
  longEdge: STORED_LONG_EDGE,
  thumbLongEdge: THUMB_LONG_EDGE,
  jpegQuality: 82,
  thumbQuality: 70,
  contentType: 'image/jpeg',
} as const;

/** HEIF brands of HEIC photos (iPhone and many Android cameras). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

/** The image format by magic bytes, or null when it is none of the accepted ones. */
export function sniffImageFormat(buf: Buffer): ImageFormat | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (buf.length >= 12 && buf.toString('latin1', 4, 8) === 'ftyp' && HEIC_BRANDS.has(buf.toString('latin1', 8, 12))) return 'heic';
  return null;
}

export interface ProcessedImage {
  format: ImageFormat;
  /** SHA-256 (hex) of the bytes as uploaded: the same photo twice is one photo. */
  sha256: string;
  originalBytes: number;
  main: { data: Buffer; width: number; height: number };
  thumb: { data: Buffer; width: number; height: number };
}

export function sha256Hex(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

const unreadable = (format: ImageFormat | null) =>
  new AppException('IMAGE_UNREADABLE', HttpStatus.UNPROCESSABLE_ENTITY, {
    message:
      format === 'heic'
        ? '暂时无法识别这张HEIC格式的照片，请在相机设置中选择"兼容性最佳"后重拍，或截图后上传'
        : undefined,
  });
const tooManyPixels = () => new AppException('IMAGE_TOO_MANY_PIXELS', HttpStatus.UNPROCESSABLE_ENTITY);

/** Checks the first bytes only: cheap enough to run before anything else touches the upload. */
export function assertAcceptedImage(buf: Buffer): ImageFormat {
  if (buf.length > UPLOAD_POLICY.maxBytes) throw new AppException('FILE_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE);
  const format = sniffImageFormat(buf);
  if (!format) throw new AppException('UNSUPPORTED_FILE_TYPE', HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  return format;
}

/** Runs the whole policy on one upload; throws AppException 413/415/422 for what it refuses. */
export async function processImage(buf: Buffer): Promise<ProcessedImage> {
  const format = assertAcceptedImage(buf);
  let width: number | undefined;
  let height: number | undefined;
  try {
    // Reads the header only: a 225-megapixel bomb is refused here in about a millisecond.
    ({ width, height } = await sharp(buf, { limitInputPixels: false }).metadata());
  } catch {
    throw unreadable(format);
  }
  if (!width || !height) throw unreadable(format);
  if (width * height > UPLOAD_POLICY.maxPixels) throw tooManyPixels();

  let main: { data: Buffer; info: OutputInfo };
  try {
    main = await sharp(buf, { limitInputPixels: UPLOAD_POLICY.maxPixels, failOn: 'truncated', sequentialRead: true })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: UPLOAD_POLICY.longEdge, height: UPLOAD_POLICY.longEdge, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: UPLOAD_POLICY.jpegQuality })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    if (/pixel limit/i.test(String((err as Error)?.message))) throw tooManyPixels();
    throw unreadable(format);
  }
  const thumb = await sharp(main.data)
    .resize({ width: UPLOAD_POLICY.thumbLongEdge, height: UPLOAD_POLICY.thumbLongEdge, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: UPLOAD_POLICY.thumbQuality })
    .toBuffer({ resolveWithObject: true });
  return {
    format,
    sha256: sha256Hex(buf),
    originalBytes: buf.length,
    main: { data: main.data, width: main.info.width, height: main.info.height },
    thumb: { data: thumb.data, width: thumb.info.width, height: thumb.info.height },
  };
}
