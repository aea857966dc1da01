import { HttpStatus, Logger } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import type { SmsConfig } from '../config/app-config';
import { SmsMessage, SmsSender, maskForLog } from './sms-sender';
import { tc3Sign } from './tc3-signer';

type TencentSmsConfig = Extract<SmsConfig, { provider: 'tencent' }>;

interface SendSmsReply {
  Response?: {
    Error?: { Code: string; Message: string };
    SendStatusSet?: Array<{ PhoneNumber: string; Code: string; Message: string; SerialNo?: string }>;
    RequestId?: string;
  };
}

const TIMEOUT_MS = 5000;
const CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Tencent's codes that mean "try again later" rather than "this cannot work": rate limits (also
 * their per-phone ones) and their own outages. Everything else (credentials, template, signature
 * name, package balance) is the operator's to fix, and a 502.
 */
const BUSY = /^(RequestLimitExceeded|LimitExceeded|InternalError|ResourceUnavailable)/;

/** Tencent Cloud SMS, API 3.0 SendSms (version 2021-01-11), signed TC3-HMAC-SHA256. */
export class TencentSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');
  private readonly host: string;

  constructor(private readonly config: TencentSmsConfig, private readonly now: () => Date = () => new Date()) {
    super();
    this.host = new URL(config.apiBase).host;
  }

  async send(msg: SmsMessage): Promise<void> {
    const templateId = this.config.templates[msg.kind];
    if (!templateId) {
      this.logger.debug({ kind: msg.kind }, 'no SMS template for this kind: not sent');
      return;
    }
    const payload = JSON.stringify({
      PhoneNumberSet: [`+86${msg.phone}`],
      SmsSdkAppId: this.config.sdkAppId,
      SignName: this.config.signName,
      TemplateId: templateId,
      TemplateParamSet: msg.params,
    });
    // Tencent refuses a timestamp more than five minutes off its clock: the wall clock, not a test clock.
    const timestamp = Math.floor(this.now().getTime() / 1000);
    const { authorization } = tc3Sign({ secretId: this.config.secretId, secretKey: this.config.secretKey, service: 'sms', host: this.host, timestamp, contentType: CONTENT_TYPE, payload });
    const who = { kind: msg.kind, phone: maskForLog(msg.phone) };

    let reply: SendSmsReply;
    try {
      const res = await fetch(`${this.config.apiBase}/`, {
        method: 'POST',
        headers: {
          'Content-Type': CONTENT_TYPE,
          'X-TC-Action': 'SendSms',
          'X-TC-Version': '2021-01-11',
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Region': this.config.region,
          Authorization: authorization,
        },
        body: payload,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      reply = (await res.json()) as SendSmsReply;
    } catch (err) {
      this.logger.warn({ ...who, err: (err as Error).message }, 'Tencent SMS unreachable');
      throw new AppException('SMS_BUSY', HttpStatus.SERVICE_UNAVAILABLE);
    }

    const error = reply.Response?.Error;
    const status = reply.Response?.SendStatusSet?.[0];
    const code = error?.Code ?? (status ? status.Code : 'NoSendStatus');
    if (code === 'Ok') {
      this.logger.log({ ...who, serialNo: status?.SerialNo }, 'SMS sent');
      return;
    }
    this.logger.warn({ ...who, code, message: error?.Message ?? status?.Message, requestId: reply.Response?.RequestId }, 'Tencent SMS refused');
    if (BUSY.test(code)) throw new AppException('SMS_BUSY', HttpStatus.SERVICE_UNAVAILABLE);
    throw new AppException('SMS_SEND_FAILED', HttpStatus.BAD_GATEWAY);
  }
}
