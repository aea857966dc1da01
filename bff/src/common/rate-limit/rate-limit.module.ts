import { Global, Logger, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PersonRateLimitGuard, RateLimiter } from './rate-limiter';

/**
 * The one ThrottlerModule of the app: the `auth` throttler (login and refresh per client address)
 * for ThrottlerGuard, and the storage that RateLimiter counts in. With REDIS_URL the counters live
 * in Redis, shared by every instance; without, in this instance's memory (one warning outside the demo).
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const throttlers = [{ name: 'auth', limit: config.authRateLimit.limit, ttl: config.authRateLimit.ttlSeconds * 1000 }];
        if (!config.redisUrl) {
          if (!config.demo) new Logger('RateLimiter').warn('REDIS_URL is not set: rate limits are counted per instance (set it when running more than one)');
          return { throttlers };
        }
        // Fail fast instead of queueing commands while Redis is away: RateLimiter then lets requests through.
        // Given the URL, the storage owns the connection and closes it when the app shuts down.
        const storage = new ThrottlerStorageRedisService(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, keyPrefix: config.redisKeyPrefix });
        storage.redis.on('error', () => undefined); // reported by RateLimiter when a count fails, not once per reconnect attempt
        return { throttlers, storage };
      },
    }),
  ],
  providers: [RateLimiter, PersonRateLimitGuard],
  exports: [RateLimiter, PersonRateLimitGuard, ThrottlerModule],
})
export class RateLimitModule {}
