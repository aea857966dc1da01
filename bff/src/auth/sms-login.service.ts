import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { SmsCodeResponse } from '@unionhome/shared';
import { AppException } from '../common/app-exception';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { PiiCipher } from '../common/pii-cipher';
import { TransactionRunner, isUniqueViolation } from '../common/transaction-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SmsSender } from '../sms/sms-sender';
import { SmsCodeEntity } from './entities/sms-code.entity';

/** DESIGN.md Identity: six digits, 5 minutes, 5 tries, one new code a minute. */
export const SMS_CODE_TTL_SECONDS = 300;
export const SMS_RESEND_AFTER_SECONDS = 60;
export const SMS_MAX_ATTEMPTS = 5;

const invalid = () => new AppException('SMS_CODE_INVALID', HttpStatus.UNAUTHORIZED);
const expired = () => new AppException('SMS_CODE_EXPIRED', HttpStatus.UNAUTHORIZED);

/**
 * Issues and checks SMS login codes. A code is stored only as an HMAC under a key derived from
 * TOKEN_SECRET (a bare hash of six digits is reversed by trying a million), bound to the phone.
 * Every state change is a conditional UPDATE on the row's generation, so two concurrent requests
 * can never both send a code within the minute or both log in with one code.
 */
@Injectable()
export class SmsLoginService {
  private readonly codeKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly pii: PiiCipher,
    private readonly sms: SmsSender,
  ) {
    this.codeKey = createHmac('sha256', config.tokenSecret).update('sms-login-code').digest();
  }

  /** The same answer whether or not the phone has an account: it must not reveal who does. */
  async requestCode(phone: string): Promise<SmsCodeResponse> {
    this.assertConfigured();
    const now = this.clock.now();
    const phoneIndex = this.pii.blindIndex('sms-phone', phone);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const issued = await this.issue(phoneIndex, this.hash(phoneIndex, code), now);
    if (!issued) throw new AppException('TOO_MANY_REQUESTS', HttpStatus.TOO_MANY_REQUESTS, { message: `验证码已发送，请${SMS_RESEND_AFTER_SECONDS}秒后再重新获取` });
    try {
      await this.sms.send({ phone, kind: 'login', params: [code, String(SMS_CODE_TTL_SECONDS / 60)] });
    } catch (err) {
      // Nothing reached the phone: take the code back so the person may ask again at once.
      await this.tx.run((em) => em.delete(SmsCodeEntity, { id: issued.id, generation: issued.generation }));
      throw err;
    }
    return { expiresInSeconds: SMS_CODE_TTL_SECONDS, resendAfterSeconds: SMS_RESEND_AFTER_SECONDS };
  }

  /**
   * Consumes the code. Order matters: a void code (used, expired, 5 wrong tries) answers
   * SMS_CODE_EXPIRED even when the digits are right, so a used code never works twice and the
   * sixth try of a guesser learns nothing.
   */
  async verify(phone: string, code: string): Promise<void> {
    this.assertConfigured();
    const now = this.clock.now();
    const phoneIndex = this.pii.blindIndex('sms-phone', phone);
    const row = await this.tx.manager().findOneBy(SmsCodeEntity, { phoneIndex });
    if (!row || row.usedAt || row.attempts >= SMS_MAX_ATTEMPTS || row.expiresAt <= now) throw expired();
    const given = Buffer.from(this.hash(phoneIndex, code), 'hex');
    const expected = Buffer.from(row.codeHash, 'hex');
    const guard = { id: row.id, generation: row.generation };
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      const res = await this.tx.run((em) =>
        em.createQueryBuilder().update(SmsCodeEntity).set({ attempts: () => 'attempts + 1' })
          .where('id = :id AND generation = :generation AND attempts < :max AND usedAt IS NULL', { ...guard, max: SMS_MAX_ATTEMPTS })
          .execute(),
      );
      // A concurrent guess took the last try, or a new code replaced this one.
      if (!res.affected) throw expired();
      throw invalid();
    }
    const res = await this.tx.run((em) =>
      em.createQueryBuilder().update(SmsCodeEntity).set({ usedAt: now })
        .where('id = :id AND generation = :generation AND attempts < :max AND usedAt IS NULL', { ...guard, max: SMS_MAX_ATTEMPTS })
        .execute(),
    );
    if (!res.affected) throw expired();
  }

  /** Real mode without SMS_PROVIDER: say so, rather than "wrong code" for a code nobody could get. */
  private assertConfigured(): void {
    if (this.config.sms.provider === 'none') throw new AppException('SMS_NOT_CONFIGURED', HttpStatus.SERVICE_UNAVAILABLE);
  }

  private hash(phoneIndex: string, code: string): string {
    return createHmac('sha256', this.codeKey).update(`${phoneIndex}:${code}`).digest('hex');
  }

  /**
   * Stores a new code for the phone unless one was sent less than a minute ago. Returns the row's
   * id and new generation, or null (too soon). The first code inserts; a later one replaces the
   * row only if nobody else replaced it since we read it.
   */
  private async issue(phoneIndex: string, codeHash: string, now: Date): Promise<{ id: string; generation: number } | null> {
    const fresh = { codeHash, attempts: 0, sentAt: now, expiresAt: new Date(now.getTime() + SMS_CODE_TTL_SECONDS * 1000), usedAt: null };
    for (let round = 0; round < 2; round++) {
      const row = await this.tx.manager().findOneBy(SmsCodeEntity, { phoneIndex });
      if (!row) {
        const id = newId();
        try {
          await this.tx.run((em) => em.insert(SmsCodeEntity, { id, phoneIndex, generation: 1, ...fresh }));
          return { id, generation: 1 };
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          continue; // a concurrent first request inserted it: judge that row instead
        }
      }
      if (now.getTime() - row.sentAt.getTime() < SMS_RESEND_AFTER_SECONDS * 1000) return null;
      const generation = row.generation + 1;
      const res = await this.tx.run((em) => em.update(SmsCodeEntity, { id: row.id, generation: row.generation }, { generation, ...fresh }));
      return res.affected ? { id: row.id, generation } : null;
    }
    return null;
  }
}
