import { Inject, Injectable, Logger } from '@nestjs/common';
import { fenToYuan, toBusinessIso } from '@unionhome/shared';
import { TransactionRunner } from '../common/transaction-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UserEntity } from '../users/entities/user.entity';
import { NotificationSubscriptionsService } from './notification-subscriptions.service';
import { Notice, PushNotifier } from './notifier';
import { WechatApiClient } from './wechat-api.client';

/** WeChat caps template values: thing ≤ 20 characters, phrase ≤ 5. */
const clip = (text: string, max: number) => (Array.from(text).length > max ? Array.from(text).slice(0, max - 1).join('') + '…' : text);

/**
 * WeChat subscribe messages (subscribeMessage.send), for people who allowed them in the
 * mini-app and logged in through WeChat (an openid). The claim template
 * (WECHAT_CLAIM_TEMPLATE_ID) is expected to have the fields
 * thing1 申请事项, phrase2 办理状态, time3 更新时间, thing4 备注.
 * Each send uses one allowance; a send WeChat refuses gives it back.
 */
@Injectable()
export class WechatSubscribeNotifier implements PushNotifier {
  readonly channel = 'wechat_subscribe';
  private readonly logger = new Logger(WechatSubscribeNotifier.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly api: WechatApiClient,
    private readonly subscriptions: NotificationSubscriptionsService,
    private readonly tx: TransactionRunner,
  ) {}

  templateFor(topic: Notice['topic']): string {
    return this.config.wechat.subscribeTemplates[topic] ?? '';
  }

  async deliver(notice: Notice): Promise<void> {
    try {
      const templateId = this.templateFor(notice.topic);
      if (!templateId || !this.api.configured) return;
      const user = await this.tx.manager().findOneBy(UserEntity, { id: notice.userId });
      if (!user?.openid) return;
      if (!(await this.subscriptions.take(notice.userId, notice.topic))) return;
      const s = notice.summary;
      const note = [s.amount !== undefined && s.amount !== null ? `金额${fenToYuan(s.amount)}元` : '', s.note ?? ''].filter(Boolean).join('，') || '点击查看详情';
      const outcome = await this.api.sendSubscribeMessage({
        touser: user.openid,
        template_id: templateId,
        page: notice.link.replace(/^\//, ''),
        data: {
          thing1: { value: clip(s.item, 20) },
          phrase2: { value: clip(s.status, 5) },
          time3: { value: toBusinessIso(s.at).slice(0, 16).replace('T', ' ') },
          thing4: { value: clip(note, 20) },
        },
        miniprogram_state: this.config.wechat.miniprogramState,
        lang: 'zh_CN',
      });
      if (outcome === 'refused') await this.subscriptions.clear(notice.userId, notice.topic);
      else if (outcome === 'failed') await this.subscriptions.giveBack(notice.userId, notice.topic);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'wechat notice not delivered');
    }
  }
}
