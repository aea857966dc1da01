import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationSubscriptionEntity } from './entities/notification-subscription.entity';
import { InAppNotifier } from './in-app.notifier';
import { NotificationSubscriptionsService } from './notification-subscriptions.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { WechatApiClient } from './wechat-api.client';
import { WechatSubscribeNotifier } from './wechat-subscribe.notifier';

/** The notifier port (NotificationsService) with its in-app and WeChat subscribe-message adapters. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationSubscriptionEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, InAppNotifier, WechatSubscribeNotifier, WechatApiClient, NotificationSubscriptionsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
