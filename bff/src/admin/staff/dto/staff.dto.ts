import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { GRANTABLE_ROLES, type CreateStaffGrantRequest, type GrantableRole, type StaffGrantQuery } from '@unionhome/shared';
import { PageQueryDto } from '../../../common/paging';
import { IsPhone, IsText } from '../../../common/validators';

const ROLE_MESSAGE = `角色应为 ${GRANTABLE_ROLES.join('、')} 之一`;

export class CreateStaffGrantDto implements CreateStaffGrantRequest {
  @IsPhone()
  phone: string;

  @ApiPropertyOptional({ example: '王芳', description: '首次登记的人员姓名（已有姓名的不会被覆盖）' })
  @IsOptional()
  @IsText(50)
  name?: string;

  @ApiProperty({ enum: GRANTABLE_ROLES })
  @IsIn(GRANTABLE_ROLES, { message: ROLE_MESSAGE })
  role: GrantableRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'officer（工会组织）和 venue_staff（工人文化宫）必填' })
  @IsOptional()
  @IsString({ message: '请选择组织' })
  @MaxLength(36, { message: '没有找到该组织' })
  orgId?: string;
}

export class StaffQueryDto extends PageQueryDto implements StaffGrantQuery {
  @ApiPropertyOptional({ enum: GRANTABLE_ROLES })
  @IsOptional()
  @IsIn(GRANTABLE_ROLES, { message: ROLE_MESSAGE })
  role?: GrantableRole;

  @ApiPropertyOptional({ format: 'uuid', description: '该组织及其下级组织的人员' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  orgId?: string;
}
