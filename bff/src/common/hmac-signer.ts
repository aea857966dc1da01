import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short signatures for the QR codes the app prints and shows (membership card, venue check-in):
 * HMAC-SHA256 with a key derived from TOKEN_SECRET for one purpose only, so a signature of one
 * kind never verifies as another; 22 base64url characters (132 bits).
 */
export class HmacSigner {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }

  /**
   * Compares the text, not decoded bytes: 22 base64url characters carry 132 bits, and decoding
   * drops the last 4, so a changed final character would still "match" as bytes.
   */
  matches(body: string, signature: string): boolean {
    const given = Buffer.from(signature, 'utf8');
    const expected = Buffer.from(this.sign(body), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
