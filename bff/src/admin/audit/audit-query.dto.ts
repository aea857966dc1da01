import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { AuditQuery, PHONE_PATTERN } from '@unionhome/shared';
import { PageQueryDto } from '../../common/paging';
import { IsEntityId, IsLocalDate } from '../../common/validators';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @IsOptional()
  @IsEntityId({ required: false, description: '操作人的用户编号' })
  actorId?: string;

  @ApiPropertyOptional({ example: '13800000002', description: '操作人的手机号码（代替 actorId）' })
  @IsOptional()
  @IsString({ message: '手机号码应为11位数字' })
  @Matches(PHONE_PATTERN, { message: '手机号码应为11位数字' })
  actorPhone?: string;

  @ApiPropertyOptional({ example: 'membership_application', description: '记录类型' })
  @IsOptional()
  @IsString({ message: '记录类型不正确' })
  @Matches(/^[a-z][a-z_]{0,39}$/, { message: '记录类型不正确' })
  subjectType?: string;

  @IsOptional()
  @IsEntityId({ required: false, description: '记录编号' })
  subjectId?: string;

  @IsOptional()
  @IsLocalDate({ required: false, description: '从这天起（含）' })
  from?: string;

  @IsOptional()
  @IsLocalDate({ required: false, description: '到这天止（含）' })
  to?: string;
}
