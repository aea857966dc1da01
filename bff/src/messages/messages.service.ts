import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { MessageResponse, Paged } from '@unionhome/shared';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { paged } from '../common/paging';
import { TransactionRunner } from '../common/transaction-runner';
import { MessageEntity } from './entities/message.entity';

export interface NewMessage {
  title: string;
  body: string;
  link?: string | null;
}

/** The in-app message centre. `send` joins the caller's transaction, so a message exists iff the change does. */
@Injectable()
export class MessagesService {
  constructor(private readonly tx: TransactionRunner, private readonly clock: Clock) {}

  async send(userId: string, msg: NewMessage, em?: EntityManager): Promise<void> {
    const row = { id: newId(), userId, title: msg.title, body: msg.body, link: msg.link ?? null, createdAt: this.clock.now(), readAt: null };
    if (em) await em.insert(MessageEntity, row);
    else await this.tx.run((m) => m.insert(MessageEntity, row));
  }

  async list(userId: string, p: { page: number; limit: number; skip: number }): Promise<Paged<MessageResponse>> {
    const [rows, total] = await this.tx.manager().findAndCount(MessageEntity, {
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: p.skip,
      take: p.limit,
    });
    return paged(rows.map(toMessageResponse), total, p);
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    const res = await this.tx.run((em) => em.update(MessageEntity, { id, userId }, { readAt: this.clock.now() }));
    return !!res.affected;
  }

  async unreadCount(userId: string): Promise<number> {
    return this.tx.manager().createQueryBuilder(MessageEntity, 'm').where('m.userId = :userId AND m.readAt IS NULL', { userId }).getCount();
  }
}

export function toMessageResponse(m: MessageEntity): MessageResponse {
  return { id: m.id, title: m.title, body: m.body, createdAt: m.createdAt.toISOString(), readAt: m.readAt ? m.readAt.toISOString() : null, link: m.link };
}
