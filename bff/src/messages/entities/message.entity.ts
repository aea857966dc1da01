import { Column, Entity, Index } from 'typeorm';
import { IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/** One entry of a user's in-app message centre (消息中心). */
@Entity('messages')
@Index('idx_messages_user_created', ['userId', 'createdAt'])
export class MessageEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  userId: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn({ nullable: true })
  readAt: Date | null;
}
