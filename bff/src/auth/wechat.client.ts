import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';

interface Code2SessionReply {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/**
 * WeChat's code2Session (auth.jscode2session) at WECHAT_API_BASE. The AppSecret stays here.
 * Its documented error replies: 40029 invalid code, 40163 code already used, 45011 rate limited,
 * 40226 high-risk user blocked, -1 system busy.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async code2Session(code: string): Promise<{ openid: string; unionid?: string }> {
    const { apiBase, appId, appSecret } = this.config.wechat;
    const url = `${apiBase}/sns/jscode2session?appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`;
    let reply: Code2SessionReply;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      reply = (await res.json()) as Code2SessionReply;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'code2Session unreachable');
      throw new AppException('WECHAT_LOGIN_FAILED', HttpStatus.BAD_GATEWAY);
    }
    if (reply.errcode) {
      this.logger.warn({ errcode: reply.errcode }, 'code2Session refused');
      if (reply.errcode === 40029 || reply.errcode === 40163) throw new AppException('WECHAT_CODE_INVALID', HttpStatus.UNAUTHORIZED);
      if (reply.errcode === 45011) throw new AppException('WECHAT_BUSY', HttpStatus.TOO_MANY_REQUESTS);
      if (reply.errcode === -1) throw new AppException('WECHAT_BUSY', HttpStatus.SERVICE_UNAVAILABLE);
      throw new AppException('WECHAT_LOGIN_FAILED', HttpStatus.BAD_GATEWAY);
    }
    if (!reply.openid) throw new AppException('WECHAT_LOGIN_FAILED', HttpStatus.BAD_GATEWAY);
    return { openid: reply.openid, unionid: reply.unionid };
  }
}
