import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MessagesService } from '../messages/messages.service';
import { Notice, TransactionalNotifier } from './notifier';

/** The in-app message centre: written in the change's own transaction, so it exists iff the change does. */
@Injectable()
export class InAppNotifier implements TransactionalNotifier {
  readonly channel = 'in_app';

  constructor(private readonly messages: MessagesService) {}

  deliver(notice: Notice, em: EntityManager): Promise<void> {
    return this.messages.send(notice.userId, { title: notice.title, body: notice.body, link: notice.link }, em);
  }
}
