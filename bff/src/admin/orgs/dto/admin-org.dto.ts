import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  CreateOrgRequest,
  ORG_CODE_HINT,
  ORG_CODE_PATTERN,
  ORG_NAME_MAX,
  ORG_TYPES,
  OrgType,
  ORG_REGION_CODE_HINT,
  ORG_REGION_CODE_PATTERN,
  UpdateOrgRequest,
} from '@unionhome/shared';


/** The credit code is checked by the service: whether it must start with 81 depends on the type. */
export class CreateOrgDto implements CreateOrgRequest {
  @ApiProperty({ example: 'SX-YC-0001', description: ORG_CODE_HINT })
  @IsString({ message: '请填写组织编号' })
  @Matches(ORG_CODE_PATTERN, { message: ORG_CODE_HINT })
  code: string;

  @ApiProperty({ example: '绍兴某某物流有限公司工会委员会' })
  @IsString({ message: '请填写组织名称' })
  @Matches(/\S/, { message: '请填写组织名称' })
  @MaxLength(ORG_NAME_MAX, { message: `不能超过${ORG_NAME_MAX}个字` })
  name: string;

  @ApiProperty({ enum: ORG_TYPES })
  @IsIn(ORG_TYPES, { message: '请选择组织类型' })
  type: OrgType;

  @ApiPropertyOptional({ nullable: true, description: '上级组织；只有市总工会可以没有上级' })
  @IsOptional()
  @IsUUID('all', { message: '没有找到该上级组织' })
  parentId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '330602', description: ORG_REGION_CODE_HINT })
  @IsOptional()
  @IsString({ message: ORG_REGION_CODE_HINT })
  @Matches(ORG_REGION_CODE_PATTERN, { message: ORG_REGION_CODE_HINT })
  regionCode?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '81330602MC12345670', description: '统一社会信用代码（GB 32100）；基层工会以81开头' })
  @IsOptional()
  @IsString({ message: '统一社会信用代码应为18位' })
  @MaxLength(40, { message: '统一社会信用代码应为18位' })
  creditCode?: string | null;
}

/** Any subset; `parentId: null` moves to the root (cities only); code and type cannot change. */
export class UpdateOrgDto implements UpdateOrgRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '请填写组织名称' })
  @Matches(/\S/, { message: '请填写组织名称' })
  @MaxLength(ORG_NAME_MAX, { message: `不能超过${ORG_NAME_MAX}个字` })
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: '移到这个上级组织之下（整个下级一起移动）' })
  @IsOptional()
  @IsUUID('all', { message: '没有找到该上级组织' })
  parentId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: ORG_REGION_CODE_HINT })
  @IsOptional()
  @IsString({ message: ORG_REGION_CODE_HINT })
  @Matches(ORG_REGION_CODE_PATTERN, { message: ORG_REGION_CODE_HINT })
  regionCode?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: '统一社会信用代码应为18位' })
  @MaxLength(40, { message: '统一社会信用代码应为18位' })
  creditCode?: string | null;

  @ApiPropertyOptional({ description: 'false 停用（有在用的下级时不能停用），true 重新启用' })
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  active?: boolean;
}
