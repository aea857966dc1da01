import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { IsNull } from 'typeorm';
import type { LoginResponse, Role } from '@unionhome/shared';
import { AppException } from '../common/app-exception';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { TransactionRunner } from '../common/transaction-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UsersRepository } from '../users/users.repository';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { SmsLoginService } from './sms-login.service';
import { WechatClient } from './wechat.client';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly wechat: WechatClient,
    private readonly smsCodes: SmsLoginService,
  ) {}

  async devLogin(phone: string): Promise<LoginResponse> {
    if (!this.config.devLogin) throw new AppException('DEV_LOGIN_DISABLED', HttpStatus.FORBIDDEN);
    const user = await this.users.findByPhone(phone);
    if (!user) throw new AppException('USER_NOT_FOUND', HttpStatus.NOT_FOUND);
    return this.issue(user.id, newId());
  }

  async wechatLogin(code: string): Promise<LoginResponse> {
    const { openid } = await this.wechat.code2Session(code);
    const user = await this.users.findOrCreateByOpenid(openid, this.clock.now());
    return this.issue(user.id, newId());
  }

  /** A phone seen for the first time becomes a user, as a first WeChat login does. */
  async smsLogin(phone: string, code: string): Promise<LoginResponse> {
    await this.smsCodes.verify(phone, code);
    const user = await this.users.findOrCreateByPhone(phone, this.clock.now());
    return this.issue(user.id, newId());
  }

  /**
   * Ends the session the refresh token belongs to: its whole family, so a copy rotated earlier
   * cannot refresh either. An unknown or already revoked token is not an error (logging out twice).
   */
  async logout(refreshToken: string): Promise<void> {
    const now = this.clock.now();
    await this.tx.run(async (em) => {
      const row = await em.findOneBy(RefreshTokenEntity, { tokenHash: sha256(refreshToken) });
      if (row) await em.update(RefreshTokenEntity, { familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: now });
    });
  }

  /**
   * Rotation: a refresh token works once. Presenting an already used (or revoked) one is treated
   * as theft and revokes every token of its family.
   */
  async refresh(refreshToken: string): Promise<LoginResponse> {
    const now = this.clock.now();
    const outcome = await this.tx.run(async (em) => {
      const row = await em.findOneBy(RefreshTokenEntity, { tokenHash: sha256(refreshToken) });
      if (!row) return null;
      if (row.usedAt || row.revokedAt || row.expiresAt <= now) {
        await em.update(RefreshTokenEntity, { familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return null;
      }
      // Conditional update: of two concurrent uses of one token, only one wins.
      const res = await em.update(RefreshTokenEntity, { id: row.id, usedAt: IsNull() }, { usedAt: now });
      if (!res.affected) return null;
      return row;
    });
    if (!outcome) throw new AppException('REFRESH_TOKEN_INVALID', HttpStatus.UNAUTHORIZED);
    return this.issue(outcome.userId, outcome.familyId);
  }

  private async issue(userId: string, familyId: string): Promise<LoginResponse> {
    const now = this.clock.now();
    const [scoped, authVersion] = await Promise.all([this.users.rolesOf(userId), this.users.authVersionOf(userId)]);
    const roles = [...new Set(scoped.map((r) => r.role))] as Role[];
    const orgs: Partial<Record<Role, string>> = {};
    for (const r of scoped) if (r.orgId) orgs[r.role] = r.orgId;
    const accessToken = this.jwt.sign(
      { sub: userId, roles, orgs, typ: 'access', av: authVersion ?? 0 },
      { expiresIn: this.config.accessTokenTtlSeconds, jwtid: newId() },
    );
    const refreshToken = randomBytes(32).toString('base64url');
    await this.tx.run(async (em) => {
      await em.insert(RefreshTokenEntity, {
        id: newId(),
        tokenHash: sha256(refreshToken),
        userId,
        familyId,
        expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlDays * 86_400_000),
        usedAt: null,
        revokedAt: null,
        createdAt: now,
      });
      await this.users.touchLogin(userId, now);
    });
    const isMember = await this.users.isActiveMember(userId);
    return { accessToken, refreshToken, user: { id: userId, roles: isMember ? ['member', ...roles] : roles } };
  }
}
