import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { CreatePlanRequest, EnrolRequest, MEMBER_TAG_LABELS, PayoutTier } from '@unionhome/shared';
import { PageQueryDto } from '../../common/paging';
import { IsEntityId, IsFen, IsLocalDate, IsText } from '../../common/validators';

export class PayoutTierDto implements PayoutTier {
  @IsFen({ description: '本段起始金额（分）' })
  from: number;

  @ApiProperty({ type: 'integer', nullable: true, description: '本段结束金额（分，不含）；最后一段可为 null' })
  @ValidateIf((_o, v) => v !== null)
  @IsInt({ message: '金额应为整数（单位：分）' })
  @Min(1, { message: '结束金额应大于起始金额' })
  to: number | null;

  @ApiProperty({ example: 4000, description: '比例，基点（4000 = 40%）' })
  @IsInt({ message: '应为整数' })
  @Min(0, { message: '比例不能为负' })
  @Max(10000, { message: '比例不能超过100%' })
  ratioBp: number;
}

/** Integer fen or null (= no cap). */
function IsNullableFen(description: string) {
  return applyDecorators(
    ApiProperty({ type: 'integer', nullable: true, description }),
    ValidateIf((_o, v) => v !== null),
    IsInt({ message: '金额应为整数（单位：分）' }),
    Min(0, { message: '金额不能为负数' }),
  );
}

export class CreatePlanDto implements CreatePlanRequest {
  @ApiProperty({ example: 'SX-INPATIENT-2027' })
  @IsString({ message: '请填写计划编号' })
  @Matches(/^[A-Z0-9-]{3,40}$/, { message: '计划编号为3到40位大写字母、数字或"-"' })
  code: string;

  @ApiProperty()
  @IsString({ message: '请填写计划名称' })
  @MinLength(2, { message: '太短了' })
  @MaxLength(100, { message: '不能超过100个字' })
  name: string;

  @IsOptional()
  @IsText(2000, { required: false })
  description?: string;

  @IsFen({ description: '年缴费（分）' })
  premium: number;

  @IsLocalDate({ description: '保障期开始' })
  periodStart: string;

  @IsLocalDate({ description: '保障期结束（含）' })
  periodEnd: string;

  @ApiProperty({ description: '新参保等待期（天）' })
  @IsInt({ message: '应为整数' })
  @Min(0, { message: '不能为负' })
  @Max(365, { message: '不能超过365天' })
  waitingPeriodDays: number;

  @ApiProperty({ description: '出院后多少天内可申请' })
  @IsInt({ message: '应为整数' })
  @Min(1, { message: '至少1天' })
  @Max(3650, { message: '太大了' })
  claimDeadlineDays: number;

  @IsFen({ description: '起付线（分）' })
  deductible: number;

  @ApiProperty({ type: [PayoutTierDto] })
  @IsArray({ message: '应为列表' })
  @ArrayMinSize(1, { message: '至少需要一个赔付比例段' })
  @ArrayMaxSize(10, { message: '最多10段' })
  @ValidateNested({ each: true })
  @Type(() => PayoutTierDto)
  tiers: PayoutTierDto[];

  @ApiProperty({ example: 500, description: '加点（基点，500 = 加5个百分点）' })
  @IsInt({ message: '应为整数' })
  @Min(0, { message: '不能为负' })
  @Max(10000, { message: '不能超过100%' })
  bonusBp: number;

  @ApiProperty({ example: ['hardship', 'model_worker'] })
  @IsArray({ message: '应为列表' })
  @ArrayMaxSize(10, { message: '项数太多了' })
  @IsIn(Object.keys(MEMBER_TAG_LABELS), { each: true, message: '不在可选范围内' })
  bonusTags: string[];

  @IsNullableFen('单次最高（分），null = 不设')
  perClaimCap: number | null;

  @IsNullableFen('年度最高（分），null = 不设')
  annualCap: number | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  active?: boolean;
}

export class UpdatePlanDto extends PartialType(OmitType(CreatePlanDto, ['code'] as const)) {}

export class PlansQueryDto {
  @ApiPropertyOptional({ description: 'admin: include inactive plans' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '应为 true 或 false' })
  all?: 'true' | 'false';
}

export class CandidatesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEntityId({ required: false, description: '只看这个工会（及其下级）；干部默认本工会' })
  orgId?: string;

  @ApiPropertyOptional({ description: '姓名或会员号' })
  @IsOptional()
  @IsString({ message: '应为文字' })
  @MaxLength(50, { message: '太长了' })
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '应为 true 或 false' })
  enrolled?: 'true' | 'false';
}

export class EnrolDto implements EnrolRequest {
  @ApiProperty({ type: [String], description: '要参保的会员（用户编号），一次最多100人' })
  @IsArray({ message: '应为列表' })
  @ArrayMinSize(1, { message: '请至少勾选一人' })
  @ArrayMaxSize(100, { message: '一次最多100人' })
  @IsString({ each: true, message: '编号格式不正确' })
  @Matches(/^[0-9a-f-]{36}$/i, { each: true, message: '编号格式不正确' })
  userIds: string[];

  @IsOptional()
  @IsLocalDate({ required: false, description: '保障开始日期；默认今天（或计划开始日，取较晚者）' })
  coverageStart?: string;

  @ApiPropertyOptional({ description: '连续参保、免等待期' })
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  waiveWaitingPeriod?: boolean;
}
