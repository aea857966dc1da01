import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * How many WeChat subscribe messages of one topic a user has allowed. WeChat's one-time
 * subscriptions grant one message per "allow" tap (wx.requestSubscribeMessage); each send uses one.
 */
@Entity('notification_subscriptions')
@Index('uq_notification_subscriptions_user_topic', ['userId', 'topic'], { unique: true })
export class NotificationSubscriptionEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  userId: string;

  @Column({ type: 'varchar', length: 30 })
  topic: string;

  @Column({ type: 'integer', default: 0 })
  remaining: number;

  @InstantColumn()
  updatedAt: Date;
}
