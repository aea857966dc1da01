import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LogSmsSender } from './log-sms.sender';
import { SmsSender } from './sms-sender';
import { TencentSmsSender } from './tencent-sms.sender';
import { UnconfiguredSmsSender } from './unconfigured-sms.sender';

/** Provides the SmsSender chosen by SMS_PROVIDER to every module (login codes, claim notices). */
@Global()
@Module({
  providers: [
    {
      provide: SmsSender,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SmsSender => {
        switch (config.sms.provider) {
          case 'tencent':
            return new TencentSmsSender(config.sms);
          case 'log':
            return new LogSmsSender();
          default:
            return new UnconfiguredSmsSender();
        }
      },
    },
  ],
  exports: [SmsSender],
})
export class SmsModule {}
