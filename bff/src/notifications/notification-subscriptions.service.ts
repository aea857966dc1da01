import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { NotificationSubscriptionEntity } from './entities/notification-subscription.entity';
import { NoticeTopic } from './notifier';

/** WeChat keeps at most this many one-time allowances per template; so do we. */
const MAX_ALLOWANCES = 50;

/** Counts of WeChat subscribe-message allowances, changed only by conditional updates. */
@Injectable()
export class NotificationSubscriptionsService {
  constructor(private readonly tx: TransactionRunner, private readonly clock: Clock) {}

  async remaining(userId: string, topic: NoticeTopic): Promise<number> {
    return (await this.tx.manager().findOneBy(NotificationSubscriptionEntity, { userId, topic }))?.remaining ?? 0;
  }

  /** One more allowance (the person tapped 允许). */
  async grant(userId: string, topic: NoticeTopic): Promise<number> {
    const now = this.clock.now();
    try {
      await this.tx.run((em) => em.insert(NotificationSubscriptionEntity, { id: newId(), userId, topic, remaining: 1, updatedAt: now }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await this.tx.run((em) =>
        em
          .createQueryBuilder()
          .update(NotificationSubscriptionEntity)
          .set({ remaining: () => 'remaining + 1', updatedAt: now })
          .where('userId = :userId AND topic = :topic AND remaining < :max', { userId, topic, max: MAX_ALLOWANCES })
          .execute(),
      );
    }
    return this.remaining(userId, topic);
  }

  /** Uses one allowance; false when there is none left. */
  async take(userId: string, topic: NoticeTopic): Promise<boolean> {
    const res = await this.tx.run((em) =>
      em
        .createQueryBuilder()
        .update(NotificationSubscriptionEntity)
        .set({ remaining: () => 'remaining - 1', updatedAt: this.clock.now() })
        .where('userId = :userId AND topic = :topic AND remaining > 0', { userId, topic })
        .execute(),
    );
    return (res.affected ?? 0) > 0;
  }

  async giveBack(userId: string, topic: NoticeTopic): Promise<void> {
    await this.tx.run((em) =>
      em.createQueryBuilder().update(NotificationSubscriptionEntity).set({ remaining: () => 'remaining + 1' }).where('userId = :userId AND topic = :topic', { userId, topic }).execute(),
    );
  }

  /** WeChat says the person has no allowance (43101): trust it over our count. */
  async clear(userId: string, topic: NoticeTopic): Promise<void> {
    await this.tx.run((em) => em.update(NotificationSubscriptionEntity, { userId, topic }, { remaining: 0, updatedAt: this.clock.now() }));
  }
}
