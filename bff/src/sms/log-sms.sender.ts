import { Logger } from '@nestjs/common';
import { SmsMessage, SmsSender } from './sms-sender';

/**
 * The demo's SMS: the message, code included, goes to the log so a tester can read it there.
 * The config refuses SMS_PROVIDER=log outside demo mode, so no real code is ever written out.
 */
export class LogSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');

  async send(msg: SmsMessage): Promise<void> {
    this.logger.log({ phone: msg.phone, kind: msg.kind, params: msg.params }, `demo SMS to ${msg.phone} (${msg.kind}): ${msg.params.join(' / ')}`);
  }
}
