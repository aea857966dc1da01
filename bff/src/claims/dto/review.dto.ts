import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  CLAIM_DECISIONS,
  CLAIM_DOCUMENT_TYPES,
  CLAIM_STATUSES,
  ClaimDecision,
  ClaimDecisionRequest,
  ClaimDocumentType,
  MarkClaimPaidRequest,
} from '@unionhome/shared';
import { PageQueryDto } from '../../common/paging';
import { IsEntityId, IsFen, IsLocalDate } from '../../common/validators';

export const REVIEW_STATUS_FILTERS = ['waiting', ...CLAIM_STATUSES.filter((s) => s !== 'draft')] as const;
export type ReviewStatusFilter = (typeof REVIEW_STATUS_FILTERS)[number];

export class ReviewQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUS_FILTERS, description: 'waiting = submitted, in_review and resubmitted (default)' })
  @IsOptional()
  @IsIn(REVIEW_STATUS_FILTERS as unknown as string[], { message: '不在可选范围内' })
  status?: ReviewStatusFilter;

  @IsOptional()
  @IsEntityId({ required: false })
  planId?: string;

  @ApiPropertyOptional({ description: '会员姓名或会员号' })
  @IsOptional()
  @IsString({ message: '应为文字' })
  @MaxLength(50, { message: '太长了' })
  q?: string;

  @IsOptional()
  @IsLocalDate({ required: false, description: '提交日期从' })
  submittedFrom?: string;

  @IsOptional()
  @IsLocalDate({ required: false, description: '提交日期到' })
  submittedTo?: string;
}

export class ClaimDecisionDto implements ClaimDecisionRequest {
  @ApiProperty({ enum: CLAIM_DECISIONS })
  @IsIn(CLAIM_DECISIONS as unknown as string[], { message: '请选择通过、不通过或补充材料' })
  decision: ClaimDecision;

  @ApiPropertyOptional({ description: 'CLAIM_REASONS[decision] 中的编码' })
  @IsOptional()
  @IsString({ message: '请选择原因' })
  @MaxLength(30, { message: '请选择原因' })
  reasonCode?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString({ message: '应为文字' })
  @MaxLength(500, { message: '不能超过500个字' })
  note?: string;

  @IsOptional()
  @IsFen({ required: false, description: '核定金额（分）；不填则按规则计算的金额' })
  amount?: number;

  @ApiPropertyOptional({ enum: CLAIM_DOCUMENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray({ message: '应为列表' })
  @ArrayMinSize(1, { message: '请选择需要补充的材料' })
  @ArrayMaxSize(CLAIM_DOCUMENT_TYPES.length, { message: '项数太多了' })
  @IsIn(CLAIM_DOCUMENT_TYPES as unknown as string[], { each: true, message: '不在可选范围内' })
  documentTypes?: ClaimDocumentType[];
}

export class MarkPaidDto implements MarkClaimPaidRequest {
  @ApiProperty({ example: '2026-11-22', description: '打款日期 YYYY-MM-DD，或带时区的时间' })
  @IsString({ message: '请填写打款日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, { message: '日期格式应为 年-月-日' })
  paidAt: string;

  @ApiProperty({ example: 'BANK-20261122-0001', description: '银行流水号等打款凭据' })
  @IsString({ message: '请填写打款流水号' })
  @MinLength(1, { message: '请填写打款流水号' })
  @MaxLength(64, { message: '不能超过64个字符' })
  reference: string;
}
