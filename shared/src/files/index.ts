/**
 * The photo upload contract shared by every domain that takes pictures (claims, hardship):
 * limits the phone checks before sending and the BFF enforces on arrival (DESIGN.md §3).
 */

/** One image per request, at most 10 MB (API.md: 413 FILE_TOO_LARGE above this). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** Decoding stops at about 40 megapixels, so a decompression bomb is refused at once. */
export const UPLOAD_MAX_PIXELS = 40_000_000;

/** Stored copies are re-encoded JPEG with the long edge at most this many pixels. */
export const STORED_LONG_EDGE = 2000;
export const THUMB_LONG_EDGE = 320;

/** Formats recognised by their first bytes (never by the file name). */
export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'heic'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const FILE_SIZES = ['full', 'thumb'] as const;
export type FileSize = (typeof FILE_SIZES)[number];

/** What an upload answers (API.md: `{ id, type, width, height, bytes }`). */
export interface StoredDocumentResponse {
  id: string;
  type: string;
  width: number;
  height: number;
  bytes: number;
  /** true when the same photo was already attached to this case: nothing new was stored. */
  duplicate: boolean;
  createdAt: string;
}

/** The BFF path (under /api/v1) that serves a stored photo or its thumbnail. */
export function filePath(documentId: string, size: FileSize = 'full'): string {
  return size === 'thumb' ? `/files/${documentId}?size=thumb` : `/files/${documentId}`;
}
