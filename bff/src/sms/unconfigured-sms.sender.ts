import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { SmsSender } from './sms-sender';

/** Real mode without SMS_PROVIDER: the app runs, and whatever needs an SMS says it is not set up. */
export class UnconfiguredSmsSender extends SmsSender {
  async send(): Promise<void> {
    throw new AppException('SMS_NOT_CONFIGURED', HttpStatus.SERVICE_UNAVAILABLE);
  }
}
