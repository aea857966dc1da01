import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FileSize } from '@unionhome/shared';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Photos at rest (DESIGN.md "Personal information"): envelope encryption.
 *
 * Every stored file (photo and thumbnail alike) is sealed with AES-256-GCM under its own random
 * 256-bit data key. The data key is wrapped (AES-256-GCM again) by the key-encryption key FILE_KEY
 * and the wrap lives in the documents row with the key's version (FILE_KEY_VERSION), so rotating
 * FILE_KEY re-wraps 80-character strings in the database and never rewrites a blob.
 *
 * Both layers authenticate their context as AAD: the blob the document id and which file it is
 * ("<id>/full", "<id>/thumb"), the wrap the same plus the key version. A blob moved to another
 * document, a wrap copied to another row or a version number edited all fail to open.
 *
 * Stored blob: "UHE" 0x01 | IV (12) | ciphertext | tag (16) — 32 bytes more than the JPEG, and never
 * an image's magic bytes. Wrap: base64 of IV (12) | wrapped key (32) | tag (16).
 */
export const SEALED_MAGIC = Buffer.from([0x55, 0x48, 0x45, 0x01]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = SEALED_MAGIC.length + IV_BYTES;

/** The context of one stored file: which document, which of its two files. */
export type FilePart = FileSize;
export const fileContext = (documentId: string, part: FilePart) => `${documentId}/${part}`;

/** A sealed file: the bytes to store and the wrapped data key to keep in the row. */
export interface SealedFile {
  blob: Buffer;
  wrap: string;
  keyVersion: number;
}

/** A blob or wrap that does not open: tampered, swapped, or under a key this instance lacks. */
export class FileDecryptError extends Error {}

@Injectable()
export class FileCipher {
  readonly currentVersion: number;
  private readonly keys = new Map<number, Buffer>();

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'fileKey' | 'fileKeyVersion' | 'retiredFileKeys'>) {
    this.currentVersion = config.fileKeyVersion;
    this.keys.set(config.fileKeyVersion, config.fileKey);
    for (const r of config.retiredFileKeys) this.keys.set(r.version, r.key);
  }

  /** True when this instance holds the key of that version (the current one or a retired one). */
  knows(version: number): boolean {
    return this.keys.has(version);
  }

  /** Encrypts one file under a fresh data key, in one pass over the bytes. */
  seal(plain: Buffer, context: string): SealedFile {
    const dataKey = randomBytes(32);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
    cipher.setAAD(Buffer.from(`uh-file:${context}`));
    // GCM is a stream cipher: update() returns exactly as many bytes as it is given, final() none.
    const body = cipher.update(plain);
    cipher.final();
    const blob = Buffer.concat([SEALED_MAGIC, iv, body, cipher.getAuthTag()], HEADER_BYTES + body.length + TAG_BYTES);
    return { blob, wrap: this.wrap(dataKey, context, this.currentVersion), keyVersion: this.currentVersion };
  }

  /** The plain bytes of a sealed blob; FileDecryptError when anything does not authenticate. */
  open(blob: Buffer, wrap: string, keyVersion: number, context: string): Buffer {
    if (!isSealed(blob) || blob.length < HEADER_BYTES + TAG_BYTES) throw new FileDecryptError('not a sealed file');
    const dataKey = this.unwrap(wrap, keyVersion, context);
    try {
      const decipher = createDecipheriv('aes-256-gcm', dataKey, blob.subarray(SEALED_MAGIC.length, HEADER_BYTES));
      decipher.setAAD(Buffer.from(`uh-file:${context}`));
      decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
      const plain = decipher.update(blob.subarray(HEADER_BYTES, blob.length - TAG_BYTES));
      decipher.final();
      return plain;
    } catch {
      throw new FileDecryptError('the file does not authenticate');
    }
  }

  /** The same data key wrapped under the current key-encryption key (rotation). */
  rewrap(wrap: string, keyVersion: number, context: string): { wrap: string; keyVersion: number } {
    return { wrap: this.wrap(this.unwrap(wrap, keyVersion, context), context, this.currentVersion), keyVersion: this.currentVersion };
  }

  private wrap(dataKey: Buffer, context: string, version: number): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(version)!, iv);
    cipher.setAAD(Buffer.from(`uh-file-key:v${version}:${context}`));
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([iv, wrapped, cipher.getAuthTag()]).toString('base64');
  }

  private unwrap(wrap: string, version: number, context: string): Buffer {
    const kek = this.keys.get(version);
    if (!kek) throw new FileDecryptError(`file key version ${version} is not configured (FILE_KEY_VERSION / FILE_KEYS_RETIRED)`);
    const raw = Buffer.from(wrap, 'base64');
    if (raw.length !== IV_BYTES + 32 + TAG_BYTES) throw new FileDecryptError('malformed key wrap');
    try {
      const decipher = createDecipheriv('aes-256-gcm', kek, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(`uh-file-key:v${version}:${context}`));
      decipher.setAuthTag(raw.subarray(IV_BYTES + 32));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, IV_BYTES + 32)), decipher.final()]);
    } catch {
      throw new FileDecryptError(`the key wrap does not open under file key version ${version}`);
    }
  }
}

/** True when the bytes start with the sealed-file header (else: a plain file from before encryption). */
export function isSealed(blob: Buffer): boolean {
  return blob.length >= SEALED_MAGIC.length && blob.subarray(0, SEALED_MAGIC.length).equals(SEALED_MAGIC);
}
