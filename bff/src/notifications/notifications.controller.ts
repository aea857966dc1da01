import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { AuthUser, CurrentUser } from '../common/auth-user';
import { NotificationSubscriptionsService } from './notification-subscriptions.service';
import { NOTICE_TOPICS, NoticeTopic } from './notifier';
import { WechatSubscribeNotifier } from './wechat-subscribe.notifier';

export class SubscriptionDto {
  @ApiProperty({ enum: NOTICE_TOPICS })
  @IsIn(NOTICE_TOPICS as unknown as string[], { message: '不支持该通知类型' })
  topic: NoticeTopic;

  /** What wx.requestSubscribeMessage answered for the template: true for 'accept'. */
  @ApiProperty()
  @IsBoolean({ message: '应为是或否' })
  accepted: boolean;
}

export interface SubscriptionsResponse {
  /** Template id per topic for wx.requestSubscribeMessage; null when WeChat notices are off. */
  templates: Record<NoticeTopic, string | null>;
  remaining: Record<NoticeTopic, number>;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-subscriptions')
export class NotificationsController {
  constructor(private readonly subscriptions: NotificationSubscriptionsService, private readonly wechat: WechatSubscribeNotifier) {}

  @Get()
  async get(@CurrentUser() user: AuthUser): Promise<SubscriptionsResponse> {
    return {
      templates: { claim_status: this.wechat.templateFor('claim_status') || null },
      remaining: { claim_status: await this.subscriptions.remaining(user.id, 'claim_status') },
    };
  }

  /** Records the answer to wx.requestSubscribeMessage (one allowance per 允许). */
  @Post()
  @HttpCode(200)
  async record(@CurrentUser() user: AuthUser, @Body() dto: SubscriptionDto): Promise<{ topic: NoticeTopic; remaining: number }> {
    const remaining = dto.accepted ? await this.subscriptions.grant(user.id, dto.topic) : await this.subscriptions.remaining(user.id, dto.topic);
    return { topic: dto.topic, remaining };
  }
}
