import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

interface TokenReply {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

interface SendReply {
  errcode?: number;
  errmsg?: string;
  msgid?: number;
}

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: 'formal' | 'trial' | 'developer';
  lang: 'zh_CN';
}

export type SendOutcome = 'sent' | 'refused' | 'failed';

/** access_token errors that a fresh token cures: invalid (40001), expired (42001), not the latest (40014). */
const STALE_TOKEN = new Set([40001, 40014, 42001]);
/** The person has not allowed (or has used up) this template: 43101. */
const NOT_SUBSCRIBED = 43101;

/**
 * The server-side WeChat API at WECHAT_API_BASE: the stable access_token
 * (POST /cgi-bin/stable_token, safe to call from several BFF instances: it does not invalidate
 * the token others hold) and subscribeMessage.send (POST /cgi-bin/message/subscribe/send).
 */
@Injectable()
export class WechatApiClient {
  private readonly logger = new Logger(WechatApiClient.name);
  private token: { value: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return !!(this.config.wechat.appId && this.config.wechat.appSecret);
  }

  /** A cached token, renewed five minutes before it expires; one fetch at a time. */
  async accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt > Date.now()) return this.token.value;
    if (!this.pending) {
      this.pending = this.fetchToken(forceRefresh).finally(() => (this.pending = null));
    }
    return this.pending;
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    const { apiBase, appId, appSecret } = this.config.wechat;
    const res = await fetch(`${apiBase}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: forceRefresh }),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`stable_token HTTP ${res.status}`);
    const reply = (await res.json()) as TokenReply;
    if (reply.errcode || !reply.access_token) throw new Error(`stable_token errcode ${reply.errcode ?? 'none'}`);
    const ttl = Math.max(60, (reply.expires_in ?? 7200) - 300);
    this.token = { value: reply.access_token, expiresAt: Date.now() + ttl * 1000 };
    return reply.access_token;
  }

  /** Sends one subscribe message; a stale token is renewed and the send tried once more. */
  async sendSubscribeMessage(msg: SubscribeMessage): Promise<SendOutcome> {
    for (let attempt = 0; attempt < 2; attempt++) {
      let reply: SendReply;
      try {
        const token = await this.accessToken(attempt > 0);
        const res = await fetch(`${this.config.wechat.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(msg),
          signal: AbortSignal.timeout(5000),
        });
        if (!res.ok) throw new Error(`subscribe/send HTTP ${res.status}`);
        reply = (await res.json()) as SendReply;
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'subscribe message not sent');
        return 'failed';
      }
      if (!reply.errcode) return 'sent';
      if (STALE_TOKEN.has(reply.errcode) && attempt === 0) {
        this.token = null;
        continue;
      }
      this.logger.warn({ errcode: reply.errcode }, 'subscribe message refused');
      return reply.errcode === NOT_SUBSCRIBED ? 'refused' : 'failed';
    }
    return 'failed';
  }
}
