import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponse } from '@unionhome/shared';
import { Public } from '../common/auth-user';
import { AuthService } from './auth.service';
import { DevLoginDto, RefreshDto, WechatLoginDto } from './dto/auth.dto';

/** Rate limited per client address (429): login endpoints are what a password-guesser hits. */
@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

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

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<LoginResponse> {
    return this.auth.refresh(dto.refreshToken);
  }
}

export { Throttle };
