import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { HmacSigner } from '../common/hmac-signer';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const CARD_TOKEN_TTL_SECONDS = 60;

export type CardTokenCheck = { ok: true; membershipId: string; expiresAt: Date } | { ok: false; reason: 'EXPIRED' | 'INVALID' };

/**
 * The membership card's QR payload: `<membershipId>.<expiry, unix seconds, base36>.<nonce>.<HMAC>`,
 * signed with a key derived from TOKEN_SECRET for this purpose only. Valid for 60 seconds, so a
 * screenshot of yesterday's card fails. Stateless: any BFF instance verifies any card.
 * Whether the membership is still active is checked by the caller against the database.
 */
@Injectable()
export class CardTokenService {
  private readonly signer: HmacSigner;

  constructor(@Inject(APP_CONFIG) config: AppConfig, private readonly clock: Clock) {
    this.signer = new HmacSigner(config.tokenSecret, 'unionhome:card-token:v1');
  }

  issue(membershipId: string): { token: string; expiresAt: Date } {
    const expiresAt = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000 + CARD_TOKEN_TTL_SECONDS * 1000);
    const body = `${membershipId}.${(expiresAt.getTime() / 1000).toString(36)}.${randomBytes(6).toString('base64url')}`;
    return { token: `${body}.${this.signer.sign(body)}`, expiresAt };
  }

  verify(token: string): CardTokenCheck {
    if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'INVALID' };
    const parts = token.split('.');
    if (parts.length !== 4) return { ok: false, reason: 'INVALID' };
    const body = parts.slice(0, 3).join('.');
    if (!this.signer.matches(body, parts[3])) return { ok: false, reason: 'INVALID' };
    const expiresAt = new Date(parseInt(parts[1], 36) * 1000);
    if (Number.isNaN(expiresAt.getTime())) return { ok: false, reason: 'INVALID' };
    if (expiresAt.getTime() <= this.clock.now().getTime()) return { ok: false, reason: 'EXPIRED' };
    return { ok: true, membershipId: parts[0], expiresAt };
  }
}
