import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MembershipSettings, VerifyCardRequest } from '@unionhome/shared';
import { PageQueryDto } from '../../common/paging';
import { MEMBERSHIP_STATUSES, MembershipStatus } from '../entities/membership.entity';
import { Trim } from './shared-rule';

export class MemberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '姓名或会员编号（部分即可）' })
  @IsOptional()
  @Trim()
  @IsString({ message: '应为文字' })
  @MaxLength(50, { message: '不能超过50个字' })
  q?: string;

  @ApiPropertyOptional({ enum: MEMBERSHIP_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(MEMBERSHIP_STATUSES, { message: '状态只能是 active 或 left' })
  status?: MembershipStatus;
}

export class MembershipSettingsDto implements MembershipSettings {
  @ApiProperty({ description: '入会申请自动通过' })
  @IsBoolean({ message: '应为是或否' })
  autoApprove: boolean;
}

export class VerifyCardDto implements VerifyCardRequest {
  @ApiProperty({ description: '会员卡二维码的内容' })
  @IsString({ message: '请扫描会员卡二维码' })
  @MaxLength(300, { message: '不是有效的会员卡二维码' })
  token: string;
}
