import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CreateInviteRequest, INVITE_EXPIRES_HOURS, INVITE_MAX_USES_LIMIT } from '@unionhome/shared';

export class CreateInviteDto implements CreateInviteRequest {
  @ApiPropertyOptional({ minimum: INVITE_EXPIRES_HOURS.min, maximum: INVITE_EXPIRES_HOURS.max, default: INVITE_EXPIRES_HOURS.default, description: '有效期（小时）' })
  @IsOptional()
  @IsInt({ message: '有效期应为整数小时' })
  @Min(INVITE_EXPIRES_HOURS.min, { message: `有效期至少${INVITE_EXPIRES_HOURS.min}小时` })
  @Max(INVITE_EXPIRES_HOURS.max, { message: `有效期最长${INVITE_EXPIRES_HOURS.max / 24}天` })
  expiresInHours?: number;

  @ApiPropertyOptional({ minimum: 1, description: '最多可用于多少份申请；不填为不限' })
  @IsOptional()
  @IsInt({ message: '使用次数应为整数' })
  @Min(1, { message: '使用次数至少为1' })
  @Max(INVITE_MAX_USES_LIMIT, { message: '使用次数太大了' })
  maxUses?: number;
}
