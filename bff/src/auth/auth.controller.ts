import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponse, SmsCodeResponse } from '@unionhome/shared';
import { Public } from '../common/auth-user';
import { AuthService } from './auth.service';
import { DevLoginDto, LogoutDto, RefreshDto, SmsCodeDto, SmsCodeResponseDto, SmsLoginDto, WechatLoginDto } from './dto/auth.dto';
import { SmsLoginService } from './sms-login.service';

/** Rate limited per client address (429): login endpoints are what a password-guesser hits. */
@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, private readonly smsCodes: SmsLoginService) {}

  @Post('dev-login')
  @HttpCode(200)
  devLogin(@Body() dto: DevLoginDto): Promise<LoginResponse> {
    return this.auth.devLogin(dto.phone);
  }

  @Post('wechat')
  @HttpCode(200)
  wechat(@Body() dto: WechatLoginDto): Promise<LoginResponse> {
    return this.auth.wechatLogin(dto.code);
  }

  @Post('sms-code')
  @HttpCode(202)
  @ApiOperation({ summary: '发送短信验证码', description: '已注册和未注册的手机号得到同样的答复；60秒内再次获取答复 429 TOO_MANY_REQUESTS；未配置短信时 503 SMS_NOT_CONFIGURED。' })
  @ApiAcceptedResponse({ type: SmsCodeResponseDto })
  smsCode(@Body() dto: SmsCodeDto): Promise<SmsCodeResponse> {
    return this.smsCodes.requestCode(dto.phone);
  }

  @Post('sms-login')
  @HttpCode(200)
  @ApiOperation({
    summary: '短信验证码登录',
    description: '首次登录的手机号自动成为新用户。验证码错误 401 SMS_CODE_INVALID；过期（5分钟）、输错5次、已用过或从未获取 401 SMS_CODE_EXPIRED；未配置短信时 503 SMS_NOT_CONFIGURED。',
  })
  smsLogin(@Body() dto: SmsLoginDto): Promise<LoginResponse> {
    return this.auth.smsLogin(dto.phone, dto.code);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录', description: '该刷新凭证及其整个轮换链从此不能再刷新。' })
  @ApiNoContentResponse()
  async logout(@Body() dto: LogoutDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<LoginResponse> {
    return this.auth.refresh(dto.refreshToken);
  }
}

export { Throttle };
