import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable, Logger, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getStorageToken, ThrottlerStorage } from '@nestjs/throttler';
import type { NextFunction, Request, Response } from 'express';
import { errorMessage } from '@unionhome/shared';
import { APP_CONFIG, AppConfig, RateLimitBucket } from '../../config/app-config';
import { AppException } from '../app-exception';
import type { AuthUser } from '../auth-user';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window frees a place (for Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Counts hits per bucket and key in @nestjs/throttler's storage (memory, or Redis shared by all
 * instances when REDIS_URL is set: RateLimitModule). The counting is the library's; what is ours is
 * the choice of key — the person for bookings and uploads, the client address only as a flood guard —
 * so 300 workers behind one factory NAT are 300 people, not one address over its limit.
 *
 * A storage that fails (Redis down) lets the request through with a warning: a limit is a guard
 * against abuse, and must not take the service down with it.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private lastFailureWarning = 0;

  constructor(@Inject(getStorageToken()) private readonly storage: ThrottlerStorage, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async hit(bucket: RateLimitBucket, key: string): Promise<RateDecision> {
    const { limit, ttlSeconds } = this.config.rateLimits[bucket];
    const ttl = ttlSeconds * 1000;
    try {
      const record = await this.storage.increment(`${bucket}:${key}`, ttl, limit, ttl, bucket);
      if (!record.isBlocked) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(record.timeToBlockExpire || record.timeToExpire || ttlSeconds)) };
    } catch (err) {
      if (Date.now() - this.lastFailureWarning > 60_000) {
        this.lastFailureWarning = Date.now();
        this.logger.warn({ err }, 'rate-limit storage failed; letting requests through until it answers again');
      }
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }
}

const RATE_LIMIT_BUCKET = 'uh:rateLimitBucket';

@Injectable()
export class PersonRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter, private readonly reflector: Reflector) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<RateLimitBucket>(RATE_LIMIT_BUCKET, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const key = req.user ? `user:${req.user.id}` : `ip:${req.ip}`;
    const decision = await this.limiter.hit(bucket, key);
    if (decision.allowed) return true;
    ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new AppException('TOO_MANY_REQUESTS', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * At most the bucket's limit per person per window (429 with Retry-After). A guard, so it runs after
 * the login check and before any interceptor: an upload over the limit is refused before a byte of
 * its body is read.
 */
export const RateLimitPerPerson = (bucket: Exclude<RateLimitBucket, 'address'>) => applyDecorators(SetMetadata(RATE_LIMIT_BUCKET, bucket), UseGuards(PersonRateLimitGuard));

/** Every API request counts against its client address (TRUST_PROXY decides which that is): a flood guard only. */
export function addressFloodGuard(limiter: RateLimiter) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const decision = await limiter.hit('address', req.ip ?? 'unknown');
    if (decision.allowed) return next();
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    res.status(429).json({ code: 'TOO_MANY_REQUESTS', message: errorMessage('TOO_MANY_REQUESTS') });
  };
}
