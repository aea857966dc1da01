import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { DevLoginRequest, RefreshRequest, WechatLoginRequest } from '@unionhome/shared';
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
