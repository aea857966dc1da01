import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import type { DevLoginRequest, LogoutRequest, RefreshRequest, SmsCodeRequest, SmsCodeResponse, SmsLoginRequest, WechatLoginRequest } from '@unionhome/shared';
import { IsPhone } from '../../common/validators';

export class DevLoginDto implements DevLoginRequest {
  @IsPhone()
  phone: string;
}

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'wx.login 返回的 code' })
  @IsString({ message: '缺少登录凭证' })
  @Length(1, 128, { message: '登录凭证格式不正确' })
  code: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString({ message: '缺少刷新凭证' })
  @Length(1, 200, { message: '刷新凭证格式不正确' })
  refreshToken: string;
}

export class SmsCodeDto implements SmsCodeRequest {
  @IsPhone()
  phone: string;
}

export class SmsCodeResponseDto implements SmsCodeResponse {
  @ApiProperty({ example: 300, description: '验证码有效秒数' })
  expiresInSeconds: number;

  @ApiProperty({ example: 60, description: '多少秒后可以重新获取' })
  resendAfterSeconds: number;
}

export class SmsLoginDto implements SmsLoginRequest {
  @IsPhone()
  phone: string;

  @ApiProperty({ example: '123456', description: '短信里的6位验证码' })
  @IsString({ message: '请输入验证码' })
  @Matches(/^\d{6}$/, { message: '验证码应为6位数字' })
  code: string;
}

export class LogoutDto implements LogoutRequest {
  @ApiProperty()
  @IsString({ message: '缺少刷新凭证' })
  @Length(1, 200, { message: '刷新凭证格式不正确' })
  refreshToken: string;
}
