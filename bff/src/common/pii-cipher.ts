import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { normalizeIdNumber } from '@unionhome/shared';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Encryption of sensitive personal information at rest (ID numbers, household incomes):
 * AES-256-GCM with a random 96-bit IV per value, stored as "v1.<iv>.<tag>.<ciphertext>" (base64url),
 * and an HMAC-SHA-256 blind index under a separate key for uniqueness and exact look-ups.
 * Node's own crypto is used rather than a library: it is the primitive the libraries wrap.
 */
@Injectable()
export class PiiCipher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.piiKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== 'v1') throw new Error('unknown ciphertext version');
    const decipher = createDecipheriv('aes-256-gcm', this.config.piiKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(stored: string): T {
    return JSON.parse(this.decrypt(stored)) as T;
  }

  /** Blind index of an ID number (normalised first, so "x" and "X" index alike). */
  idNumberIndex(idNumber: string): string {
    return this.blindIndex('id', normalizeIdNumber(idNumber));
  }

  blindIndex(purpose: string, value: string): string {
    return createHmac('sha256', this.config.piiIndexKey).update(`${purpose}:${value}`).digest('hex');
  }
}
