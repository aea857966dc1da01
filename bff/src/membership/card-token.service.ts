import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Clock } from '../common/clock';
import { HmacSigner } from '../common/hmac-signer';
import { isUniqueViolation } from '../common/transaction-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CardTokenUseEntity } from './entities/card-token-use.entity';

export const CARD_TOKEN_TTL_SECONDS = 60;
/** Used nonces past their token's expiry are deleted at most this often per instance. */
const PURGE_EVERY_MS = 60_000;

export type CardTokenCheck = { ok: true; membershipId: string; nonce: string; expiresAt: Date } | { ok: false; reason: 'EXPIRED' | 'INVALID' };

/**
 * The membership card's QR payload: `<membershipId>.<expiry, unix seconds, base36>.<nonce>.<HMAC>`,
 * signed with a key derived from TOKEN_SECRET for this purpose only. Valid for 60 seconds, so a
 * screenshot of yesterday's card fails. The signature is checked statelessly (any BFF instance
 * verifies any card); a token is then used once (markUsed): its nonce is kept in the database
 * until the token expires, so a live QR forwarded to a friend fails after the first scan, on
 * any number of instances. Whether the membership is still active is checked by the caller.
 */
@Injectable()
export class CardTokenService {
  private readonly signer: HmacSigner;
  private readonly logger = new Logger('CardTokens');
  private lastPurge = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig, private readonly clock: Clock, @InjectDataSource() private readonly dataSource: DataSource) {
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
    if (parts[0].length > 36 || parts[2].length > 16) return { ok: false, reason: 'INVALID' };
    return { ok: true, membershipId: parts[0], nonce: parts[2], expiresAt };
  }

  /**
   * Records a verified token as used; false when it already was. Runs in the caller's
   * transaction, so a check that is refused later (and rolled back) leaves the token usable.
   * A plain INSERT under the primary key: two scans of one QR at the same moment on two
   * instances cannot both succeed (the second waits for the first's commit and then collides).
   */
  async markUsed(em: EntityManager, card: { membershipId: string; nonce: string; expiresAt: Date }): Promise<boolean> {
    this.purgeExpiredSometimes();
    try {
      await em.insert(CardTokenUseEntity, { membershipId: card.membershipId, nonce: card.nonce, expiresAt: card.expiresAt });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /**
   * An expired token is refused by its signature's time, so its nonce is no longer needed: one
   * indexed DELETE a minute, on the data source's own manager, never inside the caller's
   * transaction (on MySQL that would hold range locks of the index for the whole check-in).
   */
  private purgeExpiredSometimes(): void {
    const now = this.clock.now();
    if (Math.abs(now.getTime() - this.lastPurge) < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    this.dataSource.manager
      .delete(CardTokenUseEntity, { expiresAt: LessThan(now) })
      .catch((err) => this.logger.warn({ err }, 'purging used card tokens failed'));
  }
}
