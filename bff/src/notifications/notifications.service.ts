import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InAppNotifier } from './in-app.notifier';
import { Notice } from './notifier';
import { WechatSubscribeNotifier } from './wechat-subscribe.notifier';

/**
 * The notifier port domains use. Inside the change's transaction: `record(em, notice)` writes the
 * in-app message with it. After the commit: `publish(notices)` pushes through WeChat (HTTP never
 * runs inside a database transaction, and a failed push never undoes the change).
 *
 *   const notices: Notice[] = [];
 *   await tx.run(async (em) => { …change…; notices.push(await notifications.record(em, notice)); });
 *   notifications.publish(notices);
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly inApp: InAppNotifier, private readonly wechat: WechatSubscribeNotifier) {}

  async record(em: EntityManager, notice: Notice): Promise<Notice> {
    await this.inApp.deliver(notice, em);
    return notice;
  }

  publish(notices: Notice[]): void {
    for (const notice of notices) {
      const p = this.wechat
        .deliver(notice)
        .catch((err) => this.logger.warn({ err: (err as Error).message }, 'push failed'))
        .finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
  }

  /** Waits for pushes under way (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }
}
