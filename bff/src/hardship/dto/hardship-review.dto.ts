import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import {
  AID_TYPES,
  AidType,
  FINAL_DECISIONS,
  HardshipDecisionRequest,
  HardshipFinalDecision,
  HardshipReviewDecision,
  HardshipReviewRequest,
  REASON_MAX,
  REGION_CODE_PATTERN,
  REVIEW_DECISIONS,
  STAFF_HARDSHIP_STATUSES,
  StaffHardshipStatus,
} from '@unionhome/shared';
import { PageQueryDto } from '../../common/paging';
import { IsText, QueryInt } from '../../common/validators';

export class HardshipReviewDto implements HardshipReviewRequest {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS, { message: '请选择“初审通过”或“退回修改”' })
  decision: HardshipReviewDecision;

  @ApiPropertyOptional({ description: '退回时必填：请申请人修改或补充什么', maxLength: REASON_MAX })
  @IsOptional()
  @IsText(REASON_MAX)
  reason?: string;
}

export class HardshipDecisionDto implements HardshipDecisionRequest {
  @ApiProperty({ enum: FINAL_DECISIONS })
  @IsIn(FINAL_DECISIONS, { message: '请选择“批准”或“不批准”' })
  decision: HardshipFinalDecision;

  @ApiPropertyOptional({ description: '不批准时必填', maxLength: REASON_MAX })
  @IsOptional()
  @IsText(REASON_MAX)
  reason?: string;

  @ApiPropertyOptional({ enum: AID_TYPES, isArray: true, description: '批准时必填：给予的帮扶类型' })
  @IsOptional()
  @IsArray({ message: '帮扶类型应为列表' })
  @ArrayMaxSize(AID_TYPES.length, { message: '帮扶类型太多了' })
  @ArrayUnique({ message: '帮扶类型不能重复' })
  @IsIn(AID_TYPES, { each: true, message: '帮扶类型不在可选范围内' })
  aidTypes?: AidType[];
}

export class HardshipQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STAFF_HARDSHIP_STATUSES })
  @IsOptional()
  @IsIn(STAFF_HARDSHIP_STATUSES, { message: '状态不在可选范围内' })
  status?: StaffHardshipStatus;

  @ApiPropertyOptional({ example: '330602' })
  @IsOptional()
  @IsString()
  @Matches(REGION_CODE_PATTERN, { message: '地区代码应为6位数字' })
  regionCode?: string;
}

export class HardshipArchiveQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '只列出在这么多天内（含已逾期）到期复核的档案', example: 30 })
  @IsOptional()
  @QueryInt(0, 3650)
  dueWithinDays?: number;

  @ApiPropertyOptional({ example: '330602' })
  @IsOptional()
  @IsString()
  @Matches(REGION_CODE_PATTERN, { message: '地区代码应为6位数字' })
  regionCode?: string;
}
